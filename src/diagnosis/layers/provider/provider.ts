/**
 * Layer 7: did (or will) the passkey land in the right provider? A passkey
 * saved to a provider the profiles reject or the user did not mean, a Windows
 * Hello passkey next to Windows Hello for Business, and a recently deleted
 * passkey whose local copy may linger.
 */
import {
  MICROSOFT_AUTHENTICATOR_AAGUIDS,
  authenticatorByAaguid,
  authenticatorName,
  type Authenticator,
} from '../../../catalog/authenticators';
import { providerOfAuthenticator, representativeOf } from '../../../catalog/passkeyProviders';
import { osName, providerName, sameDeviceDefault, sameDeviceDefaultSources, type Provider } from '../../../catalog/platformMatrix';
import { userPasskeyProfiles, type UserProfiles } from '../../applicableProfiles';
import type { LayerContext } from '../../context';
import { personName } from '../../context';
import type { AuditEvent, AuthMethod, OperatingSystem, PasskeyProfile } from '../../../model/facts';
import { gapFinding, said } from '../../finding';
import { fillIn } from '../../../model/words';
import { CHOOSE_PROVIDER_STEPS, LOCAL_COPY_PLACES, PROVIDER_PHRASES } from '../../../model/findingWords/provider';
import { sourceEvidence } from '../../matrixCitations';
import type { Fido2Method } from '../../../model/facts';
import { isFido2Method } from '../../methods';
import { meantProvider, passkeyHolder } from '../../passkeyHolder';
import { acceptsAuthenticatorApp, isFullyPermissive, judgeProfile, registrationCandidate, type PasskeyCandidate } from '../../passkeyProfileRules';
import type { Finding } from '../../../model/verdictTypes';
import { listOf, utcText } from '../../wording';

/** Providers a platform chooses between; security keys are picked deliberately and judged by layer 2. */
const isProviderChoice = (provider: Provider | null): provider is Provider => !!provider && provider !== 'security-key';

/** Third-party providers differ by product (1Password is not Bitwarden); the rest by provider. */
const choiceKey = (provider: Provider, authenticator: Authenticator | null): string =>
  provider === 'third-party' && authenticator ? authenticator.id : provider;

const DELETIONS = new Set(['user deleted security info', 'admin deleted security info', 'delete passkey (device-bound)']);
const isPasskeyDeletion = (e: AuditEvent): boolean =>
  DELETIONS.has(e.activityDisplayName.toLowerCase()) &&
  (!!e.aaGuid || /fido2|passkey/i.test(`${e.resultReason ?? ''} ${e.activityDisplayName}`));

interface Landing {
  aaGuid: string;
  authenticator: Authenticator;
  provider: Provider;
  registered: Fido2Method[];
  /** Failed registrations that tried this authenticator, newest first. */
  attempts: AuditEvent[];
}

interface Judging {
  ctx: LayerContext;
  name: string;
  findings: Finding[];
  needs: string[];
  /** The provider the user means, and its key for comparing (see `choiceKey`). */
  meant: { provider: Provider; key: string } | null;
  /** Computed once, and only when a check needs the profiles; a gap is reported once however many checks meet it. */
  profiles: () => PasskeyProfile[] | null;
}

function withinLookback(ctx: LayerContext, time: string | null): boolean {
  const ms = Date.parse(time ?? '');
  return !Number.isNaN(ms) && ms >= ctx.nowMs - ctx.settings.signInLookbackDays * 86_400_000;
}

/** Where to coach: the device in hand, else the system the provider lives on. */
function coachingOs(ctx: LayerContext, landing: Pick<Landing, 'provider' | 'aaGuid'>): OperatingSystem | null {
  if (ctx.device.os) return ctx.device.os;
  if (landing.aaGuid === MICROSOFT_AUTHENTICATOR_AAGUIDS.android || landing.provider === 'google-password-manager') return 'android';
  if (landing.aaGuid === MICROSOFT_AUTHENTICATOR_AAGUIDS.ios || landing.provider === 'apple-passwords') return 'ios';
  return null;
}

