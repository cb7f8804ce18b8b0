/**
 * Layer 2: would the passkey profiles that apply to the user accept the
 * authenticator they use, and do their registered passkeys still pass?
 */
import { MICROSOFT_AUTHENTICATOR_AAGUIDS, authenticatorByAaguid, authenticatorById } from '../../../catalog/authenticators';
import type { LayerContext } from '../../context';
import { personName } from '../../context';
import type { Fido2Configuration, PasskeyProfile, PolicyTarget } from '../../../model/facts';
import { finding, gapFinding, notEvaluated } from '../../finding';
import { DOCS } from '../../../model/findingCodes';
import type { Fido2Method } from '../../../model/facts';
import { isFido2Method } from '../../methods';
import {
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

const PROFILES_BLADE = 'Entra admin center > Protection > Authentication methods > Policies > Passkey (FIDO2)';

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
  const described = listOf(applicable.profiles.map(describeProfile));
  return finding(
    'L2.PROFILES_APPLIED',
    applicable.legacy
      ? `This tenant has not moved to passkey profiles, so the tenant-wide passkey settings apply to ${name}: ${described}.`
      : `Passkey profiles that apply to ${name}: ${described}.`,
    {
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
  const targets = listOf(matched.map((t) => targetLabel(ctx, t)));
  return finding(
    'L2.NO_APPLICABLE_PROFILE',
    `The passkey policy includes ${name} through ${targets}, but no passkey profile is assigned to ${matched.length === 1 ? 'that target' : 'those targets'}, so no passkey can be registered.`,
    {
      fix: `Assign at least one passkey profile to ${targets} (${PROFILES_BLADE}).`,
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
  if (intended?.source === 'failed-registration') {
    const when = intended.seenAt ? ` at ${utcText(Date.parse(intended.seenAt))}` : '';
    return `${candidate.name}, which ${personName(ctx.user)} tried in a failed registration${when},`;
  }
  if (intended?.source === 'path') return `${candidate.name}, which the ${ctx.device.path} registration path uses,`;
  return `${candidate.name}, the authenticator ${personName(ctx.user)} means to use,`;
}

const WINDOWS_HELLO_QUOTE = 'These AAGUIDs must be explicitly allowed in a passkey profile to enable registration';
const SYNCED_NEEDS_PROFILES = 'To enable synced passkeys, your organization must have passkey profiles enabled';
const SYNCED_ALREADY_ENABLED =
  "If you haven't opted in to passkey profiles yet and you have attestation enforcement off, synced passkeys are already enabled";

/** Whether some applicable profile would take a passkey kept in Microsoft Authenticator. */
const acceptsAuthenticatorApp = (profiles: PasskeyProfile[]): boolean =>
  Object.values(MICROSOFT_AUTHENTICATOR_AAGUIDS).some((aaGuid) =>
    profiles.some((p) => judgeProfile(p, registrationCandidate(aaGuid, 'authenticator-app'), 'registration').accepts),
  );

function keyBlockedFix(ctx: LayerContext, candidate: PasskeyCandidate, judgements: ProfileJudgement[]): string {
  const name = personName(ctx.user);
  const profileNames = listOf(judgements.map((j) => j.profile.name));
  const where = `${judgements.length === 1 ? '' : 'one of '}${profileNames} (${PROFILES_BLADE})`;
  const aaGuids = candidate.windowsHello ? (authenticatorById('windows-hello')?.aaGuids ?? [candidate.aaGuid]) : [candidate.aaGuid];
  const allow = `allow ${aaGuids.length > 1 ? `the AAGUIDs ${listOf(aaGuids.map(String))}` : `AAGUID ${candidate.aaGuid}`} in ${where}${candidate.windowsHello ? ' as an enforced allow list' : ''}`;
  const isApp = !!candidate.aaGuid && authenticatorByAaguid(candidate.aaGuid)?.kind === 'app';
  // What helps first is what the user can do today within the policy: save the passkey where the profiles already take it.
  if (!isApp && acceptsAuthenticatorApp(judgements.map((j) => j.profile))) {
    return `Have ${name} make Microsoft Authenticator the passkey provider (add the passkey from within the Authenticator app) and register again: the profiles accept it. If ${candidate.name} is meant to be allowed, ${allow}.`;
  }
  return `${allow.charAt(0).toUpperCase()}${allow.slice(1)}, or have ${name} use an authenticator ${judgements.length === 1 ? 'it allows' : 'those profiles allow'}.`;
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
  const findings: Finding[] = [];
  if (keyBlocked || !(attestationRequired || syncedNotAllowed)) {
    const why =
      keyBlocked && candidate.windowsHello
        ? `Windows Hello passkeys register only where a passkey profile's allow list names them ("${WINDOWS_HELLO_QUOTE}"), and no passkey profile that applies to ${name} (${profileNames}) does; profiles that explicitly allow the Windows Hello AAGUIDs are what it needs`
        : keyBlocked
          ? `the key restrictions of every passkey profile that applies to ${name} (${profileNames}) reject it`
          : `each passkey profile that applies to ${name} rejects it for its own reason: ${judgements.map((j) => `${j.profile.name} ${listOf(j.reasons)}`).join('; ')}`;
    findings.push(
      finding('L2.AUTHENTICATOR_BLOCKED', `${intro} cannot be registered: ${why}.`, {
        fix: keyBlocked
          ? keyBlockedFix(ctx, candidate, judgements)
          : `Have ${name} use an authenticator one of the profiles allows, or change one profile so it accepts ${candidate.name}.`,
        evidence,
      }),
    );
  }
  if (attestationRequired) {
    const isAuthenticatorApp = !!candidate.aaGuid && authenticatorByAaguid(candidate.aaGuid)?.kind === 'app';
    findings.push(
      finding(
        'L2.ATTESTATION_REQUIRED',
        `${intro} cannot provide attestation (${candidate.noAttestationReason}), and every passkey profile that applies to ${name} enforces attestation at registration.`,
        {
          fix: isAuthenticatorApp
            ? `Have ${name} add the passkey from within the Microsoft Authenticator app, not through the browser or a QR code.`
            : `Have ${name} use an attestation-eligible security key or Microsoft Authenticator, or assign ${name} a profile with attestation off (${PROFILES_BLADE}).`,
          evidence,
        },
      ),
    );
  }
  if (syncedNotAllowed && legacy) {
    findings.push(
      finding(
        'L2.SYNCED_NOT_ALLOWED',
        `${intro} stores synced passkeys, and this tenant has not moved to passkey profiles: "${SYNCED_NEEDS_PROFILES}". The same Microsoft page also says "${SYNCED_ALREADY_ENABLED}", so Microsoft contradicts itself here; Passkey Doctor follows the first sentence, which is the one that cannot give a false "Ready".`,
        {
          fix: `Have ${name} register a device-bound passkey (security key or Microsoft Authenticator), or move the tenant to passkey profiles and allow synced passkeys in a profile assigned to ${name} (attestation off in that profile).`,
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
    findings.push(
      finding(
        'L2.SYNCED_NOT_ALLOWED',
        `${intro} stores synced passkeys, and none of the passkey profiles that apply to ${name} (${profileNames}) allows synced passkeys.`,
        {
          fix: `Have ${name} register a device-bound passkey (security key or Microsoft Authenticator), or allow synced passkeys in a profile assigned to ${name} (attestation must be off in that profile).`,
          evidence,
        },
      ),
    );
  }
  return findings;
}

function unknownAuthenticator(ctx: LayerContext, candidate: PasskeyCandidate, judgements: ProfileJudgement[]): Finding {
  const everyEnforces = judgements.every((j) => j.profile.attestationEnforcement === 'registrationOnly');
  const consequence = everyEnforces
    ? "every applicable passkey profile enforces attestation, so it registers only if the model is on Microsoft's attestation-eligible list"
    : 'the applicable profiles that would accept its AAGUID allow only one passkey type';
  return finding(
    'L2.AUTHENTICATOR_UNKNOWN',
    `${introduce(ctx, candidate)} is not in Passkey Doctor's authenticator catalogue, so we cannot tell whether it creates synced or device-bound passkeys; ${consequence}.`,
    {
      fix: everyEnforces
        ? `Check AAGUID ${candidate.aaGuid} against Microsoft's attestation-eligible list; if it is missing, have ${personName(ctx.user)} use an eligible key.`
        : `Find out whether AAGUID ${candidate.aaGuid} is a synced passkey provider, then re-run with a known authenticator.`,
      evidence: { authenticator: { aaGuid: candidate.aaGuid, source: ctx.intended?.source }, profiles: judgementEvidence(judgements) },
    },
  );
}

function intendedFindings(ctx: LayerContext, profiles: PasskeyProfile[], legacy: boolean): Finding[] {
  if (!ctx.intended) {
    if (profiles.some(isFullyPermissive)) return [];
    const name = personName(ctx.user);
    return [
      finding(
        'L2.NEEDS_AUTHENTICATOR',
        `No passkey profile that applies to ${name} accepts every authenticator (${listOf(profiles.map(describeProfile))}), so whether registration works depends on the authenticator ${name} uses.`,
        {
          fix: 'Add the device details with the intended authenticator (security key model, Microsoft Authenticator, Windows Hello or a passkey provider) and re-run.',
          evidence: { profiles: profiles.map(profileEvidence) },
        },
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
  const judged = Object.entries(MICROSOFT_AUTHENTICATOR_AAGUIDS).map(([platform, aaGuid]) => ({
    platform,
    judgements: profiles.map((p) => judgeProfile(p, registrationCandidate(aaGuid, 'authenticator-app'), 'registration')),
  }));
  if (judged.some(({ judgements }) => judgements.some((j) => j.accepts))) return [];
  const name = personName(ctx.user);
  return [
    finding(
      'L2.AUTHENTICATOR_APP_NOT_ALLOWED',
      `None of the passkey profiles that apply to ${name} accepts Microsoft Authenticator, so ${name} cannot keep a passkey in the Authenticator app.`,
      {
        fix: `If Authenticator passkeys are wanted, allow device-bound passkeys and the Authenticator AAGUIDs (${Object.values(MICROSOFT_AUTHENTICATOR_AAGUIDS).join(', ')}) in a profile assigned to ${name} (${PROFILES_BLADE}).`,
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
    return [gapFinding(ctx.facts.methods.failure, `whether ${personName(ctx.user)}'s registered passkeys still pass the profiles`)];
  const name = personName(ctx.user);
  return ctx.facts.methods.value.filter(isFido2Method).flatMap((method) => {
    const candidate = registeredCandidate(method);
    const judgements = profiles.map((p) => judgeProfile(p, candidate, 'sign-in'));
    if (!judgements.every((j) => j.rejects)) return [];
    const label = method.displayName ? `"${method.displayName}" (${candidate.name})` : candidate.name;
    return [
      finding(
        'L2.REGISTERED_PASSKEY_NOW_BLOCKED',
        `${name}'s registered passkey ${label} is now rejected by every passkey profile that applies (${judgements.map((j) => `${j.profile.name} ${listOf(j.reasons)}`).join('; ')}), so signing in with it will fail.`,
        {
          fix: `Remove that passkey and have ${name} register one the profiles allow, or allow it again in a profile.`,
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
  if (!ctx.policy.ok) return [gapFinding(ctx.policy.failure, 'the passkey profiles')];
  const fido2 = ctx.policy.value.fido2;
  if (!fido2) return [notEvaluated('the tenant has no Passkey (FIDO2) method configuration (see layer 1).')];
  if (!ctx.membership.ok) return [gapFinding(ctx.membership.failure, `which passkey profiles apply to ${personName(ctx.user)}`)];
  // Exclusion is layer 1's verdict; here we show what would apply once it is lifted.
  const { matchedIncludes } = evaluateScope(fido2, ctx.membership.value);
  if (matchedIncludes.length === 0)
    return [notEvaluated(`${personName(ctx.user)} matches no include target of the passkey policy (see layer 1).`)];
  return profileFindings(ctx, fido2, matchedIncludes);
}
