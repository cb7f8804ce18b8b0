/**
 * Layer 4: did the user complete MFA recently enough to add a passkey
 * (Entra asks for MFA within the last few minutes), and did their latest
 * visit to My Sign-ins fail? Read from the sign-in logs (Entra ID P1/P2).
 */
import type { LayerContext } from '../../context';
import { isExternalGuest, personName } from '../../context';
import type { AuthenticationStep, FactGap, SignIn } from '../../../model/facts';
import { gapFinding, said } from '../../finding';
import { signInError, type SignInError } from './signInErrors';
import { bootstrapPath } from '../mfaBootstrap/mfaBootstrap';
import type { Finding } from '../../../model/verdictTypes';
import { durationText, listOf, utcText } from '../../wording';
import { type FindingParams } from '../../../model/findingWords';
import { fillIn } from '../../../model/words';
import { RECENT_MFA_GAPS, SIGN_IN_AGAIN } from '../../../model/findingWords/recentMfa';

const MY_SIGNINS_APP_ID = '19db86c3-b2b9-44cc-b339-36da233a3be2';

/** Step methods that prove no second factor now: a password, or MFA carried over from earlier. */
const NOT_A_FACTOR = new Set(['password', 'previously satisfied', 'claim in access token', 'federated single-factor']);
/** Methods that satisfy MFA on their own, even as the primary step. */
const MULTIFACTOR_ON_ITS_OWN = /fido2|passkey|windows hello|passwordless|temporary access pass|multi-?factor/i;
/**
 * Certificate-based authentication: MFA on its own when the certificate is bound to multifactor
 * (concept-certificate-based-authentication).
 */
const CERTIFICATE = /x\.?509|certificate/i;

/** CBA counts as MFA when the step or the sign-in says the certificate satisfied multifactor authentication. */
function certificateSatisfiedMfa(step: AuthenticationStep, signIn: SignIn): boolean {
  if (!CERTIFICATE.test(step.method)) return false;
  return /multi-?factor/i.test(step.detail ?? '') || (signIn.authenticationRequirement ?? '').toLowerCase() === 'multifactorauthentication';
}

function isMfaStep(step: AuthenticationStep, signIn: SignIn): boolean {
  if (!step.succeeded || NOT_A_FACTOR.has(step.method.trim().toLowerCase())) return false;
  const primary = (step.requirement ?? '').toLowerCase() === 'primary authentication';
  return !primary || MULTIFACTOR_ON_ITS_OWN.test(step.method) || certificateSatisfiedMfa(step, signIn);
}

interface MfaEvent {
  signIn: SignIn;
  step: AuthenticationStep;
  timeMs: number;
}

/** The latest successful sign-in that included a real factor; `signIns` newest first. */
function lastMfa(signIns: SignIn[]): MfaEvent | null {
  for (const signIn of signIns) {
    if (signIn.errorCode !== 0) continue;
    const step = signIn.authenticationDetails.filter((s) => isMfaStep(s, signIn)).at(-1);
    if (step) return { signIn, step, timeMs: Date.parse(step.time ?? signIn.createdDateTime) };
  }
  return null;
}

const signInEvidence = (signIn: SignIn) => ({
  signInId: signIn.id,
  time: signIn.createdDateTime,
  app: signIn.appDisplayName ?? signIn.appId,
  operatingSystem: signIn.operatingSystem,
  browser: signIn.browser,
});

/**
 * What to tell the user once layer 3 is settled: sign in with what they have
 * (an MFA method or the pass they hold), or, while layer 3 still fails, what
 * to do after its fix.
 */
const signInAgain = (ctx: LayerContext): string =>
  fillIn(SIGN_IN_AGAIN[bootstrapPath(ctx)], { name: personName(ctx.user), window: ctx.settings.mfaFreshnessMinutes });

function freshnessFinding(ctx: LayerContext, signIns: SignIn[]): Finding {
  const name = personName(ctx.user);
  const { mfaFreshnessMinutes: window, signInLookbackDays: lookback } = ctx.settings;
  const mfa = lastMfa(signIns);
  const ageMs = mfa ? ctx.nowMs - mfa.timeMs : null;
  const last: FindingParams =
    mfa && ageMs !== null ? { ago: durationText(Math.max(0, ageMs)), method: mfa.step.method, time: utcText(mfa.timeMs) } : {};
  if (mfa && ageMs !== null && ageMs <= window * 60_000) {
    return said(
      'L4.MFA_RECENT',
      { name, window, ...last },
      { evidence: { mfaTime: new Date(mfa.timeMs).toISOString(), method: mfa.step.method, ...signInEvidence(mfa.signIn) } },
    );
  }
  return said('L4.MFA_STALE', { name, window, lookback, signInAgain: signInAgain(ctx), ...last }, {
    variant: mfa ? 'default' : 'never',
    evidence: mfa
      ? { mfaTime: new Date(mfa.timeMs).toISOString(), method: mfa.step.method, ...signInEvidence(mfa.signIn) }
      : { mfaTime: null, lookbackDays: lookback },
  });
}

