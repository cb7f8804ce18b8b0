/**
 * Passkey profile evaluation (docs/graph-facts.md §2): which profiles apply to a user
 * and whether a profile accepts a passkey. A passkey is accepted when it fully
 * satisfies at least one applicable profile; there is no ordering.
 */
import { MICROSOFT_AUTHENTICATOR_AAGUIDS, authenticatorByAaguid, authenticatorName, type Authenticator } from '../catalog/authenticators';
import type { Fido2Configuration, PasskeyProfile, PasskeyType, PolicyTarget, RegistrationPath } from '../model/facts';
import { fillIn } from '../model/words';
import { PROFILE_PHRASES } from '../model/findingWords/passkeyProfiles';

export const LEGACY_PROFILE_ID = 'tenant-wide-settings';

/**
 * Tenants that have not moved to profiles: the legacy settings act as one
 * profile for every target, device-bound passkeys only — "To enable synced
 * passkeys, your organization must have passkey profiles enabled"
 * (how-to-authentication-passkeys-fido2; docs/contracts.md §5). The same page also
 * says synced passkeys are "already enabled" for such tenants with
 * attestation off; layer 2 names that conflict when it matters.
 */
export function legacyProfile(fido2: Fido2Configuration): PasskeyProfile {
  return {
    id: LEGACY_PROFILE_ID,
    name: PROFILE_PHRASES.legacyProfileName,
    passkeyTypes: ['deviceBound'],
    attestationEnforcement: fido2.isAttestationEnforced ? 'registrationOnly' : 'disabled',
    keyRestrictions: fido2.keyRestrictions,
  };
}

export interface ApplicableProfiles {
  profiles: PasskeyProfile[];
  /** The tenant has no passkey profiles; `profiles` holds the legacy settings. */
  legacy: boolean;
  /** Profile ids the targets name that the policy does not define. */
  unresolvedIds: string[];
}

/** The union of `allowedPasskeyProfiles` over the include targets the user matched. */
export function applicableProfiles(fido2: Fido2Configuration, matchedIncludes: PolicyTarget[]): ApplicableProfiles {
  if (fido2.passkeyProfiles.length === 0) return { profiles: [legacyProfile(fido2)], legacy: true, unresolvedIds: [] };
  const ids = new Set(matchedIncludes.flatMap((t) => t.allowedPasskeyProfiles ?? []));
  const byId = new Map(fido2.passkeyProfiles.map((p) => [p.id, p]));
  return {
    profiles: fido2.passkeyProfiles.filter((p) => ids.has(p.id)),
    legacy: false,
    unresolvedIds: [...ids].filter((id) => !byId.has(id)),
  };
}

/** What a profile needs to know about a passkey. `null` = we cannot tell. */
export interface PasskeyCandidate {
  aaGuid: string | null;
  /** A Windows Hello passkey: it registers only where an allow list names its AAGUID. */
  windowsHello?: boolean;
  name: string;
  passkeyType: PasskeyType | null;
  /** Whether it presents attestation Entra accepts; only asked at registration. */
  canAttest: boolean | null;
  /** Why it cannot attest, for messages. */
  noAttestationReason?: string;
}

const BROWSER_PATHS: ReadonlySet<RegistrationPath> = new Set(['same-device', 'cross-device']);

function attestationOf(
  entry: Authenticator | undefined,
  path: RegistrationPath | null,
): Pick<PasskeyCandidate, 'canAttest' | 'noAttestationReason'> {
  if (!entry) return { canAttest: null };
  // Authenticator attests only when the passkey is created from inside the app.
  if (entry.kind === 'app' && path && BROWSER_PATHS.has(path)) {
    return { canAttest: false, noAttestationReason: PROFILE_PHRASES.appAttestsOnlyInApp };
  }
  if (entry.attestationInEntra) return { canAttest: true };
  const why =
    entry.kind === 'synced-provider'
      ? PROFILE_PHRASES.syncedNoAttestation
      : fillIn(PROFILE_PHRASES.notAttestationEligible, { authenticator: entry.name });
  return { canAttest: false, noAttestationReason: why };
}

/** The passkey an authenticator would create, registered through `path`. */
export function registrationCandidate(aaGuid: string | null, path: RegistrationPath | null): PasskeyCandidate {
  const entry = aaGuid ? authenticatorByAaguid(aaGuid) : undefined;
  return {
    aaGuid,
    name: authenticatorName(aaGuid),
    passkeyType: entry?.passkeyType ?? null,
    ...(entry?.id === 'windows-hello' ? { windowsHello: true } : {}),
    ...attestationOf(entry, path),
  };
}

export type Check = 'pass' | 'fail' | 'unknown';

export interface ProfileJudgement {
  profile: PasskeyProfile;
  passkeyType: Check;
  keyRestrictions: Check;
  /** `pass` at sign-in: attestation is checked only at registration. */
  attestation: Check;
  accepts: boolean;
  rejects: boolean;
  /** Why it rejects, one phrase per failed check. */
  reasons: string[];
}

const typesOf = (profile: PasskeyProfile): string => profile.passkeyTypes.map((t) => PROFILE_PHRASES[t]).join(' and ');

function typeCheck(profile: PasskeyProfile, type: PasskeyType | null): Check {
  if (type) return profile.passkeyTypes.includes(type) ? 'pass' : 'fail';
  return allowsBothTypes(profile) ? 'pass' : 'unknown';
}

