/**
 * POLICY.WINDOWS_HELLO_NOT_ALLOWED: a profile meant for Windows Hello
 * passkeys (named for them, given to a group named for them, or listing some
 * of their AAGUIDs) whose enforced allow-list does not name all three
 * Windows Hello AAGUIDs — they "must be explicitly allowed" (the rule layer 2
 * applies to one user) — or that enforces attestation.
 */
import { authenticatorById } from '../../../catalog/authenticators';
import { targetName, targetsOfProfile } from '../context';
import type { PolicyRule } from '../context';
import type { RuleHit } from '../types';

const WINDOWS_HELLO = /windows hello/i;

export const windowsHelloNotAllowed: PolicyRule = (ctx) => {
  const helloAaguids = authenticatorById('windows-hello')?.aaGuids ?? [];
  if (!ctx.fido2 || helloAaguids.length === 0) return [];
  return ctx.profiles.flatMap((profile): RuleHit[] => {
    const { isEnforced, enforcementType, aaGuids } = profile.keyRestrictions;
    const allowList = isEnforced && enforcementType === 'allow' ? aaGuids : [];
    const intended =
      WINDOWS_HELLO.test(profile.name) ||
      targetsOfProfile(ctx, profile).some((t) => WINDOWS_HELLO.test(targetName(ctx, t))) ||
      helloAaguids.some((g) => aaGuids.includes(g));
    const missing = helloAaguids.filter((g) => !allowList.includes(g));
    // Entra accepts no attestation from these passkeys (catalogue note), so enforcing it blocks them as surely.
    const attestation = profile.attestationEnforcement === 'registrationOnly';
    return intended && (missing.length || attestation)
      ? [{ code: 'POLICY.WINDOWS_HELLO_NOT_ALLOWED', evidence: { profile: profile.name, missingAaguids: missing, attestationEnforced: attestation } }]
      : [];
  });
};
