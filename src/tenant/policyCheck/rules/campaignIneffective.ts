/**
 * POLICY.CAMPAIGN_INEFFECTIVE: a registration campaign the current settings
 * defeat — it nudges towards a method that is off, or towards passkeys while
 * every profile in use restricts them (the passkey nudge is "optimized for
 * users who are in a passkey profile that doesn't have any restrictions").
 */
import { isFullyPermissive } from '../../../diagnosis/passkeyProfileRules';
import { profilesInUse } from '../context';
import { activeCampaign, isPasskeyMethod } from './campaign';
import type { PolicyRule } from '../context';
import type { RuleHit } from '../types';

export const campaignIneffective: PolicyRule = (ctx) => {
  const campaign = activeCampaign(ctx);
  if (!campaign) return [];
  const methods = [...new Set(campaign.includeTargets.map((t) => t.targetedAuthenticationMethod))];
  return methods.flatMap((method): RuleHit[] => {
    if (isPasskeyMethod(method)) {
      if (!ctx.fido2) return [{ code: 'POLICY.CAMPAIGN_INEFFECTIVE', evidence: { method, reason: 'method-disabled' } }];
      const inUse = profilesInUse(ctx);
      return inUse.length > 0 && !inUse.some(isFullyPermissive)
        ? [{ code: 'POLICY.CAMPAIGN_INEFFECTIVE', evidence: { method, reason: 'profiles-restricted', profiles: inUse.map((p) => p.name) } }]
        : [];
    }
    const config = ctx.policy.methodConfigurations.find((c) => c.id.toLowerCase() === method.toLowerCase());
    return config && config.state !== 'enabled' ? [{ code: 'POLICY.CAMPAIGN_INEFFECTIVE', evidence: { method, reason: 'method-disabled' } }] : [];
  });
};