const errorEvidence = (latest: SignIn, error: SignInError) => ({
  errorCode: latest.errorCode,
  errorName: error.name,
  kind: error.kind,
  meaning: error.meaning,
  failureReason: latest.failureReason,
  ...signInEvidence(latest),
});

const errorParams = (ctx: LayerContext, latest: SignIn, error: SignInError, when: string) => ({
  name: personName(ctx.user),
  when,
  errorCode: latest.errorCode,
  errorName: error.name ?? '',
  meaning: error.meaning,
});

function blockedByCaFinding(ctx: LayerContext, latest: SignIn, error: SignInError, when: string): Finding {
  const blocking = (latest.appliedConditionalAccessPolicies ?? []).filter((p) => (p.result ?? '').toLowerCase() === 'failure');
  const names = blocking.map((p) => `"${p.displayName ?? p.id}"`);
  return said(
    'L4.SIGNIN_BLOCKED_BY_CA',
    { ...errorParams(ctx, latest, error, when), policies: listOf(names) },
    {
      variant: names.length ? 'default' : 'unnamed',
      evidence: { ...errorEvidence(latest, error), blockingPolicies: blocking.map((p) => ({ id: p.id, displayName: p.displayName })) },
    },
  );
}

function proofUpBlockedFinding(ctx: LayerContext, latest: SignIn, error: SignInError, when: string): Finding {
  return said('L4.PROOF_UP_BLOCKED_BY_RISK', errorParams(ctx, latest, error, when), { evidence: errorEvidence(latest, error) });
}

/** The latest visit to My Sign-ins, read by the reference's own classes: prompts pass, gates block, unknown codes stay neutral. */
function securityInfoSignInFindings(ctx: LayerContext, signIns: SignIn[]): Finding[] {
  const latest = signIns.find((s) => s.appId?.toLowerCase() === MY_SIGNINS_APP_ID);
  if (!latest || latest.errorCode === 0) return [];
  const error = signInError(latest.errorCode);
  const when = utcText(Date.parse(latest.createdDateTime));
  const params = errorParams(ctx, latest, error, when);
  switch (error.kind) {
    case 'blocker':
      return [
        error.findingCode === 'L4.PROOF_UP_BLOCKED_BY_RISK'
          ? proofUpBlockedFinding(ctx, latest, error, when)
          : blockedByCaFinding(ctx, latest, error, when),
      ];
    case 'interrupt':
      return [said('L4.SIGNIN_INTERRUPTED', params, { evidence: errorEvidence(latest, error) })];
    case 'unrecognised':
      return [said('L4.SIGNIN_ERROR_UNRECOGNISED', params, { evidence: errorEvidence(latest, error) })];
    default:
      return [said('L4.RECENT_SIGNIN_FAILED', params, { evidence: errorEvidence(latest, error) })];
  }
}

function unavailableFinding(ctx: LayerContext, gap: FactGap): Finding {
  const name = personName(ctx.user);
  if (gap.code === 'GRAPH.LICENCE_MISSING') {
    return said(
      'L4.SIGNIN_LOGS_UNAVAILABLE',
      { name, signInAgain: signInAgain(ctx) },
      { variant: 'licence', evidence: { request: gap.request, reason: gap.reason } },
    );
  }
  const permission = gap.permission ?? 'AuditLog.Read.All';
  return said(
    'L4.SIGNIN_LOGS_UNAVAILABLE',
    { name, permission },
    { variant: 'permission', evidence: { request: gap.request, permission } },
  );
}

export function evaluateRecentMfa(ctx: LayerContext): Finding[] {
  const name = personName(ctx.user);
  // Internal guests sign in here, so their logs are here too.
  if (isExternalGuest(ctx.user)) {
    return [said('L4.GUEST_SIGNINS_IN_HOME_TENANT', { name })];
  }
  const fact = ctx.facts.signIns;
  if (!fact.ok) {
    const { failure: gap } = fact;
    return [
      gap.code === 'GRAPH.LICENCE_MISSING' || gap.code === 'GRAPH.PERMISSION_MISSING'
        ? unavailableFinding(ctx, gap)
        : gapFinding(gap, fillIn(RECENT_MFA_GAPS.signIns, { name })),
    ];
  }
  const since = ctx.nowMs - ctx.settings.signInLookbackDays * 86_400_000;
  const signIns = fact.value
    .filter((s) => Date.parse(s.createdDateTime) >= since)
    .sort((a, b) => Date.parse(b.createdDateTime) - Date.parse(a.createdDateTime));
  if (signIns.length === 0) {
    const lookback = ctx.settings.signInLookbackDays;
    return [said('L4.NO_RECENT_SIGNIN', { name, lookback, signInAgain: signInAgain(ctx) }, { evidence: { lookbackDays: lookback } })];
  }
  return [freshnessFinding(ctx, signIns), ...securityInfoSignInFindings(ctx, signIns)];
}
