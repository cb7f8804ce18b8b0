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

function userConditions(ctx: LayerContext, users: string[], guestsByKind: boolean): Array<{ result: Tri; because: string }> {
  const ids = users.map((u) => u.toLowerCase());
  const guest = isGuest(ctx.user);
  return [
    { result: ids.includes('all') ? 'yes' : 'no', because: 'all users' },
    { result: ids.includes(ctx.user.id.toLowerCase()) ? 'yes' : 'no', because: 'the user by name' },
    { result: guest && (guestsByKind || ids.includes(GUESTS)) ? 'yes' : 'no', because: 'guests and external users' },
  ];
}

function groupConditions(ctx: LayerContext, groupIds: string[]): Array<{ result: Tri; because: string }> {
  const membership = ctx.membership;
  return groupIds.map((id) => {
    const label = `group "${groupName(ctx, id)}"`;
    if (!membership.ok || !ctx.facts.checkedGroupIds.includes(id)) return { result: 'unknown', because: `${label} (membership not checked)` };
    return { result: membership.value.groups.has(id) ? 'yes' : 'no', because: label };
  });
}

function roleConditions(ctx: LayerContext, roleIds: string[]): Array<{ result: Tri; because: string }> {
  if (roleIds.length === 0) return [];
  const roles = ctx.facts.directoryRoleIds;
  if (!roles?.ok) return [{ result: 'unknown', because: 'directory roles (could not be read)' }];
  const held = new Set(roles.value.map((r) => r.toLowerCase()));
  return roleIds.map((id) => ({ result: held.has(id.toLowerCase()) ? 'yes' : 'no', because: `directory role ${id}` }));
}

export function policyAppliesTo(ctx: LayerContext, policy: ConditionalAccessPolicy): Match {
  const u = policy.users;
  const include = combine([
    ...userConditions(ctx, u.includeUsers, u.includeGuestsOrExternalUsers),
    ...groupConditions(ctx, u.includeGroups),
    ...roleConditions(ctx, u.includeRoles),
  ]);
  const exclude = combine([
    ...userConditions(ctx, u.excludeUsers, u.excludeGuestsOrExternalUsers).filter((c) => c.because !== 'all users'),
    ...groupConditions(ctx, u.excludeGroups),
    ...roleConditions(ctx, u.excludeRoles),
  ]);
  if (exclude.result === 'yes' || include.result === 'no') return { result: 'no', because: exclude.result === 'yes' ? exclude.because : [] };
  if (include.result === 'yes' && exclude.result === 'no') return include;
  return { result: 'unknown', because: [...(include.result === 'unknown' ? include.because : []), ...(exclude.result === 'unknown' ? exclude.because : [])] };
}
