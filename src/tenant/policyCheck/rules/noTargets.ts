/** POLICY.NO_TARGETS: enabled, but no include target, so the method applies to nobody. */
import type { PolicyRule } from '../context';

export const noTargets: PolicyRule = (ctx) => (ctx.fido2 && ctx.fido2.includeTargets.length === 0 ? [{ code: 'POLICY.NO_TARGETS', evidence: {} }] : []);
