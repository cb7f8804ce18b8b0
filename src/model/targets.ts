/**
 * Names the methods policy's include/exclude targets use, shared by the rules
 * that match them (src/diagnosis/scope.ts) and the gateway that reads the
 * memberships they need.
 */
import type { MethodConfiguration } from './facts';

/** The target id Graph uses for "all users"; not an object id, so never sent to checkMemberGroups. */
export const ALL_USERS = 'all_users';

/** Group ids named by these configurations' targets (never `all_users`), for checkMemberGroups. */
export function targetGroupIds(configs: Array<Pick<MethodConfiguration, 'includeTargets' | 'excludeTargets'> | null | undefined>): string[] {
  const ids = new Set<string>();
  for (const config of configs) {
    if (!config) continue;
    for (const t of [...config.includeTargets, ...config.excludeTargets]) {
      if (t.targetType === 'group' && t.id !== ALL_USERS) ids.add(t.id);
    }
  }
  return [...ids];
}
