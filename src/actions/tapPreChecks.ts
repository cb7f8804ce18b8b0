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

const unchecked = (what: string, gap: FactGap): Refusal =>
  refuse('TARGET.UNCHECKED', `Could not check ${what}: ${gap.reason} Nothing was done; fix that and try again.`);

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
    return refuse(
      'TARGET.NOT_FOUND',
      `${target.userPrincipalName} no longer exists in the directory as the user that was diagnosed; re-run the diagnosis.`,
      'rerun',
    );
  }
  if (isGuest(user)) {
    return refuse(
      'TARGET.GUEST',
      `${who} is a guest: a guest cannot register a passkey here, and an external guest cannot get a Temporary Access Pass. Escalate to the identity team.`,
      'escalate',
    );
  }
  if (user.accountEnabled === false) {
    return refuse('TARGET.DISABLED', `${who}'s account is disabled, so a pass would not let them sign in. Enable the account first.`);
  }
  if (!directoryRoleIds) {
    return refuse('TARGET.UNCHECKED', `Could not check whether ${who} holds a directory role. Nothing was done; try again.`);
  }
  if (!directoryRoleIds.ok) return unchecked(`whether ${who} holds a directory role`, directoryRoleIds.failure);
  if (directoryRoleIds.value.length > 0) {
    const roles = directoryRoleIds.value.length === 1 ? 'a directory role' : `${directoryRoleIds.value.length} directory roles`;
    return refuse(
      'TARGET.PRIVILEGED',
      `${who} holds ${roles}. A Temporary Access Pass for a privileged account must come from a Privileged Authentication Administrator, not the help desk: escalate to the identity team.`,
      'escalate',
    );
  }
  const policyFact = gathered.tenant.authenticationMethodsPolicy;
  if (!policyFact.ok) return unchecked('the Temporary Access Pass policy', policyFact.failure);
  const policy: TapConfiguration | null = policyFact.value.temporaryAccessPass;
  if (!policy || policy.state !== 'enabled') {
    return refuse(
      'TARGET.TAP_DISABLED',
      'The Temporary Access Pass method is turned off in the authentication methods policy, so a pass would not work. Escalate to the identity team.',
      'escalate',
    );
  }
  if (!memberOfCheckedGroups.ok) return unchecked(`${who}'s group membership`, memberOfCheckedGroups.failure);
  const membership = { userId: user.id, groups: new Set(memberOfCheckedGroups.value) };
  if (!isEnabledFor(policy, membership)) {
    const excluded = evaluateScope(policy, membership).matchedExcludes.length > 0;
    return refuse(
      'TARGET.TAP_OUT_OF_SCOPE',
      `${who} is ${excluded ? 'excluded from' : 'not included in'} the Temporary Access Pass policy, so they could not sign in with a pass. Escalate to the identity team.`,
      'escalate',
    );
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
    return refuse(
      'TARGET.PRIVILEGED',
      `${who} is in ${group}: a Temporary Access Pass from the help desk would hand over the power to act in Passkey Doctor. Escalate to the identity team.`,
      'escalate',
    );
  }
  if (!standing.eligibleRoleIds.ok) return unchecked(`whether ${who} is eligible for a directory role`, standing.eligibleRoleIds.failure);
  if (standing.eligibleRoleIds.value.length > 0) {
    return refuse(
      'TARGET.PRIVILEGED',
      `${who} is eligible for a directory role through Privileged Identity Management. A Temporary Access Pass for a privileged account must come from a Privileged Authentication Administrator, not the help desk: escalate to the identity team.`,
      'escalate',
    );
  }
  return null;
}
