/** POLICY.MANY_EXCLUSIONS: the runbook keeps one exclusion group; more, or users excluded one by one, drift unseen. */
import { targetName } from '../context';
import type { PolicyRule } from '../context';

export const manyExclusions: PolicyRule = (ctx) => {
  const excludes = ctx.fido2?.excludeTargets ?? [];
  const users = excludes.filter((t) => t.targetType === 'user');
  const groups = excludes.filter((t) => t.targetType === 'group');
  if (groups.length <= 1 && users.length === 0) return [];
  return [{ code: 'POLICY.MANY_EXCLUSIONS', evidence: { groups: groups.map((t) => targetName(ctx, t)), users: users.length } }];
};
