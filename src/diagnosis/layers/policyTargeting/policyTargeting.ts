/**
 * Layer 1: is the user allowed to register a passkey at all? The Passkey
 * (FIDO2) method must be on, the user in an include target and in no exclude
 * target, self-service set-up allowed, and the account an enabled member.
 */
import type { LayerContext } from '../../context';
import { isGuest, isInternalGuest, personName } from '../../context';
import type { Fido2Configuration, PolicyTarget } from '../../../model/facts';
import { gapFinding, said } from '../../finding';
import { ALL_USERS, evaluateScope, type Membership } from '../../scope';
import { isNestedOnly, nestedGroupsVia, targetEvidence, targetLabel } from '../../targetNames';
import type { Finding } from '../../../model/verdictTypes';
import { listOf } from '../../wording';
import { EXCLUSION_PHRASES } from '../../../model/findingWords/policyTargeting';
import { fillIn } from '../../../model/words';

function accountFindings(ctx: LayerContext): Finding[] {
  const name = personName(ctx.user);
  const findings: Finding[] = [];
  if (isGuest(ctx.user)) {
    findings.push(
      said(
        'L1.GUEST_USER',
        { name },
        {
          variant: isInternalGuest(ctx.user) ? 'internal' : 'external',
          evidence: { userType: ctx.user.userType, userPrincipalName: ctx.user.userPrincipalName },
        },
      ),
    );
  }
  if (ctx.user.accountEnabled === false) {
    findings.push(said('L1.ACCOUNT_DISABLED', { name }, { evidence: { accountEnabled: false } }));
  }
  const defaults = ctx.tenant.securityDefaults;
  if (defaults.ok && defaults.value.isEnabled) {
    findings.push(said('L1.SECURITY_DEFAULTS_ON', {}, { evidence: { securityDefaults: true } }));
  }
  return findings;
}

function scopeFindings(ctx: LayerContext, fido2: Fido2Configuration, membership: Membership): Finding[] {
  const name = personName(ctx.user);
  const scope = evaluateScope(fido2, membership);
  const findings: Finding[] = [];
  if (scope.matchedIncludes.length === 0) {
    const includes = fido2.includeTargets.map((t) => targetLabel(ctx, t));
    findings.push(
      said(
        'L1.NOT_TARGETED',
        { name, includes: listOf(includes) },
        {
          variant: includes.length ? 'default' : 'noTargets',
          evidence: { includeTargets: fido2.includeTargets.map((t) => targetEvidence(ctx, t)) },
        },
      ),
    );
  }
  if (scope.matchedExcludes.length > 0) {
    const via = (t: PolicyTarget) => nestedGroupsVia(ctx, t).map((g) => `"${g.displayName}"`);
    const excluded = (t: PolicyTarget) => {
      const target = targetLabel(ctx, t);
      if (!isNestedOnly(ctx, t)) return target;
      const groups = via(t);
      return groups.length
        ? fillIn(EXCLUSION_PHRASES.throughNamedNested, { target, groups: listOf(groups) })
        : fillIn(EXCLUSION_PHRASES.throughNested, { target });
    };
    const nestedHops = scope.matchedExcludes.flatMap(via);
    const targets = listOf(scope.matchedExcludes.map((t) => targetLabel(ctx, t)));
    const removeFrom = nestedHops.length
      ? fillIn(EXCLUSION_PHRASES.removeFromNested, { groups: listOf(nestedHops), targets })
      : scope.matchedExcludes.some((t) => isNestedOnly(ctx, t))
        ? fillIn(EXCLUSION_PHRASES.removeFromSomeNested, { targets })
        : targets;
    findings.push(
      said(
        'L1.EXCLUDED',
        { name, exclusions: listOf(scope.matchedExcludes.map(excluded)), removeFrom },
        {
          evidence: {
            excludedBy: scope.matchedExcludes.map((t) => ({
              ...targetEvidence(ctx, t),
              nested: isNestedOnly(ctx, t),
              via: nestedGroupsVia(ctx, t),
            })),
          },
        },
      ),
    );
  }
  if (scope.inScope && scope.matchedIncludes.every((t) => isNestedOnly(ctx, t))) {
    const groups = scope.matchedIncludes.map((t) => targetLabel(ctx, t));
    findings.push(
      said(
        'L1.IN_SCOPE_VIA_NESTED_GROUP',
        { name, groups: listOf(groups) },
        { evidence: { matchedIncludes: scope.matchedIncludes.map((t) => targetEvidence(ctx, t)) } },
      ),
    );
  }
  return findings;
}

function missingGroupFindings(ctx: LayerContext, fido2: Fido2Configuration): Finding[] {
  const known = ctx.tenant.targetGroups;
  if (!known.ok) return [];
  const dangling = (targets: Fido2Configuration['includeTargets']) =>
    targets.filter((t) => t.targetType === 'group' && t.id !== ALL_USERS && !known.value[t.id]).map((t) => t.id);
  const includes = dangling(fido2.includeTargets);
  const excludes = dangling(fido2.excludeTargets);
  if (includes.length + excludes.length === 0) return [];
  const targets = includes.length && excludes.length ? 'include and exclude' : includes.length ? 'include' : 'exclude';
  return [
    said(
      'L1.TARGET_GROUP_MISSING',
      { groupIds: listOf([...includes, ...excludes]), targets },
      {
        variant: includes.length + excludes.length === 1 ? 'one' : 'many',
        evidence: { missingIncludeGroupIds: includes, missingExcludeGroupIds: excludes },
      },
    ),
  ];
}

export function evaluatePolicyTargeting(ctx: LayerContext): Finding[] {
  const findings = accountFindings(ctx);
  if (!ctx.policy.ok) return [...findings, gapFinding(ctx.policy.failure, 'the passkey (FIDO2) policy')];
  const fido2 = ctx.policy.value.fido2;
  if (!fido2 || fido2.state !== 'enabled') {
    findings.push(said('L1.METHOD_DISABLED', {}, { evidence: { state: fido2?.state ?? 'not configured' } }));
    if (!fido2) return findings;
  }
  if (!fido2.isSelfServiceRegistrationAllowed) {
    findings.push(said('L1.SELF_SERVICE_OFF', { name: personName(ctx.user) }, { evidence: { isSelfServiceRegistrationAllowed: false } }));
  }
  findings.push(...missingGroupFindings(ctx, fido2));
  if (!ctx.membership.ok) return [...findings, gapFinding(ctx.membership.failure, `${personName(ctx.user)}'s group membership`)];
  return [...findings, ...scopeFindings(ctx, fido2, ctx.membership.value)];
}