/** Where on `os` the user picks `target` as the provider a new passkey is saved to. */
const chooseProviderSteps = (os: OperatingSystem | null, target: string): string =>
  fillIn((os && CHOOSE_PROVIDER_STEPS[os]) ?? CHOOSE_PROVIDER_STEPS.other, { target });

/** What to tell the user to save to: what they meant, else something the profiles take. */
function targetName(ctx: LayerContext, meant: Provider | null, profiles: PasskeyProfile[] | null): string {
  if (meant) return providerName(meant);
  const authenticatorAccepted = !!profiles && acceptsAuthenticatorApp(profiles);
  return authenticatorAccepted ? PROVIDER_PHRASES.authenticator : fillIn(PROVIDER_PHRASES.acceptedProvider, { name: personName(ctx.user) });
}

/** Reasons every profile rejects this passkey, or null when one accepts it or cannot tell. */
function rejectedBy(profiles: PasskeyProfile[], candidate: PasskeyCandidate, moment: 'registration' | 'sign-in'): string[] | null {
  const judgements = profiles.map((p) => judgeProfile(p, candidate, moment));
  if (!judgements.every((j) => j.rejects)) return null;
  return judgements.map((j) => fillIn(PROVIDER_PHRASES.profileRejects, { profile: j.profile.name, reasons: listOf(j.reasons) }));
}

function landingsOf(ctx: LayerContext, methods: Fido2Method[], audits: AuditEvent[]): Landing[] {
  const byAaguid = new Map<string, Landing>();
  const landing = (aaGuid: string | null): Landing | null => {
    const authenticator = aaGuid ? authenticatorByAaguid(aaGuid) : undefined;
    if (!aaGuid || !authenticator) return null;
    const provider = providerOfAuthenticator(authenticator);
    if (!isProviderChoice(provider)) return null;
    const existing = byAaguid.get(aaGuid) ?? { aaGuid, authenticator, provider, registered: [], attempts: [] };
    byAaguid.set(aaGuid, existing);
    return existing;
  };
  for (const method of methods) landing(method.aaGuid)?.registered.push(method);
  for (const event of audits) {
    if (event.result === 'failure' && withinLookback(ctx, event.activityDateTime)) landing(event.aaGuid)?.attempts.push(event);
  }
  return [...byAaguid.values()];
}

function wrongProviderFinding(j: Judging, landing: Landing): Finding | null {
  const { ctx, name, meant } = j;
  const meantName = meant ? providerName(meant.provider) : null;
  const notMeant = !!meant && choiceKey(landing.provider, landing.authenticator) !== meant.key;
  const recentRegistrations = landing.registered.filter((m) => withinLookback(ctx, m.createdDateTime));
  const profiles = landing.registered.length ? j.profiles() : null;
  const rejections = landing.registered.flatMap((method) => {
    // Key restrictions and passkey types apply at sign-in too; the registered type beats the catalogue's.
    const candidate = {
      ...registrationCandidate(method.aaGuid, null),
      passkeyType: method.passkeyType ?? landing.authenticator.passkeyType,
    };
    const reasons = profiles ? rejectedBy(profiles, candidate, 'sign-in') : null;
    return reasons ? [{ method, reasons }] : [];
  });
  const wrongRegistered = [...new Set([...rejections.map((r) => r.method), ...(notMeant ? recentRegistrations : [])])];
  const wrongAttempts = notMeant ? landing.attempts : [];
  if (wrongRegistered.length === 0 && wrongAttempts.length === 0) return null;

  const where = authenticatorName(landing.aaGuid);
  const landings = wrongRegistered.map((method) => {
    const rejection = rejections.find((r) => r.method === method);
    return fillIn(rejection ? PROVIDER_PHRASES.keptRejected : PROVIDER_PHRASES.keptNotMeant, {
      name,
      label: method.displayName
        ? fillIn(PROVIDER_PHRASES.namedPasskey, { displayName: method.displayName })
        : PROVIDER_PHRASES.unnamedPasskey,
      when: method.createdDateTime
        ? fillIn(PROVIDER_PHRASES.registeredOn, { date: utcText(Date.parse(method.createdDateTime)).slice(0, 10) })
        : '',
      where,
      reasons: rejection?.reasons.join('; ') ?? '',
      meant: meantName ?? '',
    });
  });
  if (wrongAttempts.length) {
    const time = utcText(Date.parse(wrongAttempts[0].activityDateTime));
    landings.push(fillIn(PROVIDER_PHRASES.triedNotMeant, { name, time, where, meant: meantName ?? '' }));
  }
  const steps = chooseProviderSteps(coachingOs(ctx, landing), targetName(ctx, meant?.provider ?? null, profiles));
  return said('L7.WRONG_PROVIDER', { landings: landings.join('; '), where, name, steps }, {
    variant: wrongRegistered.length ? 'registered' : 'attempted',
    evidence: {
      registered: wrongRegistered.length > 0,
      ...(wrongRegistered.length ? { methodId: wrongRegistered[0].id, methodIds: wrongRegistered.map((m) => m.id) } : {}),
      aaGuid: landing.aaGuid,
      authenticator: where,
      provider: landing.provider,
      intended: meantName,
      attempts: wrongAttempts.map((e) => ({ time: e.activityDateTime, activity: e.activityDisplayName, reason: e.resultReason })),
      ...(rejections.length ? { rejectedBy: rejections.map((r) => ({ methodId: r.method.id, reasons: r.reasons })) } : {}),
    },
  });
}

