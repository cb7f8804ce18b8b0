/**
 * Failure reasons → causes. Microsoft enumerates no failure `resultReason`
 * texts for passkey registration (docs/graph-facts.md §10: "Failure resultReason texts
 * are not enumerated in any cited source"; facts-2026: "unconfirmed: keep
 * unknown reasons verbatim"), so the table matches on the words a reason
 * carries and says, beside each row, which documented rule the words point to.
 * A reason no row matches is its own cause, kept verbatim.
 */
import type { LayerNumber } from '../../model/verdictTypes';

export interface ReasonRule {
  cause: string;
  pattern: RegExp;
  layer: LayerNumber | null;
  fix: string | null;
  source: string;
  quote: string;
}

export const REASON_RULES: readonly ReasonRule[] = [
  {
    cause: 'user-cancelled',
    pattern: /cancel+ed|aborted by the user|NotAllowedError/i,
    layer: null,
    fix: null,
    source: 'https://learn.microsoft.com/entra/identity/monitoring-health/reference-audit-activities',
    quote: 'User canceled security info registration',
  },
  {
    cause: 'timed-out',
    pattern: /time[sd]? ?out/i,
    layer: null,
    fix: null,
    source: 'https://learn.microsoft.com/graph/api/resources/directoryaudit',
    quote: 'result … success | failure | timeout',
  },
  {
    cause: 'authenticator-not-allowed',
    pattern: /aaguid|key restriction|not (?:in the )?allow(?:ed)? ?list|passkey profile|authenticator (?:is )?not allowed/i,
    layer: 2,
    fix: 'Add the authenticator\'s AAGUID to the passkey profile that targets the user, or have the user register an allowed model.',
    source: 'https://learn.microsoft.com/entra/identity/authentication/how-to-authentication-passkeys-fido2',
    quote: 'keyRestrictions … enforcementType allow/block … aaGuids',
  },
  {
    cause: 'attestation-failed',
    pattern: /attestation/i,
    layer: 2,
    fix: 'Use a key on Microsoft\'s attestation-eligible list, or set the profile\'s attestation enforcement to disabled.',
    source: 'https://learn.microsoft.com/entra/identity/authentication/concept-fido2-hardware-vendor',
    quote: 'If attestation is enabled, only device-bound passkeys are allowed',
  },
  {
    cause: 'method-not-enabled',
    pattern: /not enabled|disabled for|not (?:in scope|targeted)|policy does not allow|method is disabled/i,
    layer: 1,
    fix: 'Target the user with the Passkey (FIDO2) method policy (include group, not excluded).',
    source: 'https://learn.microsoft.com/entra/identity/authentication/how-to-enable-passkey-fido2',
    quote: 'Under Enable and Target, … Include … Exclude',
  },
  {
    cause: 'mfa-required',
    pattern: /multi-?factor|strong authentication|\bMFA\b|reauthenticat|proof ?up/i,
    layer: 4,
    fix: 'Have the user sign in again with MFA (or a Temporary Access Pass) and register within a few minutes.',
    source: 'https://learn.microsoft.com/entra/identity/authentication/how-to-enable-passkey-fido2',
    quote: 'Users must complete multifactor authentication (MFA) within the past five minutes before they can register a passkey',
  },
  {
    cause: 'platform-unsupported',
    pattern: /not supported|unsupported (?:browser|platform|device|os)/i,
    layer: 5,
    fix: 'Register from a supported OS and browser (see the platform matrix) or use a security key.',
    source: 'https://learn.microsoft.com/entra/identity/authentication/fido2-compatibility',
    quote: 'Browser and operating system support for passkeys (FIDO2)',
  },
];

export interface ReasonCause {
  cause: string;
  layer: LayerNumber | null;
  fix: string | null;
}

/** The cause a failure reason points to; unknown or missing reasons stay verbatim. */
export function causeOf(reason: string | null): ReasonCause {
  const text = reason?.trim() ?? '';
  if (!text) return { cause: 'no reason given', layer: null, fix: null };
  const rule = REASON_RULES.find((r) => r.pattern.test(text));
  return rule ? { cause: rule.cause, layer: rule.layer, fix: rule.fix } : { cause: text, layer: null, fix: null };
}
