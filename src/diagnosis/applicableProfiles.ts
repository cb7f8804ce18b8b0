/**
 * The passkey profiles that apply to the user, computed the way layer 2 does
 * (the union of `allowedPasskeyProfiles` over the Fido2 include targets they
 * match, or the legacy tenant-wide settings), for the layers after it. When
 * the facts do not allow it, the finding that says why.
 */
import type { LayerContext } from './context';
import { personName } from './context';
import type { PasskeyProfile } from '../model/facts';
import { gapFinding, notEvaluated } from './finding';
import { applicableProfiles } from './passkeyProfileRules';
import { evaluateScope } from './scope';
import type { Finding } from '../model/verdictTypes';

export type UserProfiles = { ok: true; profiles: PasskeyProfile[]; legacy: boolean } | { ok: false; finding: Finding };

/** `purpose` completes "Could not check …", e.g. "whether the profiles enforce attestation". */
export function userPasskeyProfiles(ctx: LayerContext, purpose: string): UserProfiles {
  if (!ctx.policy.ok) return { ok: false, finding: gapFinding(ctx.policy.failure, purpose) };
  const fido2 = ctx.policy.value.fido2;
  if (!fido2) return { ok: false, finding: notEvaluated('the tenant has no Passkey (FIDO2) method configuration (see layer 1).') };
  if (!ctx.membership.ok) return { ok: false, finding: gapFinding(ctx.membership.failure, purpose) };
  // Exclusion is layer 1's verdict; the profiles are the ones that would apply once it is lifted.
  const { matchedIncludes } = evaluateScope(fido2, ctx.membership.value);
  if (matchedIncludes.length === 0) return { ok: false, finding: notEvaluated(`${personName(ctx.user)} matches no include target of the passkey policy (see layer 1).`) };
  const { profiles, legacy } = applicableProfiles(fido2, matchedIncludes);
  if (profiles.length === 0) return { ok: false, finding: notEvaluated(`no passkey profile applies to ${personName(ctx.user)} (see layer 2).`) };
  return { ok: true, profiles, legacy };
}