/** Same device, nothing says where: the system's default provider is where the passkey would go. */
function wouldGoFinding(j: Judging, os: OperatingSystem, fallback: Provider): Finding | null {
  const representative = representativeOf(fallback);
  const profiles = j.profiles();
  if (!representative || !profiles) return null;
  const reasons = rejectedBy(profiles, registrationCandidate(representative.aaGuids[0], 'same-device'), 'registration');
  if (!reasons) return null;
  const steps = chooseProviderSteps(os, targetName(j.ctx, null, profiles));
  return said(
    'L7.WRONG_PROVIDER',
    { os: osName(os), provider: providerName(fallback), name: j.name, reasons: reasons.join('; '), steps },
    {
      variant: 'wouldGo',
      evidence: {
        registered: false,
        wouldGo: true,
        provider: fallback,
        authenticator: representative.name,
        aaGuid: representative.aaGuids[0],
        defaultProviderSources: sourceEvidence(sameDeviceDefaultSources()),
      },
    },
  );
}

const WHFB_QUOTE =
  "Users can't register a passkey on Windows if a Windows Hello for Business credential already exists for the same account and container";

/**
 * Windows Hello for Business conflicts per device: the container in "…already
 * exists for the same account and container"
 * (how-to-authentication-entra-passkeys-on-windows) is one device's Windows
 * Hello container. Only evidence that ties a WHfB credential to the device in
 * question fails the layer; otherwise it warns and asks which device.
 */
function whfbFindings(j: Judging, whfb: AuthMethod[], holderProvider: Provider | null): void {
  if (whfb.length === 0) return;
  const { ctx, name } = j;
  const { path, os } = ctx.device;
  const devices = whfb.map((m) => ('displayName' in m && m.displayName ? m.displayName : null)).filter((d): d is string => !!d);
  const deviceName = ctx.device.deviceName?.trim().toLowerCase() ?? null;
  const onThisDevice = !!deviceName && devices.some((d) => d.toLowerCase() === deviceName);
  const evidence = {
    methods: ['windowsHelloForBusiness'],
    whfbDevices: devices,
    deviceName: ctx.device.deviceName ?? null,
    path,
    authenticator: 'Windows Hello',
    quote: WHFB_QUOTE,
  };
  if (holderProvider === 'windows-hello' && onThisDevice) {
    j.findings.push(said('L7.WHFB_CONFLICT', { name, device: ctx.device.deviceName ?? '', quote: WHFB_QUOTE }, { evidence }));
    return;
  }
  // On Windows, "This Windows device" is the Windows Hello passkey: only the choice in the dialog decides.
  if (holderProvider === null && (path === 'same-device' || path === null) && (os === 'windows' || os === null)) {
    j.needs.push(fillIn(PROVIDER_PHRASES.needsWhfbChoice, { name }));
    return;
  }
  if (holderProvider !== 'windows-hello') return;
  j.findings.push(
    said(
      'L7.WHFB_MAY_CONFLICT',
      { name, devices: listOf(devices.map((d) => `"${d}"`)), quote: WHFB_QUOTE },
      { variant: devices.length ? 'default' : 'noDeviceNames', evidence },
    ),
  );
}

