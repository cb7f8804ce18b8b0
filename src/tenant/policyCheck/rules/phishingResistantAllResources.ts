/**
 * POLICY.PHISHING_RESISTANT_ALL_RESOURCES_WITHOUT_TAP: an enforced CA policy
 * on all resources whose strength admits no TAP: a user who has no
 * phishing-resistant credential yet cannot sign in to get one.
 */
import { strengthsWithoutTap, targetName } from '../context';
import type { PolicyRule } from '../context';

export const phishingResistantAllResources: PolicyRule = (ctx) => {
  const found = strengthsWithoutTap(ctx, ctx.facts.allResourcesConditionalAccess, 'POLICY.PHISHING_RESISTANT_ALL_RESOURCES_WITHOUT_TAP');
  if (!found.ok) return found.failure;
  return found.value.map(({ policy, strength }) => ({
    code: 'POLICY.PHISHING_RESISTANT_ALL_RESOURCES_WITHOUT_TAP',
    evidence: {
      policy: policy.displayName,
      strength: strength.displayName,
      excludedGroups: policy.users.excludeGroups.map((id) => targetName(ctx, { id, targetType: 'group' })),
    },
  }));
};
