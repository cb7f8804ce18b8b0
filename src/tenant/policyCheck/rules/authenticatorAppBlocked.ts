/**
 * POLICY.AUTHENTICATOR_APP_BLOCKED: the registration campaign sends users to
 * Microsoft Authenticator while a profile they get rejects Authenticator
 * passkeys (judged exactly as layer 2 judges one user's Authenticator).
 */
import { rejectsAuthenticatorApp } from '../../../diagnosis/passkeyProfileRules';
import { ALL_USERS } from '../../../diagnosis/scope';
import { profilesInUse, targetName, targetsOfProfile } from '../context';
import { activeCampaign } from './campaign';
import type { PolicyRule } from '../context';
import type { RuleHit } from '../types';

export const authenticatorAppBlocked: PolicyRule = (ctx) => {
  const campaign = activeCampaign(ctx);
  const nudged = new Set(campaign?.includeTargets.filter((t) => t.targetedAuthenticationMethod.toLowerCase() === 'microsoftauthenticator').map((t) => t.id));
  if (!ctx.fido2 || nudged.size === 0) return [];
  return profilesInUse(ctx)
    .filter(rejectsAuthenticatorApp)
    .flatMap((profile): RuleHit[] => {
      const reached = targetsOfProfile(ctx, profile).filter((t) => nudged.has(ALL_USERS) || nudged.has(t.id));
      return reached.length ? [{ code: 'POLICY.AUTHENTICATOR_APP_BLOCKED', evidence: { profile: profile.name, targets: reached.map((t) => targetName(ctx, t)) } }] : [];
    });
};
