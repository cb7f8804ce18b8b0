/** POLICY.ALLOW_LIST_EMPTY: an enforced allow-list with no AAGUID admits no authenticator at all. */
import type { PolicyRule } from '../context';

export const allowListEmpty: PolicyRule = (ctx) =>
  !ctx.fido2
    ? []
    : ctx.profiles
        .filter((p) => p.keyRestrictions.isEnforced && p.keyRestrictions.enforcementType === 'allow' && p.keyRestrictions.aaGuids.length === 0)
        .map((p) => ({ code: 'POLICY.ALLOW_LIST_EMPTY', evidence: { profile: p.name, legacy: ctx.legacy } }));
