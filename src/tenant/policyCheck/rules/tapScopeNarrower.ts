/**
 * POLICY.TAP_SCOPE_NARROWER: only users in scope of the TAP method can sign
 * in with a pass, so every passkey target should be a TAP target too.
 */
import { ALL_USERS } from '../../../diagnosis/scope';
import { targetName } from '../context';
import type { PolicyRule } from '../context';

export const tapScopeNarrower: PolicyRule = (ctx) => {
  const tap = ctx.policy.temporaryAccessPass;
  if (!ctx.fido2 || tap?.state !== 'enabled') return [];
  const tapIncludes = new Set(tap.includeTargets.map((t) => t.id));
  const passkeyExcludes = new Set(ctx.fido2.excludeTargets.map((t) => t.id));
  const uncovered = tapIncludes.has(ALL_USERS) ? [] : ctx.fido2.includeTargets.filter((t) => !tapIncludes.has(t.id));
  const excludedFromTapOnly = tap.excludeTargets.filter((t) => !passkeyExcludes.has(t.id));
  if (uncovered.length === 0 && excludedFromTapOnly.length === 0) return [];
  return [
    {
      code: 'POLICY.TAP_SCOPE_NARROWER',
      evidence: {
        uncovered: uncovered.map((t) => targetName(ctx, t)),
        excludedFromTap: excludedFromTapOnly.map((t) => targetName(ctx, t)),
      },
    },
  ];
};
