/**
 * Layer 2: would the passkey profiles that apply to the user accept the
 * authenticator they use, and do their registered passkeys still pass?
 */
import { MICROSOFT_AUTHENTICATOR_AAGUIDS, authenticatorByAaguid, authenticatorById } from '../../../catalog/authenticators';
import type { LayerContext } from '../../context';
import { personName } from '../../context';
import type { Fido2Configuration, PasskeyProfile, PolicyTarget } from '../../../model/facts';
import { gapFinding, notEvaluated, said } from '../../finding';
import { DOCS } from '../../../model/findingCodes';
import { type FindingParams } from '../../../model/findingWords';
import { fillIn } from '../../../model/words';
import { ALLOW_PHRASES, INTRODUCTIONS, PROFILE_GAPS } from '../../../model/findingWords/passkeyProfiles';
import type { Fido2Method } from '../../../model/facts';
import { isFido2Method } from '../../methods';
import {
  acceptsAuthenticatorApp,
  applicableProfiles,
  describeProfile,
  isFullyPermissive,
  judgeProfile,
  registrationCandidate,
  type ApplicableProfiles,
  type PasskeyCandidate,
  type ProfileJudgement,
} from '../../passkeyProfileRules';
import { evaluateScope } from '../../scope';
import { targetEvidence, targetLabel } from '../../targetNames';
import type { Finding } from '../../../model/verdictTypes';
import { listOf, utcText } from '../../wording';

const profileEvidence = (p: PasskeyProfile) => ({
  id: p.id,
  name: p.name,
  passkeyTypes: p.passkeyTypes,
  attestationEnforcement: p.attestationEnforcement,
  keyRestrictions: p.keyRestrictions,
});

const judgementEvidence = (judgements: ProfileJudgement[]) =>
  judgements.map((j) => ({ profile: j.profile.name, id: j.profile.id, accepts: j.accepts, reasons: j.reasons }));

function profilesApplied(ctx: LayerContext, applicable: ApplicableProfiles, matched: PolicyTarget[]): Finding {
  const name = personName(ctx.user);
  return said(
    'L2.PROFILES_APPLIED',
    { name, profiles: listOf(applicable.profiles.map(describeProfile)) },
    {
      variant: applicable.legacy ? 'legacy' : 'default',
      evidence: {
        legacy: applicable.legacy,
        matchedTargets: matched.map((t) => targetEvidence(ctx, t)),
        profiles: applicable.profiles.map(profileEvidence),
        ...(applicable.unresolvedIds.length ? { unresolvedProfileIds: applicable.unresolvedIds } : {}),
      },
    },
  );
}

function noApplicableProfile(ctx: LayerContext, matched: PolicyTarget[], unresolvedIds: string[]): Finding {
  const name = personName(ctx.user);
  return said(
    'L2.NO_APPLICABLE_PROFILE',
    { name, targets: listOf(matched.map((t) => targetLabel(ctx, t))) },
    {
      variant: matched.length === 1 ? 'one' : 'many',
      evidence: {
        matchedTargets: matched.map((t) => ({ ...targetEvidence(ctx, t), allowedPasskeyProfiles: t.allowedPasskeyProfiles ?? [] })),
        ...(unresolvedIds.length ? { unresolvedProfileIds: unresolvedIds } : {}),
      },
    },
  );
}

/** How the message introduces the intended authenticator, saying where we learnt of it. */
function introduce(ctx: LayerContext, candidate: PasskeyCandidate): string {
  const intended = ctx.intended;
  const about = { authenticator: candidate.name, name: personName(ctx.user) };
  if (intended?.source === 'failed-registration') {
    const when = intended.seenAt ? fillIn(INTRODUCTIONS.seenAt, { time: utcText(Date.parse(intended.seenAt)) }) : '';
    return fillIn(INTRODUCTIONS.failedRegistration, { ...about, when });
  }
  if (intended?.source === 'path') return fillIn(INTRODUCTIONS.path, { ...about, path: String(ctx.device.path) });
  return fillIn(INTRODUCTIONS.meant, about);
}

// The Microsoft sentences a rule rests on (how-to-authentication-entra-passkeys-on-windows, how-to-authentication-passkeys-fido2).
const WINDOWS_HELLO_QUOTE = 'These AAGUIDs must be explicitly allowed in a passkey profile to enable registration';
const SYNCED_NEEDS_PROFILES = 'To enable synced passkeys, your organization must have passkey profiles enabled';
const SYNCED_ALREADY_ENABLED =
  "If you haven't opted in to passkey profiles yet and you have attestation enforcement off, synced passkeys are already enabled";

const isAuthenticatorApp = (candidate: PasskeyCandidate): boolean =>
  !!candidate.aaGuid && authenticatorByAaguid(candidate.aaGuid)?.kind === 'app';

