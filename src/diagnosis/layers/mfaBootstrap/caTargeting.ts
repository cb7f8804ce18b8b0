/**
 * Whether a Conditional Access policy's user conditions take in this user:
 * users, groups (transitive, through checkMemberGroups), directory roles and
 * guests. Exclusion wins over inclusion. A condition the facts cannot settle
 * (a group that was not checked, roles that could not be read) makes the
 * answer `unknown`, never a guess.
 */
import type { LayerContext } from '../../context';
import { isGuest } from '../../context';
import type { ConditionalAccessPolicy } from '../../../model/facts';
import { groupName } from '../../targetNames';
import { fillIn } from '../../../model/words';
import { CA_CONDITION_WORDS } from '../../../model/findingWords/mfaBootstrap';

export type Tri = 'yes' | 'no' | 'unknown';

export interface Match {
  result: Tri;
  /** Which conditions matched (`yes`) or could not be settled (`unknown`), for messages. */
  because: string[];
}

const GUESTS = 'guestsorexternalusers';

function combine(parts: Array<{ result: Tri; because: string }>): Match {
  for (const result of ['yes', 'unknown'] as const) {
    const hits = parts.filter((p) => p.result === result);
    if (hits.length) return { result, because: hits.map((p) => p.because) };
  }
  return { result: 'no', because: [] };
}

/**
 * Graph's excludeUsers holds user ids and GuestsOrExternalUsers, never "All" (conditionalAccessUsers),
 * so only the include side has an "all users" condition.
 */
function userConditions(
  ctx: LayerContext,
  users: string[],
  guestsByKind: boolean,
  side: 'include' | 'exclude',
): Array<{ result: Tri; because: string }> {
  const ids = users.map((u) => u.toLowerCase());
  const guest = isGuest(ctx.user);
  const yesNo = (value: boolean): Tri => (value ? 'yes' : 'no');
  const named = [
    { result: yesNo(ids.includes(ctx.user.id.toLowerCase())), because: CA_CONDITION_WORDS.userByName },
    { result: yesNo(guest && (guestsByKind || ids.includes(GUESTS))), because: CA_CONDITION_WORDS.guests },
  ];
  return side === 'include' ? [{ result: yesNo(ids.includes('all')), because: CA_CONDITION_WORDS.allUsers }, ...named] : named;
}

function groupConditions(ctx: LayerContext, groupIds: string[]): Array<{ result: Tri; because: string }> {
  const membership = ctx.membership;
  return groupIds.map((id) => {
    const group = groupName(ctx, id);
    if (!membership.ok || !ctx.facts.checkedGroupIds.includes(id)) {
      return { result: 'unknown', because: fillIn(CA_CONDITION_WORDS.groupUnchecked, { group }) };
    }
    return { result: membership.value.groups.has(id) ? 'yes' : 'no', because: fillIn(CA_CONDITION_WORDS.group, { group }) };
  });
}

function roleConditions(ctx: LayerContext, roleIds: string[]): Array<{ result: Tri; because: string }> {
  if (roleIds.length === 0) return [];
  const roles = ctx.facts.directoryRoleIds;
  if (!roles?.ok) return [{ result: 'unknown', because: CA_CONDITION_WORDS.rolesUnread }];
  const held = new Set(roles.value.map((r) => r.toLowerCase()));
  return roleIds.map((roleId) => ({
    result: held.has(roleId.toLowerCase()) ? 'yes' : 'no',
    because: fillIn(CA_CONDITION_WORDS.role, { roleId }),
  }));
}

export function policyAppliesTo(ctx: LayerContext, policy: ConditionalAccessPolicy): Match {
  const u = policy.users;
  const include = combine([
    ...userConditions(ctx, u.includeUsers, u.includeGuestsOrExternalUsers, 'include'),
    ...groupConditions(ctx, u.includeGroups),
    ...roleConditions(ctx, u.includeRoles),
  ]);
  const exclude = combine([
    ...userConditions(ctx, u.excludeUsers, u.excludeGuestsOrExternalUsers, 'exclude'),
    ...groupConditions(ctx, u.excludeGroups),
    ...roleConditions(ctx, u.excludeRoles),
  ]);
  if (exclude.result === 'yes' || include.result === 'no') return { result: 'no', because: exclude.result === 'yes' ? exclude.because : [] };
  if (include.result === 'yes' && exclude.result === 'no') return include;
  return { result: 'unknown', because: [...(include.result === 'unknown' ? include.because : []), ...(exclude.result === 'unknown' ? exclude.because : [])] };
}
