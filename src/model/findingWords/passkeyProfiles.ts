/** Layer 2, passkey profiles, and the clauses the profile rules compose (reasons, profile descriptions). */
import { PASSKEY_POLICY_BLADE } from './places';
import type { WordsOfCodes } from './types';

/** How a message introduces the intended authenticator, by where we learnt of it; each ends with a comma. */
export const INTRODUCTIONS = {
  failedRegistration: '{authenticator}, which {name} tried in a failed registration{when},',
  seenAt: ' at {time}',
  path: '{authenticator}, which the {path} registration path uses,',
  meant: '{authenticator}, the authenticator {name} means to use,',
};

/** Why a layer after policy targeting could not look at the profiles, and what a missing fact kept it from checking. */
export const PROFILE_GAPS = {
  noFido2Configuration: 'the tenant has no Passkey (FIDO2) method configuration (see layer 1).',
  noIncludeTarget: '{name} matches no include target of the passkey policy (see layer 1).',
  noProfile: 'no passkey profile applies to {name} (see layer 2).',
  profiles: 'the passkey profiles',
  whichProfilesApply: 'which passkey profiles apply to {name}',
  registeredStillPass: "whether {name}'s registered passkeys still pass the profiles",
};

/** The clauses of the profile rules (src/diagnosis/passkeyProfileRules.ts): the legacy settings' name, descriptions, reasons to reject. */
export const PROFILE_PHRASES = {
  legacyProfileName: 'Tenant-wide passkey settings',
  deviceBound: 'device-bound',
  synced: 'synced',
  noPasskeyTypes: 'no passkey types',
  description: '{name} ({types}; {attestation}; {restrictions})',
  attestationEnforced: 'attestation enforced',
  noAttestation: 'no attestation',
  anyAuthenticator: 'any authenticator',
  oneAaguidList: '{enforcementType} list of {count} AAGUID',
  aaguidList: '{enforcementType} list of {count} AAGUIDs',
  appAttestsOnlyInApp:
    'Microsoft Authenticator only provides attestation when the passkey is added from within the app, not through a browser or QR code',
  syncedNoAttestation: 'synced passkeys carry no attestation',
  notAttestationEligible: "{authenticator} passkeys are not on Microsoft's attestation-eligible list",
  onlyTypes: 'allows only {types} passkeys',
  windowsHelloNeedsAllowList:
    'it does not explicitly allow the Windows Hello AAGUIDs, which Windows Hello passkeys need ({restrictions} is not enough)',
  blockList: 'a block list',
  noKeyRestrictions: 'no key restrictions',
  notOnAllowList: 'its allow list does not include {authenticator}',
  onBlockList: 'its block list includes {authenticator}',
  enforcesAttestation: 'enforces attestation and {why}',
  cannotAttest: '{authenticator} cannot attest',
};

/** The AAGUIDs a fix asks to allow, and the words that change with how many profiles apply. */
export const ALLOW_PHRASES = {
  oneAaguid: 'AAGUID {aaGuid}',
  aaguids: 'the AAGUIDs {aaGuids}',
  oneProfile: { oneOf: '', theyAllow: 'it allows' },
  profiles: { oneOf: 'one of ', theyAllow: 'those profiles allow' },
};

const CANNOT_REGISTER = '{intro} cannot be registered:';
const WINDOWS_HELLO_BLOCKED =
  `${CANNOT_REGISTER} Windows Hello passkeys register only where a passkey profile's allow list names them ("{quote}"), ` +
  'and no passkey profile that applies to {name} ({profileNames}) does; ' +
  'profiles that explicitly allow the Windows Hello AAGUIDs are what it needs.';
const KEY_BLOCKED = `${CANNOT_REGISTER} the key restrictions of every passkey profile that applies to {name} ({profileNames}) reject it.`;
const ALLOW_WHERE = `{aaGuids} in {oneOf}{profileNames} (${PASSKEY_POLICY_BLADE})`;
const USE_AUTHENTICATOR_APP =
  'Have {name} make Microsoft Authenticator the passkey provider (add the passkey from within the Authenticator app) and register again: ' +
  'the profiles accept it. If {authenticator} is meant to be allowed, ';
const CANNOT_ATTEST =
  '{intro} cannot provide attestation ({why}), and every passkey profile that applies to {name} enforces attestation at registration.';
const UNKNOWN_AUTHENTICATOR =
  "{intro} is not in Passkey Doctor's authenticator catalogue, so we cannot tell whether it creates synced or device-bound passkeys;";

