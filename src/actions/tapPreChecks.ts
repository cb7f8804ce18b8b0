/**
 * The checks before a Temporary Access Pass is requested and again before it
 * is issued (product.md "Act from the card"), and the pass's settings.
 * Pure: facts in, a plan or a refusal out. A fact that could not be read is a
 * refusal, never a pass: issuing blind is the one thing this must not do.
 */
import { isGuest } from '../diagnosis/context';
import type { Fact, FactGap, TapConfiguration } from '../model/facts';
import type { Role } from './access';
import type { GatheredFacts } from '../diagnosis/ports';
import { evaluateScope, isEnabledFor } from '../diagnosis/scope';
import { targetName, type TargetUser } from './approvalRequest';
import { refuse, type Refusal } from './refusals';

export interface TapPlan {
  /** The policy's default, clamped to its minimum and maximum. */
  lifetimeInMinutes: number;
  /** One-time when the policy demands it or TAP_ONE_TIME is on. */
  isUsableOnce: boolean;
}

const unchecked = (what: string, gap: FactGap): Refusal => refuse('TARGET.UNCHECKED', { what, reason: gap.reason });

export function planTap(
  gathered: Pick<GatheredFacts, 'tenant' | 'user'>,
  target: TargetUser,
  settings: { oneTime: boolean },
): TapPlan | Refusal {
  const who = targetName(target);
  const { user: userFact, directoryRoleIds, memberOfCheckedGroups } = gathered.user;
  if (!userFact.ok) return unchecked(`${who}'s account`, userFact.failure);
  const user = userFact.value;
  // Compared by object id: a UPN handed to someone else is another person.
  if (!user || user.id.toLowerCase() !== target.id.toLowerCase()) {
    return refuse('TARGET.NOT_FOUND', { upn: target.userPrincipalName }, { variant: 'gone', suggest: 'rerun' });
  }
  if (isGuest(user)) {
    return refuse('TARGET.GUEST', { who }, { suggest: 'escalate' });
  }
  if (user.accountEnabled === false) {
    return refuse('TARGET.DISABLED', { who });
  }
  if (!directoryRoleIds) {
    return refuse('TARGET.UNCHECKED', { who }, { variant: 'roles' });
  }
  if (!directoryRoleIds.ok) return unchecked(`whether ${who} holds a directory role`, directoryRoleIds.failure);
  if (directoryRoleIds.value.length > 0) {
    const roles = directoryRoleIds.value.length === 1 ? 'a directory role' : `${directoryRoleIds.value.length} directory roles`;
    return refuse('TARGET.PRIVILEGED', { who, roles }, { variant: 'activeRole', suggest: 'escalate' });
  }
  const policyFact = gathered.tenant.authenticationMethodsPolicy;
  if (!policyFact.ok) return unchecked('the Temporary Access Pass policy', policyFact.failure);
  const policy: TapConfiguration | null = policyFact.value.temporaryAccessPass;
  if (!policy || policy.state !== 'enabled') {
    return refuse('TARGET.TAP_DISABLED', {}, { suggest: 'escalate' });
  }
  if (!memberOfCheckedGroups.ok) return unchecked(`${who}'s group membership`, memberOfCheckedGroups.failure);
  const membership = { userId: user.id, groups: new Set(memberOfCheckedGroups.value) };
  if (!isEnabledFor(policy, membership)) {
    const excluded = evaluateScope(policy, membership).matchedExcludes.length > 0;
    return refuse('TARGET.TAP_OUT_OF_SCOPE', { who }, { variant: excluded ? 'excluded' : 'notIncluded', suggest: 'escalate' });
  }
  const lifetimeInMinutes = Math.min(
    policy.maximumLifetimeInMinutes,
    Math.max(policy.minimumLifetimeInMinutes, policy.defaultLifetimeInMinutes),
  );
  return { lifetimeInMinutes, isUsableOnce: policy.isUsableOnce || settings.oneTime };
}

/**
 * The target's standing beyond their active directory roles: roles they can
 * activate through PIM, and membership of Passkey Doctor's own operators or
 * approvers group. A help-desk pass for an approver hands over the power to
 * approve passes; one for a PIM-eligible admin is a pass to a privileged
 * account. Both go to the identity team, like an active role.
 */
export function standingRefusal(target: TargetUser, standing: { eligibleRoleIds: Fact<string[]>; ourRoles: Role[] }): Refusal | null {
  const who = targetName(target);
  if (standing.ourRoles.length > 0) {
    const group = standing.ourRoles.includes('approver') ? 'the TAP approvers group' : 'the Passkey Doctor operators group';
    return refuse('TARGET.PRIVILEGED', { who, group }, { variant: 'ourGroup', suggest: 'escalate' });
  }
  if (!standing.eligibleRoleIds.ok) return unchecked(`whether ${who} is eligible for a directory role`, standing.eligibleRoleIds.failure);
  if (standing.eligibleRoleIds.value.length > 0) {
    return refuse('TARGET.PRIVILEGED', { who }, { variant: 'eligibleRole', suggest: 'escalate' });
  }
  return null;
}
