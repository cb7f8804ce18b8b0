/** POLICY.SECURITY_DEFAULTS_ON: no Conditional Access (so no registration policy, no strengths) while they are on. */
import { need } from '../context';
import type { PolicyRule } from '../context';

export const securityDefaultsOn: PolicyRule = (ctx) => {
  const defaults = need(ctx.facts.securityDefaults, 'POLICY.SECURITY_DEFAULTS_ON');
  if (!defaults.ok) return defaults.failure;
  return defaults.value.isEnabled ? [{ code: 'POLICY.SECURITY_DEFAULTS_ON', evidence: {} }] : [];
};
