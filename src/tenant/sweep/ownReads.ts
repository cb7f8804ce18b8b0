/**
 * Which members need their own methods read: the report names a passkey but
 * not its AAGUID, and a Temporary Access Pass but not whether it is still
 * valid. The AAGUID matters only where some passkey profile restricts
 * authenticators; a pass always matters (it may be the member's way in).
 */
import type { AuthenticationMethodsPolicy, Fact } from '../../diagnosis/facts';
import { isFullyPermissive, legacyProfile } from '../../diagnosis/passkeyProfileRules';
import type { ReportedMethods } from './types';

export function profilesRestrict(policy: Fact<AuthenticationMethodsPolicy>): boolean {
  if (!policy.ok || !policy.value.fido2) return false;
  const fido2 = policy.value.fido2;
  const profiles = fido2.passkeyProfiles.length ? fido2.passkeyProfiles : [legacyProfile(fido2)];
  return !profiles.every(isFullyPermissive);
}

export const needsOwnRead = (row: ReportedMethods, restrictive: boolean): boolean => row.hasTap || (row.hasPasskey && restrictive);
