/** Layer 6, hardware. */
import type { WordsOfCodes } from './types';

const NO_PIN_SET_UP =
  " don't offer to set up a PIN or biometric on a new security key, so registering a key that has none fails ({citation}).";
const SET_PIN =
  'Set a PIN on the key first (on Windows: Settings > Accounts > Sign-in options > Security key > Manage; ' +
  "or the vendor's app, e.g. Yubico Authenticator), then register it.";
const ENFORCING = 'every passkey profile that applies to {name} enforces attestation ({profiles})';

/** What the hardware check still needs to know; the needs join into one L6.NEEDS_AUTHENTICATOR message. */
export const HARDWARE_NEEDS = {
  os: "the operating system the key is registered on (iOS, and Safari or Firefox on macOS, need the key's PIN set first)",
  browser: "the browser (on {os}, some browsers need the key's PIN set first)",
  unknownKeyModel:
    `a security key model Passkey Doctor knows: AAGUID {aaGuid} is not in its catalogue, and ${ENFORCING}, ` +
    "so only models on Microsoft's attestation-eligible list register",
  keyModel: `the security key model: ${ENFORCING}, so only models on Microsoft's attestation-eligible list register`,
  phone: 'which phone will hold the passkey in Microsoft Authenticator (iPhone or Android: Android phones need secure hardware)',
  unknownAaguid: "what AAGUID {aaGuid} is: it is not in Passkey Doctor's catalogue, so the hardware that holds it cannot be judged",
  provider: 'the passkey provider (a passkey in Microsoft Authenticator on Android needs secure hardware)',
  phoneSavesTo: 'where the phone saves the passkey (a passkey in Microsoft Authenticator on Android needs secure hardware)',
  holder:
    'what will hold the passkey: a security key (which model), Microsoft Authenticator (iPhone or Android), ' +
    'Windows Hello or a passkey provider',
};

/** What a missing fact kept the layer from checking ("Could not check …"). */
export const HARDWARE_GAPS = {
  attestation: 'whether the passkey profiles enforce attestation',
};

export const HARDWARE_WORDS = {
  'L6.KEY_NEEDS_PIN': {
    os: { message: `Browsers on {os}${NO_PIN_SET_UP}`, fix: SET_PIN },
    browser: { message: `Browsers in {browser} on {os}${NO_PIN_SET_UP}`, fix: SET_PIN },
  },
  'L6.KEY_NOT_ATTESTATION_ELIGIBLE': {
    default: {
      message:
        `{authenticator} is not on Microsoft's list of attestation-eligible keys, and ${ENFORCING}, ` +
        'so Entra will refuse to register it.',
      fix: "Use a key model on Microsoft's attestation-eligible list, or assign {name} a passkey profile without enforced attestation.",
    },
  },
  'L6.ANDROID_SECURE_HARDWARE': {
    default: {
      message: '{fact} ({citation}).',
      fix:
        'This cannot be checked remotely: if registration fails on this phone, ' +
        'check it has hardware-backed key storage (StrongBox or TEE), or use a security key.',
    },
  },
  'L6.ROOTED_OR_JAILBROKEN': {
    default: {
      message: '{fact} ({citation}).',
      fix: 'If the phone is rooted or jailbroken, register a security key instead.',
    },
  },
  'L6.NEEDS_AUTHENTICATOR': {
    default: {
      message: 'The hardware check needs {needs}.',
      fix:
        'Add the intended authenticator and device details ' +
        '(CLI: --authenticator, --path, --os, --browser; in Teams: the device form) and re-run.',
    },
  },
} as const satisfies WordsOfCodes;
