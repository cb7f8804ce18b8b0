/**
 * Words for people beside the code catalogue: what a rollout owner does
 * about each blocking cause for a whole population. The per-person fixes
 * (with names) stay on each member's `diagnose` card.
 */
const FIXES: Record<string, string> = {
  'L1.METHOD_DISABLED': 'Turn on Passkey (FIDO2) in the authentication methods policy and target the rollout group.',
  'L1.NOT_TARGETED': 'Add these people (or the rollout group) to an include target of the Passkey (FIDO2) policy.',
  'L1.EXCLUDED': 'Take these people out of the passkey policy\'s excluded groups, or remove the group from its exclusions if it was not meant for them.',
  'L1.SELF_SERVICE_OFF': 'Turn on "Allow self-service set up" in the Passkey (FIDO2) policy.',
  'L1.GUEST_USER': 'Guests register passkeys in their home organisation; leave them out of the rollout or convert internal guests to members.',
  'L1.ACCOUNT_DISABLED': 'Disabled accounts cannot register anything: leave them out of the rollout, or enable those that should be in it.',
  'L2.NO_APPLICABLE_PROFILE': 'Assign a passkey profile to the policy target that includes these people.',
  'L2.AUTHENTICATOR_BLOCKED': 'Allow the authenticator they use in their passkey profile, or have them use one the profile allows.',
  'L2.ATTESTATION_REQUIRED': 'Have them use an attestation-eligible key or Microsoft Authenticator, or assign a profile without attestation.',
  'L2.SYNCED_NOT_ALLOWED': 'Allow synced passkeys in their passkey profile, or have them register a device-bound passkey.',
  'L3.NO_MFA_METHOD': 'Issue each a one-time Temporary Access Pass on the day they register (a pass holder signs in to Security info with it).',
  'L3.REGISTRATION_CA_UNSATISFIABLE': 'The Conditional Access policy on "Register security info" asks for a method they do not have: allow a Temporary Access Pass in its authentication strength, or exclude the rollout for its duration.',
};

export function causeFix(code: string): string {
  return FIXES[code] ?? `Run "diagnose <upn>" for one of these people: the card names the fix.`;
}
