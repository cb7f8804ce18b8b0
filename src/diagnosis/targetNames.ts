/**
 * How policy targets read in messages and evidence: groups by display name
 * when the tenant snapshot knows it, else by id; `all_users` as "All users".
 */
import type { LayerContext } from './context';
import { personName } from './context';
import type { PolicyTarget } from '../model/facts';
import { ALL_USERS } from './scope';

export interface TargetEvidence {
  id: string;
  targetType: PolicyTarget['targetType'];
  name: string;
}

export function groupName(ctx: LayerContext, groupId: string): string {
  const groups = ctx.tenant.targetGroups;
  return (groups.ok && groups.value[groupId]?.displayName) || groupId;
}

export function targetName(ctx: LayerContext, target: PolicyTarget): string {
  if (target.id === ALL_USERS) return 'All users';
  if (target.targetType === 'user') {
    return target.id.toLowerCase() === ctx.user.id.toLowerCase() ? personName(ctx.user) : `user ${target.id}`;
  }
  return groupName(ctx, target.id);
}

/** A name for prose: groups in quotes so a name like "IT" reads as a name. */
export function targetLabel(ctx: LayerContext, target: PolicyTarget): string {
  const name = targetName(ctx, target);
  return target.targetType === 'group' && target.id !== ALL_USERS ? `"${name}"` : name;
}

export const targetEvidence = (ctx: LayerContext, target: PolicyTarget): TargetEvidence => ({
  id: target.id,
  targetType: target.targetType,
  name: targetName(ctx, target),
});

/** The user reaches this group only through another group (when direct membership is known). */
export function isNestedOnly(ctx: LayerContext, target: PolicyTarget): boolean {
  if (target.id === ALL_USERS || target.targetType === 'user') return false;
  const direct = ctx.membership.ok ? ctx.membership.value.directGroups : undefined;
  return !!direct && !direct.has(target.id);
}

/**
 * The user's own groups that sit (at any depth) inside an excluded group:
 * the group to take them out of. Empty when the tenant's nesting is unknown.
 */
export function nestedGroupsVia(ctx: LayerContext, excluded: PolicyTarget): Array<{ id: string; displayName: string }> {
  const nesting = ctx.tenant.exclusionNestedGroups;
  const direct = ctx.membership.ok ? ctx.membership.value.directGroups : undefined;
  if (!nesting?.ok || !direct) return [];
  return (nesting.value[excluded.id] ?? []).filter((g) => direct.has(g.id));
}
