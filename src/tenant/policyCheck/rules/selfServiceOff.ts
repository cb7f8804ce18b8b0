/** POLICY.SELF_SERVICE_OFF: the global switch that hides passkeys in Security info (not per profile). */
import type { PolicyRule } from '../context';

export const selfServiceOff: PolicyRule = (ctx) =>
  ctx.fido2 && !ctx.fido2.isSelfServiceRegistrationAllowed ? [{ code: 'POLICY.SELF_SERVICE_OFF', evidence: {} }] : [];
