/**
 * POLICY.PHISHING_RESISTANT_ALL_RESOURCES_WITHOUT_TAP: an enforced CA policy
 * on all resources whose strength admits no TAP: a user who has no
 * phishing-resistant credential yet cannot sign in to get one.
 */
import { usesTap } from '../../../diagnosis/layers/mfaBootstrap/authStrength';
import { need, targetName } from '../context';
import type { PolicyRule } from '../context';
import type { RuleHit } from '../types';

export const phishingResistantAllResources: PolicyRule = (ctx) => {
  const policies = need(ctx.facts.allResourcesConditionalAccess, 'POLICY.PHISHING_RESISTANT_ALL_RESOURCES_WITHOUT_TAP');
  if (!policies.ok) return policies.failure;
  const enforced = policies.value.filter((p) => p.state === 'enabled' && p.authenticationStrengthId);
  if (enforced.length === 0) return [];
  const strengths = need(ctx.facts.authenticationStrengths, 'POLICY.PHISHING_RESISTANT_ALL_RESOURCES_WITHOUT_TAP');
  if (!strengths.ok) return strengths.failure;
  return enforced.flatMap((p): RuleHit[] => {
    const strength = strengths.value.find((s) => s.id === p.authenticationStrengthId);
    if (!strength || strength.allowedCombinations.some(usesTap)) return [];
    const excluded = p.users.excludeGroups.map((id) => targetName(ctx, { id, targetType: 'group' }));
    return [{ code: 'POLICY.PHISHING_RESISTANT_ALL_RESOURCES_WITHOUT_TAP', evidence: { policy: p.displayName, strength: strength.displayName, excludedGroups: excluded } }];
  });
};