/** What the key-restriction fix names: the AAGUIDs to allow, and in which profiles. */
function allowParams(candidate: PasskeyCandidate, judgements: ProfileJudgement[]) {
  const aaGuids = candidate.windowsHello ? (authenticatorById('windows-hello')?.aaGuids ?? [candidate.aaGuid]) : [candidate.aaGuid];
  return {
    aaGuids:
      aaGuids.length > 1
        ? fillIn(ALLOW_PHRASES.aaguids, { aaGuids: listOf(aaGuids.map(String)) })
        : fillIn(ALLOW_PHRASES.oneAaguid, { aaGuid: String(candidate.aaGuid) }),
    ...(judgements.length === 1 ? ALLOW_PHRASES.oneProfile : ALLOW_PHRASES.profiles),
  };
}

/** Every profile's key restrictions reject the authenticator. */
function keyBlockedFinding(
  candidate: PasskeyCandidate,
  judgements: ProfileJudgement[],
  about: FindingParams,
  evidence: Record<string, unknown>,
): Finding {
  // What helps first is what the user can do today within the policy: save the passkey where the profiles already take it.
  const appFirst = !isAuthenticatorApp(candidate) && acceptsAuthenticatorApp(judgements.map((j) => j.profile));
  const variant = candidate.windowsHello
    ? (appFirst ? 'windowsHelloAppFirst' : 'windowsHello')
    : (appFirst ? 'keyBlockedAppFirst' : 'keyBlocked');
  const params = { ...about, quote: WINDOWS_HELLO_QUOTE, ...allowParams(candidate, judgements) };
  return said('L2.AUTHENTICATOR_BLOCKED', params, { variant, evidence });
}

/** The intended authenticator fails every applicable profile: name each gate that rejects it everywhere. */
function rejectionFindings(ctx: LayerContext, candidate: PasskeyCandidate, judgements: ProfileJudgement[], legacy: boolean): Finding[] {
  const name = personName(ctx.user);
  const intro = introduce(ctx, candidate);
  const evidence = {
    authenticator: {
      aaGuid: candidate.aaGuid,
      name: candidate.name,
      passkeyType: candidate.passkeyType,
      source: ctx.intended?.source,
      seenAt: ctx.intended?.seenAt,
    },
    profiles: judgementEvidence(judgements),
  };
  const profileNames = listOf(judgements.map((j) => j.profile.name));
  const keyBlocked = judgements.every((j) => j.keyRestrictions === 'fail');
  const attestationRequired = judgements.every((j) => j.attestation === 'fail');
  const syncedNotAllowed = candidate.passkeyType === 'synced' && judgements.every((j) => j.passkeyType === 'fail');
  const about = { intro, name, authenticator: candidate.name, profileNames };
  const findings: Finding[] = [];
  if (keyBlocked || !(attestationRequired || syncedNotAllowed)) {
    const reasons = judgements.map((j) => `${j.profile.name} ${listOf(j.reasons)}`).join('; ');
    findings.push(
      keyBlocked
        ? keyBlockedFinding(candidate, judgements, about, evidence)
        : said('L2.AUTHENTICATOR_BLOCKED', { ...about, reasons }, { variant: 'ownReasons', evidence }),
    );
  }
  if (attestationRequired) {
    findings.push(
      said(
        'L2.ATTESTATION_REQUIRED',
        { ...about, why: candidate.noAttestationReason ?? '' },
        { variant: isAuthenticatorApp(candidate) ? 'authenticatorApp' : 'default', evidence },
      ),
    );
  }
  if (syncedNotAllowed && legacy) {
    findings.push(
      said(
        'L2.SYNCED_NOT_ALLOWED',
        { ...about, needsProfiles: SYNCED_NEEDS_PROFILES, alreadyEnabled: SYNCED_ALREADY_ENABLED },
        {
          variant: 'legacy',
          evidence: {
            ...evidence,
            legacy: true,
            docsConflict: { page: DOCS.passkeysFido2, says: [SYNCED_NEEDS_PROFILES, SYNCED_ALREADY_ENABLED] },
          },
          docs: [DOCS.passkeysFido2],
        },
      ),
    );
  } else if (syncedNotAllowed) {
    findings.push(said('L2.SYNCED_NOT_ALLOWED', about, { evidence }));
  }
  return findings;
}

function unknownAuthenticator(ctx: LayerContext, candidate: PasskeyCandidate, judgements: ProfileJudgement[]): Finding {
  const everyEnforces = judgements.every((j) => j.profile.attestationEnforcement === 'registrationOnly');
  return said(
    'L2.AUTHENTICATOR_UNKNOWN',
    { intro: introduce(ctx, candidate), name: personName(ctx.user), aaGuid: String(candidate.aaGuid) },
    {
      variant: everyEnforces ? 'attestationEnforced' : 'oneType',
      evidence: { authenticator: { aaGuid: candidate.aaGuid, source: ctx.intended?.source }, profiles: judgementEvidence(judgements) },
    },
  );
}

