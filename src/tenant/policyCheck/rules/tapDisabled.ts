/** POLICY.TAP_DISABLED: passkeys on, TAP off — a user with no MFA method has no way to bootstrap. */
import type { PolicyRule } from '../context';

export const tapDisabled: PolicyRule = (ctx) =>
  ctx.fido2 && ctx.policy.temporaryAccessPass?.state !== 'enabled' ? [{ code: 'POLICY.TAP_DISABLED', evidence: {} }] : [];
