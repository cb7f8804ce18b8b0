/**
 * Which members need their own methods read: the report names a passkey but
 * not its AAGUID, and a Temporary Access Pass but not whether it is still
 * valid. The AAGUID matters only where a passkey profile that applies to the
 * member restricts authenticators; a pass always matters (it may be the
 * member's way in). Scope and profiles come from the diagnosis's own rules.
 */
import type { AuthenticationMethodsPolicy, Fact } from '../../model/facts';
import { applicableProfiles, isFullyPermissive } from '../../diagnosis/passkeyProfileRules';
import { evaluateScope } from '../../diagnosis/scope';
import type { ReportedMethods } from './types';

export function profilesRestrictFor(policy: Fact<AuthenticationMethodsPolicy>, memberId: string, groups: Fact<string[]>): boolean {
  const fido2 = policy.ok ? policy.value.fido2 : null;
  // Unknown membership or policy: read, rather than judge a passkey without its AAGUID.
  if (!fido2 || !groups.ok) return true;
  const scope = evaluateScope(fido2, { userId: memberId, groups: new Set(groups.value) });
  return !applicableProfiles(fido2, scope.matchedIncludes).profiles.every(isFullyPermissive);
}

export const needsOwnRead = (row: ReportedMethods, restrictive: () => boolean): boolean => row.hasTap || (row.hasPasskey && restrictive());
