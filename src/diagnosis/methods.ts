/**
 * Narrowing and naming for registered authentication methods. `AuthMethod`'s
 * catch-all member has `kind: string`, so a `kind` check alone does not narrow.
 */
import { authenticatorName } from '../catalog/authenticators';
import type { AuthMethod, Fido2Method, TapMethod } from '../model/facts';

export const isFido2Method = (m: AuthMethod): m is Fido2Method => m.kind === 'fido2';
export const isTapMethod = (m: AuthMethod): m is TapMethod => m.kind === 'temporaryAccessPass';

const KIND_NAMES: Record<string, string> = {
  password: 'password',
  email: 'email (SSPR only)',
  phone: 'phone (SMS/voice)',
  microsoftAuthenticator: 'Microsoft Authenticator',
  passwordlessMicrosoftAuthenticator: 'Microsoft Authenticator passwordless sign-in',
  softwareOath: 'software OATH token',
  hardwareOath: 'hardware OATH token',
  windowsHelloForBusiness: 'Windows Hello for Business',
  platformCredential: 'platform credential',
  qrCodePin: 'QR code and PIN',
  temporaryAccessPass: 'Temporary Access Pass',
  external: 'external authentication method',
};

/** What the help desk calls a registered method, e.g. `passkey (YubiKey 5 Series)`. */
export function methodLabel(method: AuthMethod): string {
  if (isFido2Method(method)) return `passkey (${authenticatorName(method.aaGuid)})`;
  if (method.kind === 'external' && 'displayName' in method && method.displayName) return `${method.displayName} (external method)`;
  return KIND_NAMES[method.kind] ?? method.kind;
}
