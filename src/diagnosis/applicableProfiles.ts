/**
 * The passkey profiles that apply to the user, computed the way layer 2 does
 * (the union of `allowedPasskeyProfiles` over the Fido2 include targets they
 * match, or the legacy tenant-wide settings), for the layers after it. When
 * the facts do not allow it, the finding that says why.
 */
import type { LayerContext } from './context';
import { personName } from './context';
import type { PasskeyProfile } from '../model/facts';
import { fillIn } from '../model/words';
import { PROFILE_GAPS } from '../model/findingWords/passkeyProfiles';
import type { Result } from '../model/result';
import { gapFinding, notEvaluated } from './finding';
import { applicableProfiles } from './passkeyProfileRules';
import { evaluateScope } from './scope';
import type { Finding } from '../model/verdictTypes';

export type UserProfiles = Result<{ profiles: PasskeyProfile[]; legacy: boolean }, Finding>;

const notJudged = (why: Finding): UserProfiles => ({ ok: false, failure: why });

/** `purpose` completes "Could not check …", e.g. "whether the profiles enforce attestation". */
export function userPasskeyProfiles(ctx: LayerContext, purpose: string): UserProfiles {
  if (!ctx.policy.ok) return notJudged(gapFinding(ctx.policy.failure, purpose));
  const fido2 = ctx.policy.value.fido2;
  if (!fido2) return notJudged(notEvaluated(PROFILE_GAPS.noFido2Configuration));
  if (!ctx.membership.ok) return notJudged(gapFinding(ctx.membership.failure, purpose));
  const name = personName(ctx.user);
  // Exclusion is layer 1's verdict; the profiles are the ones that would apply once it is lifted.
  const { matchedIncludes } = evaluateScope(fido2, ctx.membership.value);
  if (matchedIncludes.length === 0) return notJudged(notEvaluated(fillIn(PROFILE_GAPS.noIncludeTarget, { name })));
  const { profiles, legacy } = applicableProfiles(fido2, matchedIncludes);
  if (profiles.length === 0) return notJudged(notEvaluated(fillIn(PROFILE_GAPS.noProfile, { name })));
  return { ok: true, value: { profiles, legacy } };
}
