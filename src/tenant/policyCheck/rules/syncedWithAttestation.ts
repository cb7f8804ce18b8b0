/**
 * POLICY.SYNCED_WITH_ATTESTATION: synced passkeys carry no attestation, so a
 * profile that allows them and enforces attestation admits device-bound only.
 */
import type { PolicyRule } from '../context';

export const syncedWithAttestation: PolicyRule = (ctx) =>
  !ctx.fido2
    ? []
    : ctx.profiles
        .filter((p) => p.passkeyTypes.includes('synced') && p.attestationEnforcement === 'registrationOnly')
        .map((p) => ({ code: 'POLICY.SYNCED_WITH_ATTESTATION', evidence: { profile: p.name } }));
