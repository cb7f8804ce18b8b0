/** POLICY.ATTESTATION_WITHOUT_ALLOW_LIST: attestation decided without deciding which models (the runbook pairs them). */
import type { PolicyRule } from '../context';

export const attestationWithoutAllowList: PolicyRule = (ctx) =>
  !ctx.fido2
    ? []
    : ctx.profiles
        .filter((p) => p.attestationEnforcement === 'registrationOnly' && !(p.keyRestrictions.isEnforced && p.keyRestrictions.enforcementType === 'allow'))
        .map((p) => ({ code: 'POLICY.ATTESTATION_WITHOUT_ALLOW_LIST', evidence: { profile: p.name, legacy: ctx.legacy } }));