function intendedFindings(ctx: LayerContext, profiles: PasskeyProfile[], legacy: boolean): Finding[] {
  if (!ctx.intended) {
    if (profiles.some(isFullyPermissive)) return [];
    const name = personName(ctx.user);
    return [
      said(
        'L2.NEEDS_AUTHENTICATOR',
        { name, profiles: listOf(profiles.map(describeProfile)) },
        { evidence: { profiles: profiles.map(profileEvidence) } },
      ),
    ];
  }
  const candidate = registrationCandidate(ctx.intended.aaGuid, ctx.device.path);
  const judgements = profiles.map((p) => judgeProfile(p, candidate, 'registration'));
  if (judgements.some((j) => j.accepts)) return [];
  if (judgements.every((j) => j.rejects)) return rejectionFindings(ctx, candidate, judgements, legacy);
  return [unknownAuthenticator(ctx, candidate, judgements)];
}

function authenticatorAppFinding(ctx: LayerContext, profiles: PasskeyProfile[]): Finding[] {
  if (acceptsAuthenticatorApp(profiles)) return [];
  // Judged again per platform only for the evidence of the finding.
  const judged = Object.entries(MICROSOFT_AUTHENTICATOR_AAGUIDS).map(([platform, aaGuid]) => ({
    platform,
    judgements: profiles.map((p) => judgeProfile(p, registrationCandidate(aaGuid, 'authenticator-app'), 'registration')),
  }));
  const name = personName(ctx.user);
  return [
    said(
      'L2.AUTHENTICATOR_APP_NOT_ALLOWED',
      { name, aaGuids: Object.values(MICROSOFT_AUTHENTICATOR_AAGUIDS).join(', ') },
      {
        evidence: Object.fromEntries(judged.map(({ platform, judgements }) => [platform, judgementEvidence(judgements)])),
      },
    ),
  ];
}

function registeredCandidate(method: Fido2Method): PasskeyCandidate {
  const candidate = registrationCandidate(method.aaGuid, null);
  return { ...candidate, passkeyType: method.passkeyType ?? candidate.passkeyType };
}

/** Key restrictions and passkey types apply at sign-in too: a narrowed profile strands passkeys already registered. */
function registeredPasskeyFindings(ctx: LayerContext, profiles: PasskeyProfile[]): Finding[] {
  if (!ctx.facts.methods.ok)
    return [gapFinding(ctx.facts.methods.failure, fillIn(PROFILE_GAPS.registeredStillPass, { name: personName(ctx.user) }))];
  const name = personName(ctx.user);
  return ctx.facts.methods.value.filter(isFido2Method).flatMap((method) => {
    const candidate = registeredCandidate(method);
    const judgements = profiles.map((p) => judgeProfile(p, candidate, 'sign-in'));
    if (!judgements.every((j) => j.rejects)) return [];
    const label = method.displayName ? `"${method.displayName}" (${candidate.name})` : candidate.name;
    return [
      said(
        'L2.REGISTERED_PASSKEY_NOW_BLOCKED',
        { name, passkey: label, reasons: judgements.map((j) => `${j.profile.name} ${listOf(j.reasons)}`).join('; ') },
        {
          evidence: {
            registered: true,
            methodId: method.id,
            displayName: method.displayName,
            authenticator: candidate.name,
            aaGuid: method.aaGuid,
            passkeyType: candidate.passkeyType,
            profiles: judgementEvidence(judgements),
          },
        },
      ),
    ];
  });
}

function profileFindings(ctx: LayerContext, fido2: Fido2Configuration, matched: PolicyTarget[]): Finding[] {
  const applicable = applicableProfiles(fido2, matched);
  if (applicable.profiles.length === 0) return [noApplicableProfile(ctx, matched, applicable.unresolvedIds)];
  return [
    profilesApplied(ctx, applicable, matched),
    ...intendedFindings(ctx, applicable.profiles, applicable.legacy),
    ...authenticatorAppFinding(ctx, applicable.profiles),
    ...registeredPasskeyFindings(ctx, applicable.profiles),
  ];
}

export function evaluatePasskeyProfiles(ctx: LayerContext): Finding[] {
  if (!ctx.policy.ok) return [gapFinding(ctx.policy.failure, PROFILE_GAPS.profiles)];
  const fido2 = ctx.policy.value.fido2;
  if (!fido2) return [notEvaluated(PROFILE_GAPS.noFido2Configuration)];
  const name = personName(ctx.user);
  if (!ctx.membership.ok) return [gapFinding(ctx.membership.failure, fillIn(PROFILE_GAPS.whichProfilesApply, { name }))];
  // Exclusion is layer 1's verdict; here we show what would apply once it is lifted.
  const { matchedIncludes } = evaluateScope(fido2, ctx.membership.value);
  if (matchedIncludes.length === 0) return [notEvaluated(fillIn(PROFILE_GAPS.noIncludeTarget, { name }))];
  return profileFindings(ctx, fido2, matchedIncludes);
}
