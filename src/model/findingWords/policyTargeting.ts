/** Layer 1, policy targeting. */
import { PASSKEY_POLICY_BLADE } from './places';
import type { WordsOfCodes } from './types';

/** The clauses L1.EXCLUDED composes: how a user reaches an exclusion, and where to remove them from. */
export const EXCLUSION_PHRASES = {
  throughNamedNested: '{target} (through the nested group {groups})',
  throughNested: '{target} (through a nested group)',
  removeFromNested: '{groups} (nested in {targets})',
  removeFromSomeNested: '{targets} (or from the nested group that puts them there)',
} as const;

export const POLICY_TARGETING_WORDS = {
  'L1.GUEST_USER': {
    internal: {
      message:
        '{name} is an internal guest (userType Guest with an account of this tenant), and Microsoft Entra does not let guests register passkeys.',
      fix:
        'Convert {name} to a member (userType Member) if they should use a passkey here; until then they sign in with their other methods (a Temporary Access Pass is possible for an internal guest).',
    },
    external: {
      message: '{name} is a guest account, and Microsoft Entra does not let guests register passkeys in this tenant.',
      fix: 'A guest registers passkeys in their home organisation; only a member account can register one in this tenant.',
    },
  },
  'L1.ACCOUNT_DISABLED': {
    default: {
      message: "{name}'s account is disabled, so they cannot sign in to register anything.",
      fix: 'Enable the account (if that is intended) in the Entra admin center, then re-run.',
    },
  },
  'L1.SECURITY_DEFAULTS_ON': {
    default: {
      message:
        'Security defaults are on: they do not block passkeys, but Conditional Access and authentication strengths are unavailable while they are.',
    },
  },
  'L1.NOT_TARGETED': {
    default: {
      message: '{name} is not in any target of the passkey policy (it targets {includes}).',
      fix: `Add {name} to one of {includes} or add a target that contains {name} (${PASSKEY_POLICY_BLADE}).`,
    },
    noTargets: {
      message: 'The passkey policy has no include targets, so it applies to nobody, {name} included.',
      fix: `Add {name} to a group or add a target that contains {name} (${PASSKEY_POLICY_BLADE}).`,
    },
  },
  'L1.EXCLUDED': {
    default: {
      message: "{name} is in the passkey policy's exclusion {exclusions}, and exclusion wins over every include target.",
      fix: "Remove {name} from {removeFrom}, or take the group out of the passkey policy's exclusions if it was not meant for {name}.",
    },
  },
  'L1.IN_SCOPE_VIA_NESTED_GROUP': {
    default: {
      message:
        "{name} is in scope of the passkey policy only through a group nested in {groups}; Microsoft's documentation does not state whether nested groups count for the authentication methods policy.",
      fix: 'If registration is still refused, add {name} directly to {groups}.',
    },
  },
  'L1.TARGET_GROUP_MISSING': {
    one: {
      message: 'The passkey policy names a group that no longer exists ({groupIds}).',
      fix: `Remove or replace the deleted group in the passkey policy's {targets} targets (${PASSKEY_POLICY_BLADE}).`,
    },
    many: {
      message: 'The passkey policy names groups that no longer exist ({groupIds}).',
      fix: `Remove or replace the deleted group in the passkey policy's {targets} targets (${PASSKEY_POLICY_BLADE}).`,
    },
  },
  'L1.METHOD_DISABLED': {
    default: {
      message: 'The Passkey (FIDO2) method is turned off in the authentication methods policy, so nobody can register a passkey.',
      fix: `Enable Passkey (FIDO2) and target the intended users (${PASSKEY_POLICY_BLADE}).`,
    },
  },
  'L1.SELF_SERVICE_OFF': {
    default: {
      message: '"Allow self-service set up" is off in the passkey policy, so {name} cannot add a passkey in Security info even when targeted.',
      fix: `Turn on "Allow self-service set up" (${PASSKEY_POLICY_BLADE} > Configure).`,
    },
  },
} as const satisfies WordsOfCodes;