export const PASSKEY_PROFILES_WORDS = {
  'L2.PROFILES_APPLIED': {
    default: { message: 'Passkey profiles that apply to {name}: {profiles}.' },
    legacy: { message: 'This tenant has not moved to passkey profiles, so the tenant-wide passkey settings apply to {name}: {profiles}.' },
  },
  'L2.NO_APPLICABLE_PROFILE': {
    one: {
      message:
        'The passkey policy includes {name} through {targets}, but no passkey profile is assigned to that target, ' +
        'so no passkey can be registered.',
      fix: `Assign at least one passkey profile to {targets} (${PASSKEY_POLICY_BLADE}).`,
    },
    many: {
      message:
        'The passkey policy includes {name} through {targets}, but no passkey profile is assigned to those targets, ' +
        'so no passkey can be registered.',
      fix: `Assign at least one passkey profile to {targets} (${PASSKEY_POLICY_BLADE}).`,
    },
  },
  'L2.AUTHENTICATOR_BLOCKED': {
    windowsHello: {
      message: WINDOWS_HELLO_BLOCKED,
      fix: `Allow ${ALLOW_WHERE} as an enforced allow list, or have {name} use an authenticator {theyAllow}.`,
    },
    windowsHelloAppFirst: {
      message: WINDOWS_HELLO_BLOCKED,
      fix: `${USE_AUTHENTICATOR_APP}allow ${ALLOW_WHERE} as an enforced allow list.`,
    },
    keyBlocked: { message: KEY_BLOCKED, fix: `Allow ${ALLOW_WHERE}, or have {name} use an authenticator {theyAllow}.` },
    keyBlockedAppFirst: { message: KEY_BLOCKED, fix: `${USE_AUTHENTICATOR_APP}allow ${ALLOW_WHERE}.` },
    ownReasons: {
      message: `${CANNOT_REGISTER} each passkey profile that applies to {name} rejects it for its own reason: {reasons}.`,
      fix: 'Have {name} use an authenticator one of the profiles allows, or change one profile so it accepts {authenticator}.',
    },
  },
  'L2.ATTESTATION_REQUIRED': {
    default: {
      message: CANNOT_ATTEST,
      fix:
        'Have {name} use an attestation-eligible security key or Microsoft Authenticator, ' +
        `or assign {name} a profile with attestation off (${PASSKEY_POLICY_BLADE}).`,
    },
    authenticatorApp: {
      message: CANNOT_ATTEST,
      fix: 'Have {name} add the passkey from within the Microsoft Authenticator app, not through the browser or a QR code.',
    },
  },
  'L2.SYNCED_NOT_ALLOWED': {
    default: {
      message:
        '{intro} stores synced passkeys, and none of the passkey profiles that apply to {name} ({profileNames}) allows synced passkeys.',
      fix:
        'Have {name} register a device-bound passkey (security key or Microsoft Authenticator), ' +
        'or allow synced passkeys in a profile assigned to {name} (attestation must be off in that profile).',
    },
    legacy: {
      message:
        '{intro} stores synced passkeys, and this tenant has not moved to passkey profiles: "{needsProfiles}". ' +
        'The same Microsoft page also says "{alreadyEnabled}", so Microsoft contradicts itself here; ' +
        'Passkey Doctor follows the first sentence, which is the one that cannot give a false "Ready".',
      fix:
        'Have {name} register a device-bound passkey (security key or Microsoft Authenticator), or move the tenant to passkey profiles ' +
        'and allow synced passkeys in a profile assigned to {name} (attestation off in that profile).',
    },
  },
  'L2.AUTHENTICATOR_UNKNOWN': {
    attestationEnforced: {
      message:
        `${UNKNOWN_AUTHENTICATOR} every applicable passkey profile enforces attestation, ` +
        "so it registers only if the model is on Microsoft's attestation-eligible list.",
      fix: "Check AAGUID {aaGuid} against Microsoft's attestation-eligible list; if it is missing, have {name} use an eligible key.",
    },
    oneType: {
      message: `${UNKNOWN_AUTHENTICATOR} the applicable profiles that would accept its AAGUID allow only one passkey type.`,
      fix: 'Find out whether AAGUID {aaGuid} is a synced passkey provider, then re-run with a known authenticator.',
    },
  },
  'L2.NEEDS_AUTHENTICATOR': {
    default: {
      message:
        'No passkey profile that applies to {name} accepts every authenticator ({profiles}), ' +
        'so whether registration works depends on the authenticator {name} uses.',
      fix:
        'Add the device details with the intended authenticator ' +
        '(security key model, Microsoft Authenticator, Windows Hello or a passkey provider) and re-run.',
    },
  },
  'L2.AUTHENTICATOR_APP_NOT_ALLOWED': {
    default: {
      message:
        'None of the passkey profiles that apply to {name} accepts Microsoft Authenticator, ' +
        'so {name} cannot keep a passkey in the Authenticator app.',
      fix:
        'If Authenticator passkeys are wanted, allow device-bound passkeys and the Authenticator AAGUIDs ({aaGuids}) ' +
        `in a profile assigned to {name} (${PASSKEY_POLICY_BLADE}).`,
    },
  },
  'L2.REGISTERED_PASSKEY_NOW_BLOCKED': {
    default: {
      message:
        "{name}'s registered passkey {passkey} is now rejected by every passkey profile that applies ({reasons}), " +
        'so signing in with it will fail.',
      fix: 'Remove that passkey and have {name} register one the profiles allow, or allow it again in a profile.',
    },
  },
} as const satisfies WordsOfCodes;
