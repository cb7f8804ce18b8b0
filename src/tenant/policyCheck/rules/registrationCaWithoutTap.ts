/**
 * POLICY.REGISTRATION_CA_WITHOUT_TAP: an enforced CA policy on "Register
 * security info" whose authentication strength no TAP satisfies, so a new
 * user with no method cannot register anything.
 */
import { usesTap } from '../../../diagnosis/layers/mfaBootstrap/authStrength';
import { need } from '../context';
import type { PolicyRule } from '../context';
import type { RuleHit } from '../types';

export const registrationCaWithoutTap: PolicyRule = (ctx) => {
  const policies = need(ctx.facts.registrationConditionalAccess, 'POLICY.REGISTRATION_CA_WITHOUT_TAP');
  if (!policies.ok) return policies.failure;
  const enforced = policies.value.filter((p) => p.state === 'enabled' && p.authenticationStrengthId);
  if (enforced.length === 0) return [];
  const strengths = need(ctx.facts.authenticationStrengths, 'POLICY.REGISTRATION_CA_WITHOUT_TAP');
  if (!strengths.ok) return strengths.failure;
  return enforced.flatMap((p): RuleHit[] => {
    const strength = strengths.value.find((s) => s.id === p.authenticationStrengthId);
    if (!strength || strength.allowedCombinations.some(usesTap)) return [];
    return [{ code: 'POLICY.REGISTRATION_CA_WITHOUT_TAP', evidence: { policy: p.displayName, strength: strength.displayName } }];
  });
};
