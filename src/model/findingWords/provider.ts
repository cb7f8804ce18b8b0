/**
 * Layer 7, passkey provider choice, with the per-system coaching its fixes
 * give (Learn: how-to-register-passkey-authenticator, how-to-register-passkey,
 * passkey-faq).
 */
import type { OperatingSystem } from '../facts';
import type { WordsOfCodes } from './types';

const ELSEWHERE =
  'give {name} a passkey elsewhere: Microsoft Authenticator on the phone ' +
  '(choose "iPhone, iPad or Android device" in the Windows dialog) or a security key';
const DELETED =
  "was deleted from {name}'s account at {time} (\"{activity}\"). " +
  'If its copy is still on the device or key, registering again can fail with "passkey already exists".';
const DELETE_LOCAL_COPY =
  "Delete the local copy first ({where}; for a security key, the vendor's tool such as Yubico Authenticator, " +
  'or Windows Settings > Accounts > Sign-in options > Security key), then register again.';

export const PROVIDER_WORDS = {
  'L7.WRONG_PROVIDER': {
    /** `{landings}`: PROVIDER_PHRASES' kept… and tried… sentences, joined with "; ". */
    registered: {
      message: '{landings}.',
      fix: "Remove the passkey kept in {where} from {name}'s Security info, then register again. {steps}",
    },
    attempted: { message: '{landings}.', fix: '{steps}' },
    wouldGo: {
      message:
        'On {os} a passkey registered on the same device goes to {provider} unless {name} picks another provider, ' +
        'and none of the passkey profiles that apply accepts it ({reasons}).',
      fix: '{steps}',
    },
  },
  'L7.WHFB_CONFLICT': {
    default: {
      message:
        '{name} already has Windows Hello for Business on {device}, the device in question: "{quote}". ' +
        'A retry shows "passkey already registered".',
      fix: `Keep Windows Hello for Business for signing in to Windows on {device}, and ${ELSEWHERE}.`,
    },
  },
  'L7.WHFB_MAY_CONFLICT': {
    default: {
      message:
        '{name} has Windows Hello for Business (on {devices}), and "{quote}" — the container is one device\'s, ' +
        'so only registering on that device fails; nothing here says which device {name} registers on.',
      fix:
        'Ask {name} which Windows device they register on. If it holds their Windows Hello for Business (on {devices}), ' +
        `${ELSEWHERE}; on another device the Windows Hello passkey can go ahead.`,
    },
    noDeviceNames: {
      message:
        '{name} has Windows Hello for Business, and "{quote}" — the container is one device\'s, ' +
        'so only registering on that device fails; nothing here says which device {name} registers on.',
      fix:
        'Ask {name} which Windows device they register on. If it holds their Windows Hello for Business, ' +
        `${ELSEWHERE}; on another device the Windows Hello passkey can go ahead.`,
    },
  },
  'L7.ORPHANED_LOCAL_PASSKEY': {
    default: { message: `A passkey ({authenticator}) ${DELETED}`, fix: DELETE_LOCAL_COPY },
    unknownAuthenticator: { message: `A passkey ${DELETED}`, fix: DELETE_LOCAL_COPY },
  },
  'L7.NEEDS_DEVICE': {
    default: {
      message: 'The provider check needs {needs}.',
      fix: 'Add how the user registers and the intended authenticator (CLI: --path, --authenticator, --os; in Teams: the device form) and re-run.',
    },
  },
} as const satisfies WordsOfCodes;

/** The parts of a wrong-provider finding, what the check still needs, and what it could not read. */
export const PROVIDER_PHRASES = {
  keptRejected:
    "{name}'s passkey {label}, registered{when}, is kept in {where}, which none of the passkey profiles that apply accepts " +
    '({reasons}), so signing in with it will fail',
  keptNotMeant: "{name}'s passkey {label}, registered{when}, is kept in {where}, not in {meant} as intended",
  triedNotMeant: "{name}'s failed registration at {time} tried to save the passkey in {where}, not in {meant}",
  namedPasskey: '"{displayName}"',
  unnamedPasskey: 'a passkey',
  registeredOn: ' on {date}',
  profileRejects: '"{profile}" {reasons}',
  authenticator: 'Microsoft Authenticator',
  acceptedProvider: 'a provider the passkey profiles that apply to {name} accept',
  needsWhfbChoice:
    'where the passkey will be saved: {name} has Windows Hello for Business, ' +
    'so saving it to "This Windows device" (a Windows Hello passkey) could fail',
  needsProfileChoice: 'where the passkey will be saved: the passkey profiles that apply to {name} do not accept every provider',
  methodsGap: "{name}'s registered passkeys and Windows Hello for Business",
  auditsGap: "{name}'s recent passkey registrations and deletions",
  profilesPurpose: 'which passkey providers the profiles accept',
} as const;

const APPLE_PROVIDER_SETTINGS =
  'turn on {target} as a passkey provider (iOS 18: Settings > General > AutoFill & Passwords; iOS 17: Settings > Passwords > Password Options) ' +
  'and pick it when iOS asks where to save the passkey.';

/** Where, on each system, the user chooses the provider a new passkey is saved to; `other` for any system not named. */
export const CHOOSE_PROVIDER_STEPS: Partial<Record<OperatingSystem, string>> & { other: string } = {
  ios: `On the iPhone or iPad, ${APPLE_PROVIDER_SETTINGS}`,
  ipados: `On the iPhone or iPad, ${APPLE_PROVIDER_SETTINGS}`,
  android:
    'On the phone, open Settings > "Passwords, passkeys & autofill" (on some phones Passwords & accounts > Additional providers), ' +
    'turn on {target} and make it the preferred service. If the phone has a work profile, do this in the work profile ' +
    'and register from there: a passkey works only from the profile it was created in.',
  macos: 'In the passkey dialog on the Mac, choose to save the passkey another way and pick {target} instead of iCloud Keychain or the browser profile.',
  windows:
    'In the Windows passkey dialog, choose where to save it: "iPhone, iPad or Android device" puts it on the phone (for {target}), ' +
    '"Security key" on a key; "This Windows device" saves it to Windows Hello.',
  other: 'When the device asks where to save the passkey, pick {target}.',
};

/** Where, on each system, a stale local copy of a deleted passkey is removed. */
export const LOCAL_COPY_PLACES: Partial<Record<OperatingSystem, string>> & { other: string } = {
  ios: "on the iPhone: Settings > Passwords (or the provider's app, e.g. Microsoft Authenticator > the account)",
  ipados: "on the iPad: Settings > Passwords (or the provider's app)",
  android: 'on the phone: Settings > "Passwords, passkeys & autofill" > the provider (or Microsoft Authenticator > the account)',
  macos: "on the Mac: the Passwords app (or the browser's password manager)",
  windows: 'on Windows: Settings > Accounts > Passkeys',
  other: 'in the provider that kept it',
};
