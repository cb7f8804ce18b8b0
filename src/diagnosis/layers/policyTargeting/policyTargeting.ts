/**
 * Layer 1: is the user allowed to register a passkey at all? The Passkey
 * (FIDO2) method must be on, the user in an include target and in no exclude
 * target, self-service set-up allowed, and the account an enabled member.
 */
import type { LayerContext } from '../../context';
import { isGuest, isInternalGuest, personName } from '../../context';
import type { Fido2Configuration, PolicyTarget } from '../../../model/facts';
import { finding, gapFinding } from '../../finding';
import { ALL_USERS, evaluateScope, type Membership } from '../../scope';
import { isNestedOnly, nestedGroupsVia, targetEvidence, targetLabel } from '../../targetNames';
import type { Finding } from '../../../model/verdictTypes';
import { listOf } from '../../wording';

const METHODS_BLADE = 'Entra admin center > Protection > Authentication methods > Policies > Passkey (FIDO2)';

function accountFindings(ctx: LayerContext): Finding[] {
  const name = personName(ctx.user);
  const findings: Finding[] = [];
  if (isGuest(ctx.user)) {
    findings.push(
      finding(
        'L1.GUEST_USER',
        isInternalGuest(ctx.user)
          ? `${name} is an internal guest (userType Guest with an account of this tenant), and Microsoft Entra does not let guests register passkeys.`
          : `${name} is a guest account, and Microsoft Entra does not let guests register passkeys in this tenant.`,
        {
          fix: isInternalGuest(ctx.user)
            ? `Convert ${name} to a member (userType Member) if they should use a passkey here; until then they sign in with their other methods (a Temporary Access Pass is possible for an internal guest).`
            : 'A guest registers passkeys in their home organisation; only a member account can register one in this tenant.',
          evidence: { userType: ctx.user.userType, userPrincipalName: ctx.user.userPrincipalName },
        },
      ),
    );
  }
  if (ctx.user.accountEnabled === false) {
    findings.push(
      finding('L1.ACCOUNT_DISABLED', `${name}'s account is disabled, so they cannot sign in to register anything.`, {
        fix: 'Enable the account (if that is intended) in the Entra admin center, then re-run.',
        evidence: { accountEnabled: false },
      }),
    );
  }
  const defaults = ctx.tenant.securityDefaults;
  if (defaults.ok && defaults.value.isEnabled) {
    findings.push(
      finding(
        'L1.SECURITY_DEFAULTS_ON',
        'Security defaults are on: they do not block passkeys, but Conditional Access and authentication strengths are unavailable while they are.',
        {
          evidence: { securityDefaults: true },
        },
      ),
    );
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
      finding(
        'L1.NOT_TARGETED',
        includes.length
          ? `${name} is not in any target of the passkey policy (it targets ${listOf(includes)}).`
          : `The passkey policy has no include targets, so it applies to nobody, ${name} included.`,
        {
          fix: `Add ${name} to ${includes.length ? `one of ${listOf(includes)}` : 'a group'} or add a target that contains ${name} (${METHODS_BLADE}).`,
          evidence: { includeTargets: fido2.includeTargets.map((t) => targetEvidence(ctx, t)) },
        },
      ),
    );
  }
  if (scope.matchedExcludes.length > 0) {
    const via = (t: PolicyTarget) => nestedGroupsVia(ctx, t).map((g) => `"${g.displayName}"`);
    const how = (t: PolicyTarget) => {
      if (!isNestedOnly(ctx, t)) return '';
      const groups = via(t);
      return groups.length ? ` (through the nested group ${listOf(groups)})` : ' (through a nested group)';
    };
    const nestedHops = scope.matchedExcludes.flatMap(via);
    const removeFrom = nestedHops.length
      ? `${listOf(nestedHops)} (nested in ${listOf(scope.matchedExcludes.map((t) => targetLabel(ctx, t)))})`
      : `${listOf(scope.matchedExcludes.map((t) => targetLabel(ctx, t)))}${scope.matchedExcludes.some((t) => isNestedOnly(ctx, t)) ? ' (or from the nested group that puts them there)' : ''}`;
    findings.push(
      finding(
        'L1.EXCLUDED',
        `${name} is in the passkey policy's exclusion ${listOf(scope.matchedExcludes.map((t) => `${targetLabel(ctx, t)}${how(t)}`))}, and exclusion wins over every include target.`,
        {
          fix: `Remove ${name} from ${removeFrom}, or take the group out of the passkey policy's exclusions if it was not meant for ${name}.`,
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
      finding(
        'L1.IN_SCOPE_VIA_NESTED_GROUP',
        `${name} is in scope of the passkey policy only through a group nested in ${listOf(groups)}; Microsoft's documentation does not state whether nested groups count for the authentication methods policy.`,
        {
          fix: `If registration is still refused, add ${name} directly to ${listOf(groups)}.`,
          evidence: { matchedIncludes: scope.matchedIncludes.map((t) => targetEvidence(ctx, t)) },
        },
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
  return [
    finding(
      'L1.TARGET_GROUP_MISSING',
      `The passkey policy names ${includes.length + excludes.length === 1 ? 'a group that no longer exists' : 'groups that no longer exist'} (${listOf([...includes, ...excludes])}).`,
      {
        fix: `Remove or replace the deleted group in the passkey policy's ${includes.length && excludes.length ? 'include and exclude' : includes.length ? 'include' : 'exclude'} targets (${METHODS_BLADE}).`,
        evidence: { missingIncludeGroupIds: includes, missingExcludeGroupIds: excludes },
      },
    ),
  ];
}

export function evaluatePolicyTargeting(ctx: LayerContext): Finding[] {
  const findings = accountFindings(ctx);
  if (!ctx.policy.ok) return [...findings, gapFinding(ctx.policy.gap, 'the passkey (FIDO2) policy')];
  const fido2 = ctx.policy.value.fido2;
  if (!fido2 || fido2.state !== 'enabled') {
    findings.push(
      finding(
        'L1.METHOD_DISABLED',
        'The Passkey (FIDO2) method is turned off in the authentication methods policy, so nobody can register a passkey.',
        {
          fix: `Enable Passkey (FIDO2) and target the intended users (${METHODS_BLADE}).`,
          evidence: { state: fido2?.state ?? 'not configured' },
        },
      ),
    );
    if (!fido2) return findings;
  }
  if (!fido2.isSelfServiceRegistrationAllowed) {
    findings.push(
      finding(
        'L1.SELF_SERVICE_OFF',
        `"Allow self-service set up" is off in the passkey policy, so ${personName(ctx.user)} cannot add a passkey in Security info even when targeted.`,
        {
          fix: `Turn on "Allow self-service set up" (${METHODS_BLADE} > Configure).`,
          evidence: { isSelfServiceRegistrationAllowed: false },
        },
      ),
    );
  }
  findings.push(...missingGroupFindings(ctx, fido2));
  if (!ctx.membership.ok) return [...findings, gapFinding(ctx.membership.gap, `${personName(ctx.user)}'s group membership`)];
  return [...findings, ...scopeFindings(ctx, fido2, ctx.membership.value)];
}
