/**
 * Layer 3, MFA bootstrap: the user's MFA methods, the Temporary Access Pass
 * and the "Register security info" Conditional Access gate. Besides the
 * findings' words, the small maps below name the clauses a rule picks by
 * condition (why a pass cannot be used, what the TAP policy refuses) and the
 * labels of authentication-strength factors.
 */
import type { FindingText, WordsOfCodes } from './types';
import { CA_BLADE, METHODS_POLICIES_BLADE, SECURITY_INFO } from './places';

const ONE_TIME_TAP =
  `a one-time Temporary Access Pass; {name} signs in with it at ${SECURITY_INFO} ` + 'and registers the passkey within {minutes} minutes';
const NO_MFA_METHOD_MESSAGE =
  '{name} has no MFA-capable method and no usable Temporary Access Pass, ' +
  'so they cannot pass the MFA that Security info asks for before a passkey can be added.';
const TAP_NOT_USABLE_MESSAGE = "{name}'s Temporary Access Pass cannot be used: {why}.";

const CA_REQUIRES = 'Conditional Access policy "{policy}" requires the authentication strength "{strength}" to register security info';
const NEW_TAP_FIX =
  'Issue a new {kind} Temporary Access Pass (it replaces any pass {name} holds): "{strength}" accepts a {combination}. ' +
  '{name} signs in with it at Security info and adds the passkey within {minutes} minutes.';

/** The gate could not be judged: one fix, and the reason as the variant. */
const caUnknown = (why: string): FindingText => ({
  message: `Could not tell whether Conditional Access policy "{policy}" on registering security info lets {name} through: ${why}.`,
  fix: `Check "{policy}" for {name} in ${CA_BLADE} (the What If tool, user action "Register security info").`,
});

export const MFA_BOOTSTRAP_WORDS = {
  'L3.MFA_METHODS': {
    default: { message: "{name}'s MFA-capable methods: {methods}." },
    none: { message: '{name} has no registered MFA-capable method the policy allows.' },
  },
  'L3.LEGACY_MFA_SETTINGS': {
    default: {
      message:
        'The tenant\'s authentication methods migration is "{migrationState}", so the legacy per-user MFA and SSPR method settings ' +
        "still apply; {name}'s registered methods are counted without checking the methods policy.",
    },
  },
  'L3.NO_MFA_METHOD': {
    default: { message: NO_MFA_METHOD_MESSAGE, fix: `Issue ${ONE_TIME_TAP}.` },
    tapPolicy: {
      message: NO_MFA_METHOD_MESSAGE,
      fix: `First fix the Temporary Access Pass policy ({tapPolicyProblem}), then issue ${ONE_TIME_TAP}.`,
    },
    externalGuest: {
      message: NO_MFA_METHOD_MESSAGE,
      fix:
        '{name} is an external guest: "Temporary Access Pass cannot be added to an external guest user", ' +
        "and a guest's MFA belongs to their home organisation; there is nothing to issue here (see layer 1).",
    },
  },
  'L3.TAP_USABLE': {
    default: {
      message: '{name} has a Temporary Access Pass that is valid{until}{oneTime}: a way into Security info without another MFA method.',
    },
  },
  'L3.TAP_NOT_USABLE': {
    default: {
      message: TAP_NOT_USABLE_MESSAGE,
      fix:
        'Issue a new one-time Temporary Access Pass; it replaces the old one. ' +
        `{name} signs in with it at ${SECURITY_INFO} and adds the passkey within {minutes} minutes.`,
    },
    tapPolicy: {
      message: TAP_NOT_USABLE_MESSAGE,
      fix: 'Fix the Temporary Access Pass policy first ({tapPolicyProblem}), then issue a new one-time pass.',
    },
  },
  'L3.TAP_POLICY_BLOCKS': {
    default: {
      message: 'A Temporary Access Pass would not work for {name}: {tapPolicyProblem}.',
      fix: `Enable the Temporary Access Pass method and include {name} in its targets (${METHODS_POLICIES_BLADE} > Temporary Access Pass).`,
    },
  },
  'L3.TAP_INTERRUPT_MODE': {
    default: {
      message:
        'If {name} is in scope of the self-service password reset registration policy or the ID Protection MFA registration policy, ' +
        'signing in with a Temporary Access Pass opens the "interrupt" registration, where the passkey cannot be added: "{quote}"',
      fix: `If the interrupt registration appears, have {name} finish it, then go to ${SECURITY_INFO} and add the passkey there.`,
    },
  },
  'L3.REGISTRATION_CA_UNSATISFIABLE': {
    newTap: {
      message:
        `${CA_REQUIRES}, and none of {name}'s usable methods ({usable}) satisfies it; ` +
        'only a new {kind} Temporary Access Pass would.',
      fix: NEW_TAP_FIX,
    },
    newTapOverHeld: {
      message:
        `${CA_REQUIRES}, and none of {name}'s usable methods ({usable}) satisfies it; ` +
        "{name}'s current {heldKind} pass does not count; only a new {kind} Temporary Access Pass would.",
      fix: NEW_TAP_FIX,
    },
    tapNotAllowed: {
      message:
        `${CA_REQUIRES}, and neither {name}'s usable methods ({usable}) nor a Temporary Access Pass ` +
        '(the TAP policy does not allow {name} one of the kind it accepts) satisfies it.',
      fix:
        'Let {name} use a Temporary Access Pass (the Temporary Access Pass method must be on with {name} in scope), ' +
        'then issue one: "{strength}" accepts {tapCombinations}.',
    },
    tapNotAccepted: {
      message:
        `${CA_REQUIRES}, which accepts only {accepted}; {name} has {usable}, ` +
        'and the strength does not accept a Temporary Access Pass.',
      fix:
        "The strength needs phishing-resistant MFA {name} doesn't have yet: " +
        `exclude {name} from "{policy}" while the passkey is registered (${CA_BLADE}), ` +
        'or use a strength on that policy that accepts a one-time Temporary Access Pass, then issue one.',
    },
  },
  'L3.REGISTRATION_CA_UNKNOWN': {
    undecided: caUnknown('whether it applies depends on {conditions}'),
    strengthsNotRead: caUnknown('the authentication strengths were not read'),
    strengthMissing: caUnknown("its authentication strength {strengthId} is not among the tenant's strengths"),
    unconfirmed: caUnknown('"{strength}" could be met with {combinations}, which the facts cannot confirm for {name}'),
    otherControls: caUnknown(
      "none of {name}'s methods meets \"{strength}\", but the policy also grants with {controls}, which may be enough on its own",
    ),
  },
  'L3.REGISTRATION_CA_APPLIES': {
    strength: {
      message:
        'Conditional Access policy "{policy}" requires "{strength}" to register security info; {name} can meet it with {combination}.',
    },
    otherGrant: {
      message:
        'Conditional Access policy "{policy}" applies to registering security info for {name} (grant: {controls}); ' +
        'Passkey Doctor judges only authentication strengths, so check its other conditions if registration is refused.',
    },
  },
} as const satisfies WordsOfCodes;

