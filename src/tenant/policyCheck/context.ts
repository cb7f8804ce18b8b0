/**
 * What every rule reads: the methods policy, and the passkey profiles as
 * layer 2 reads them — the tenant's profiles, or the legacy
 * `keyRestrictions`/`isAttestationEnforced` as one virtual profile.
 */
import type {
  AuthenticationMethodsPolicy,
  AuthenticationStrength,
  ConditionalAccessPolicy,
  Fact,
  FactGap,
  Fido2Configuration,
  PasskeyProfile,
  PolicyTarget,
} from '../../model/facts';
import { usesTap } from '../../diagnosis/layers/mfaBootstrap/authStrength';
import { legacyProfile } from '../../diagnosis/passkeyProfileRules';
import { ALL_USERS } from '../../diagnosis/scope';
import type { Result } from '../../model/result';
import type { PolicyCode } from './codes';
import type { PolicyFacts, RuleHit } from './types';

/** A policy-check rule: facts in, codes and evidence out. */
export type PolicyRule = (ctx: PolicyContext) => RuleHit[];

export interface PolicyContext {
  facts: PolicyFacts;
  policy: AuthenticationMethodsPolicy;
  /** The Passkey (FIDO2) configuration when the method is enabled; null otherwise (METHOD_DISABLED says why). */
  fido2: Fido2Configuration | null;
  profiles: PasskeyProfile[];
  /** No passkey profiles: `profiles` holds the legacy settings. */
  legacy: boolean;
}

export function policyContext(facts: PolicyFacts, policy: AuthenticationMethodsPolicy): PolicyContext {
  const fido2 = policy.fido2?.state === 'enabled' ? policy.fido2 : null;
  const legacy = !policy.fido2 || policy.fido2.passkeyProfiles.length === 0;
  const profiles = !policy.fido2 ? [] : legacy ? [legacyProfile(policy.fido2)] : policy.fido2.passkeyProfiles;
  return { facts, policy, fido2, profiles, legacy };
}

/** The include targets that give users this profile (every include target in a legacy tenant). */
export function targetsOfProfile(ctx: PolicyContext, profile: PasskeyProfile): PolicyTarget[] {
  const includes = ctx.fido2?.includeTargets ?? [];
  return ctx.legacy ? includes : includes.filter((t) => (t.allowedPasskeyProfiles ?? []).includes(profile.id));
}

/** Profiles somebody can get: named by an include target of the enabled method. */
export const profilesInUse = (ctx: PolicyContext): PasskeyProfile[] => ctx.profiles.filter((p) => targetsOfProfile(ctx, p).length > 0);

/** A target as a person reads it: "All users", the group's name, or its id when the group is unknown. */
export function targetName(ctx: PolicyContext, target: Pick<PolicyTarget, 'id' | 'targetType'>): string {
  if (target.id === ALL_USERS) return 'All users';
  if (target.targetType === 'user') return `user ${target.id}`;
  const groups = ctx.facts.existingGroups;
  return groups.ok ? (groups.value[target.id]?.displayName ?? target.id) : target.id;
}

/** A check that could not run because a fact is missing: severity `unknown`, naming the permission. */
export function notRun(check: PolicyCode, gap: FactGap): RuleHit {
  return {
    code: 'POLICY.CHECK_NOT_RUN',
    evidence: { check, reason: gap.reason, request: gap.request, ...(gap.permission ? { permission: gap.permission } : {}) },
  };
}

/** The value of a fact, or (as the failure) the `unknown` hits that stand in for `check`. */
export function need<T>(fact: Fact<T>, check: PolicyCode): Result<T, RuleHit[]> {
  return fact.ok ? fact : { ok: false, failure: [notRun(check, fact.failure)] };
}

/**
 * The enforced CA policies (enabled, requiring an authentication strength)
 * whose strength no TAP satisfies, each with that strength; or, when the
 * policies or (for an enforced one) the strengths could not be read, the
 * `unknown` hits that stand in for `check`.
 */
export function strengthsWithoutTap(
  ctx: PolicyContext,
  policies: Fact<ConditionalAccessPolicy[]>,
  check: PolicyCode,
): Result<Array<{ policy: ConditionalAccessPolicy; strength: AuthenticationStrength }>, RuleHit[]> {
  const read = need(policies, check);
  if (!read.ok) return read;
  const enforced = read.value.filter((p) => p.state === 'enabled' && p.authenticationStrengthId);
  if (enforced.length === 0) return { ok: true, value: [] };
  const strengths = need(ctx.facts.authenticationStrengths, check);
  if (!strengths.ok) return strengths;
  return {
    ok: true,
    value: enforced.flatMap((policy) => {
      const strength = strengths.value.find((s) => s.id === policy.authenticationStrengthId);
      return strength && !strength.allowedCombinations.some(usesTap) ? [{ policy, strength }] : [];
    }),
  };
}
