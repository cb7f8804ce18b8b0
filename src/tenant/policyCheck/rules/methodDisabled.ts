/** POLICY.METHOD_DISABLED: nobody can register a passkey while the method is off. */
import type { PolicyRule } from '../context';

export const methodDisabled: PolicyRule = (ctx) =>
  ctx.fido2 ? [] : [{ code: 'POLICY.METHOD_DISABLED', evidence: { configured: ctx.policy.fido2 !== null } }];
