/**
 * POLICY.REGISTRATION_CA_WITHOUT_TAP: an enforced CA policy on "Register
 * security info" whose authentication strength no TAP satisfies, so a new
 * user with no method cannot register anything.
 */
import { strengthsWithoutTap } from '../context';
import type { PolicyRule } from '../context';

export const registrationCaWithoutTap: PolicyRule = (ctx) => {
  const found = strengthsWithoutTap(ctx, ctx.facts.registrationConditionalAccess, 'POLICY.REGISTRATION_CA_WITHOUT_TAP');
  if (!found.ok) return found.failure;
  return found.value.map(({ policy, strength }) => ({
    code: 'POLICY.REGISTRATION_CA_WITHOUT_TAP',
    evidence: { policy: policy.displayName, strength: strength.displayName },
  }));
};