const explicitlyAllowed = (profile: PasskeyProfile, aaGuid: string | null): boolean =>
  profile.keyRestrictions.isEnforced &&
  profile.keyRestrictions.enforcementType === 'allow' &&
  !!aaGuid &&
  profile.keyRestrictions.aaGuids.includes(aaGuid.toLowerCase());

function keyRestrictionCheck(profile: PasskeyProfile, passkey: PasskeyCandidate, moment: 'registration' | 'sign-in'): Check {
  // "These AAGUIDs must be explicitly allowed in a passkey profile to enable registration"
  // (how-to-authentication-entra-passkeys-on-windows).
  if (passkey.windowsHello && moment === 'registration') return explicitlyAllowed(profile, passkey.aaGuid) ? 'pass' : 'fail';
  const restrictions = profile.keyRestrictions;
  if (!restrictions.isEnforced) return 'pass';
  if (!passkey.aaGuid) return 'unknown';
  const listed = restrictions.aaGuids.includes(passkey.aaGuid.toLowerCase());
  return listed === (restrictions.enforcementType === 'allow') ? 'pass' : 'fail';
}

function keyRestrictionReason(profile: PasskeyProfile, passkey: PasskeyCandidate): string {
  const { isEnforced, enforcementType } = profile.keyRestrictions;
  if (passkey.windowsHello && !(isEnforced && enforcementType === 'allow')) {
    const restrictions = isEnforced ? PROFILE_PHRASES.blockList : PROFILE_PHRASES.noKeyRestrictions;
    return fillIn(PROFILE_PHRASES.windowsHelloNeedsAllowList, { restrictions });
  }
  const reason = enforcementType === 'allow' ? PROFILE_PHRASES.notOnAllowList : PROFILE_PHRASES.onBlockList;
  return fillIn(reason, { authenticator: passkey.name });
}

export function judgeProfile(profile: PasskeyProfile, passkey: PasskeyCandidate, moment: 'registration' | 'sign-in'): ProfileJudgement {
  const passkeyType = typeCheck(profile, passkey.passkeyType);
  const keyRestrictions = keyRestrictionCheck(profile, passkey, moment);
  const attestationApplies = moment === 'registration' && profile.attestationEnforcement === 'registrationOnly';
  const attestation: Check = !attestationApplies ? 'pass' : passkey.canAttest === null ? 'unknown' : passkey.canAttest ? 'pass' : 'fail';
  const reasons: string[] = [];
  if (passkeyType === 'fail') reasons.push(fillIn(PROFILE_PHRASES.onlyTypes, { types: typesOf(profile) }));
  if (keyRestrictions === 'fail') reasons.push(keyRestrictionReason(profile, passkey));
  if (attestation === 'fail') {
    const why = passkey.noAttestationReason ?? fillIn(PROFILE_PHRASES.cannotAttest, { authenticator: passkey.name });
    reasons.push(fillIn(PROFILE_PHRASES.enforcesAttestation, { why }));
  }
  const checks = [passkeyType, keyRestrictions, attestation];
  return {
    profile,
    passkeyType,
    keyRestrictions,
    attestation,
    accepts: checks.every((c) => c === 'pass'),
    rejects: checks.includes('fail'),
    reasons,
  };
}

export const allowsBothTypes = (profile: PasskeyProfile): boolean =>
  profile.passkeyTypes.includes('deviceBound') && profile.passkeyTypes.includes('synced');

/**
 * Accepts any authenticator but Windows Hello (which needs an explicit allow): both types,
 * no attestation, no enforced key restrictions.
 */
export const isFullyPermissive = (profile: PasskeyProfile): boolean =>
  allowsBothTypes(profile) && profile.attestationEnforcement === 'disabled' && !profile.keyRestrictions.isEnforced;

/** One line per profile for messages and the card, e.g. `Default (device-bound and synced; no attestation; any authenticator)`. */
export function describeProfile(profile: PasskeyProfile): string {
  const enforced = profile.attestationEnforcement === 'registrationOnly';
  const attestation = enforced ? PROFILE_PHRASES.attestationEnforced : PROFILE_PHRASES.noAttestation;
  const { isEnforced, enforcementType, aaGuids } = profile.keyRestrictions;
  const list = aaGuids.length === 1 ? PROFILE_PHRASES.oneAaguidList : PROFILE_PHRASES.aaguidList;
  const restrictions = isEnforced ? fillIn(list, { enforcementType, count: aaGuids.length }) : PROFILE_PHRASES.anyAuthenticator;
  const types = typesOf(profile) || PROFILE_PHRASES.noPasskeyTypes;
  return fillIn(PROFILE_PHRASES.description, { name: profile.name, types, attestation, restrictions });
}

/** A passkey kept in Microsoft Authenticator, on each platform it runs on. */
export const AUTHENTICATOR_APP_CANDIDATES: PasskeyCandidate[] = Object.values(MICROSOFT_AUTHENTICATOR_AAGUIDS).map((aaGuid) =>
  registrationCandidate(aaGuid, 'authenticator-app'),
);

/** Whether some of `profiles` would take a passkey kept in Microsoft Authenticator. */
export const acceptsAuthenticatorApp = (profiles: PasskeyProfile[]): boolean =>
  profiles.some((p) => AUTHENTICATOR_APP_CANDIDATES.some((c) => judgeProfile(p, c, 'registration').accepts));

/** Whether `profile` turns away a passkey kept in Microsoft Authenticator on every platform. */
export const rejectsAuthenticatorApp = (profile: PasskeyProfile): boolean =>
  AUTHENTICATOR_APP_CANDIDATES.every((c) => judgeProfile(profile, c, 'registration').rejects);
