/**
 * Who a method configuration (or any include/exclude target list) applies to.
 * Shared by passkey targeting, passkey profiles, MFA capability and TAP scope.
 */
import type { MethodConfiguration, PolicyTarget } from '../model/facts';
import { ALL_USERS } from '../model/targets';

export { ALL_USERS } from '../model/targets';

/** What the gateway knows about the user's membership, enough to match targets. */
export interface Membership {
  userId: string;
  /** Group ids the user is a transitive member of, among those checked. */
  groups: ReadonlySet<string>;
  /** Group ids the user is a direct member of; undefined when unknown. */
  directGroups?: ReadonlySet<string>;
}

export function targetMatches(target: PolicyTarget, membership: Membership): boolean {
  if (target.id === ALL_USERS) return true;
  if (target.targetType === 'user') return target.id.toLowerCase() === membership.userId.toLowerCase();
  return membership.groups.has(target.id);
}

export interface ScopeResult {
  matchedIncludes: PolicyTarget[];
  matchedExcludes: PolicyTarget[];
  /** In at least one include target and no exclude target: exclusion wins over inclusion. */
  inScope: boolean;
}

export function evaluateScope(config: Pick<MethodConfiguration, 'includeTargets' | 'excludeTargets'>, membership: Membership): ScopeResult {
  const matchedIncludes = config.includeTargets.filter((t) => targetMatches(t, membership));
  const matchedExcludes = config.excludeTargets.filter((t) => targetMatches(t, membership));
  return { matchedIncludes, matchedExcludes, inScope: matchedIncludes.length > 0 && matchedExcludes.length === 0 };
}

/** Enabled and in scope. */
export const isEnabledFor = (config: MethodConfiguration | null | undefined, membership: Membership): boolean =>
  !!config && config.state === 'enabled' && evaluateScope(config, membership).inScope;