/** What layer 3 could not read, for the gap finding's "Could not check …". */
export const MFA_BOOTSTRAP_GAPS = {
  methods: "{name}'s registered methods",
  methodsPolicy: 'the authentication methods policy',
  membership: "{name}'s group membership for the method policies",
  registrationCa: 'the Conditional Access policies on registering security info',
  strengths: 'the authentication strengths',
} as const;

/** Why the Temporary Access Pass policy would refuse the user a pass. */
export const TAP_POLICY_PROBLEMS = {
  methodOff: 'the Temporary Access Pass method is turned off in the authentication methods policy',
  externalGuest: 'a Temporary Access Pass cannot be added to an external guest user',
  excluded: "{name} is in the Temporary Access Pass policy's exclusion {exclusions}",
  notTargeted: '{name} is not in any target of the Temporary Access Pass policy ({includes})',
  noTargets: '{name} is not in any target of the Temporary Access Pass policy (it has none)',
} as const;

/** Why the pass the user holds cannot be used, by `methodUsabilityReason` (or the reason derived without one). */
export const TAP_UNUSABLE_WHY = {
  expired: 'it expired',
  expiredAt: 'it expired at {time}',
  notYetValid: 'it only becomes valid later',
  notYetValidAt: 'it only becomes valid at {time}',
  oneTimeUsed: 'it was a one-time pass and has already been used',
  disabledByPolicy: 'the Temporary Access Pass policy does not let {name} sign in with it',
  multiUseWhileOneTimeRequired:
    'it is a multi-use pass, and the authentication methods policy now requires one-time passes ' +
    '(signing in with it shows "Temporary Access Pass sign in was blocked due to User Credential Policy")',
  graph: 'Microsoft Graph reports it unusable ({reason})',
  graphNoReason: 'Microsoft Graph reports it unusable (no reason given)',
} as const;

/** The optional clauses of "has a Temporary Access Pass that is valid …". */
export const TAP_USABLE_CLAUSES = { until: ' until {time}', oneTime: ' (one-time)' } as const;

/** The user's usable methods when there are none, in the gate's messages. */
export const NO_MFA_METHOD_WORDS = 'no MFA method';
/** The grant controls of a policy that has none. */
export const NO_GRANT_WORDS = 'none';

export const TAP_KIND_WORDS: Record<'oneTime' | 'multiUse', string> = { oneTime: 'one-time', multiUse: 'multi-use' };

/** Graph's authenticationMethodModes as a technician reads them; a combination reads `password + SMS`. */
export const FACTOR_WORDS: Record<string, string> = {
  password: 'password',
  microsoftAuthenticatorPush: 'Microsoft Authenticator notification',
  deviceBasedPush: 'Microsoft Authenticator phone sign-in',
  sms: 'SMS',
  voice: 'voice call',
  softwareOath: 'software OATH code',
  hardwareOath: 'hardware OATH token',
  fido2: 'passkey (FIDO2)',
  windowsHelloForBusiness: 'Windows Hello for Business',
  x509CertificateMultiFactor: 'certificate (multifactor)',
  x509CertificateSingleFactor: 'certificate (single-factor)',
  temporaryAccessPassOneTime: 'one-time Temporary Access Pass',
  temporaryAccessPassMultiUse: 'multi-use Temporary Access Pass',
  qrCodePin: 'QR code and PIN',
  federatedMultiFactor: 'federated MFA',
  federatedSingleFactor: 'federated single factor',
  email: 'email code',
};

/** The Conditional Access user conditions that matched or could not be settled, as the evidence and messages name them. */
export const CA_CONDITION_WORDS = {
  allUsers: 'all users',
  userByName: 'the user by name',
  guests: 'guests and external users',
  group: 'group "{group}"',
  groupUnchecked: 'group "{group}" (membership not checked)',
  role: 'directory role {roleId}',
  rolesUnread: 'directory roles (could not be read)',
} as const;