function orphanFinding(j: Judging, audits: AuditEvent[]): void {
  const deletion = audits.find((e) => isPasskeyDeletion(e) && withinLookback(j.ctx, e.activityDateTime));
  if (!deletion) return;
  const os = j.ctx.device.os;
  const params = {
    authenticator: deletion.aaGuid ? authenticatorName(deletion.aaGuid) : '',
    name: j.name,
    time: utcText(Date.parse(deletion.activityDateTime)),
    activity: deletion.activityDisplayName,
    where: (os && LOCAL_COPY_PLACES[os]) ?? LOCAL_COPY_PLACES.other,
  };
  j.findings.push(
    said('L7.ORPHANED_LOCAL_PASSKEY', params, {
      variant: deletion.aaGuid ? 'default' : 'unknownAuthenticator',
      evidence: {
        eventId: deletion.id,
        time: deletion.activityDateTime,
        activity: deletion.activityDisplayName,
        deletedBy: deletion.initiatedByUpn,
        reason: deletion.resultReason,
        aaGuid: deletion.aaGuid,
        authenticator: deletion.aaGuid ? authenticatorName(deletion.aaGuid) : null,
      },
    }),
  );
}

/** Nothing says where the passkey goes: a need only if the profiles would not take any provider. */
function landingNeed(j: Judging): void {
  const profiles = j.profiles();
  if (!profiles || profiles.some(isFullyPermissive)) return;
  j.needs.push(fillIn(PROVIDER_PHRASES.needsProfileChoice, { name: j.name }));
}

export function evaluateProvider(ctx: LayerContext): Finding[] {
  const name = personName(ctx.user);
  const holder = passkeyHolder(ctx);
  const meant = meantProvider(ctx);
  let profiles: UserProfiles | null = null;
  const j: Judging = {
    ctx,
    name,
    findings: [],
    needs: [],
    meant: meant ? { provider: meant, key: choiceKey(meant, meant === holder.provider ? holder.authenticator : null) } : null,
    profiles: () => {
      if (!profiles) {
        profiles = userPasskeyProfiles(ctx, PROVIDER_PHRASES.profilesPurpose);
        if (!profiles.ok) j.findings.push(profiles.failure);
      }
      return profiles.ok ? profiles.value.profiles : null;
    },
  };
  const { methods, audits } = ctx.facts;
  if (!methods.ok) j.findings.push(gapFinding(methods.failure, fillIn(PROVIDER_PHRASES.methodsGap, { name })));
  if (!audits.ok) j.findings.push(gapFinding(audits.failure, fillIn(PROVIDER_PHRASES.auditsGap, { name })));
  const events = audits.ok ? audits.value : [];

  if (methods.ok)
    whfbFindings(
      j,
      methods.value.filter((m) => m.kind === 'windowsHelloForBusiness'),
      holder.provider,
    );
  for (const landing of landingsOf(ctx, methods.ok ? methods.value.filter(isFido2Method) : [], events)) {
    const wrong = wrongProviderFinding(j, landing);
    if (wrong) j.findings.push(wrong);
  }
  if (!holder.provider && !holder.aaGuid) {
    const { path, os } = ctx.device;
    const fallback = path === 'same-device' && os ? sameDeviceDefault(os) : null;
    const wouldGo = fallback && os ? wouldGoFinding(j, os, fallback) : null;
    if (wouldGo) j.findings.push(wouldGo);
    else if (!fallback) landingNeed(j);
  }
  orphanFinding(j, events);
  if (j.needs.length) {
    j.findings.push(said('L7.NEEDS_DEVICE', { needs: listOf(j.needs) }));
  }
  return j.findings;
}
