/**
 * Where, on each system, a user chooses the provider a new passkey is saved
 * to, and how a stale local copy is removed. Fix texts for layer 7 (Learn:
 * how-to-register-passkey-authenticator, how-to-register-passkey, passkey-faq).
 */
import type { OperatingSystem } from '../../../model/facts';

export function chooseProviderSteps(os: OperatingSystem | null, target: string): string {
  switch (os) {
    case 'ios':
    case 'ipados':
      return `On the iPhone or iPad, turn on ${target} as a passkey provider (iOS 18: Settings > General > AutoFill & Passwords; iOS 17: Settings > Passwords > Password Options) and pick it when iOS asks where to save the passkey.`;
    case 'android':
      return `On the phone, open Settings > "Passwords, passkeys & autofill" (on some phones Passwords & accounts > Additional providers), turn on ${target} and make it the preferred service. If the phone has a work profile, do this in the work profile and register from there: a passkey works only from the profile it was created in.`;
    case 'macos':
      return `In the passkey dialog on the Mac, choose to save the passkey another way and pick ${target} instead of iCloud Keychain or the browser profile.`;
    case 'windows':
      return `In the Windows passkey dialog, choose where to save it: "iPhone, iPad or Android device" puts it on the phone (for ${target}), "Security key" on a key; "This Windows device" saves it to Windows Hello.`;
    default:
      return `When the device asks where to save the passkey, pick ${target}.`;
  }
}

export function removeLocalCopySteps(os: OperatingSystem | null): string {
  const steps: Record<string, string> = {
    ios: 'on the iPhone: Settings > Passwords (or the provider\'s app, e.g. Microsoft Authenticator > the account)',
    ipados: 'on the iPad: Settings > Passwords (or the provider\'s app)',
    android: 'on the phone: Settings > "Passwords, passkeys & autofill" > the provider (or Microsoft Authenticator > the account)',
    macos: 'on the Mac: the Passwords app (or the browser\'s password manager)',
    windows: 'on Windows: Settings > Accounts > Passkeys',
  };
  const where = (os && steps[os]) ?? 'in the provider that kept it';
  return `Delete the local copy first (${where}; for a security key, the vendor's tool such as Yubico Authenticator, or Windows Settings > Accounts > Sign-in options > Security key), then register again.`;
}
