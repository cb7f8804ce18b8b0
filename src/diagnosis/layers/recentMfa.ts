/**
 * Layer 4: did the user complete MFA recently enough to add a passkey
 * (Entra asks for MFA within the last few minutes), and did their latest
 * visit to My Sign-ins fail? Read from the sign-in logs (Entra ID P1/P2).
 */
import type { LayerContext } from '../context';
import { isGuest, personName } from '../context';
import type { AuthenticationStep, FactGap, SignIn } from '../facts';
import { finding, gapFinding } from '../finding';
import { signInErrorMeaning } from '../signInErrors';
import type { Finding } from '../verdictTypes';
import { durationText, utcText } from '../wording';

const MY_SIGNINS_APP_ID = '19db86c3-b2b9-44cc-b339-36da233a3be2';
const SECURITY_INFO = 'https://mysignins.microsoft.com/security-info';

/** Step methods that prove no second factor now: a password, or MFA carried over from earlier. */
const NOT_A_FACTOR = new Set(['password', 'previously satisfied', 'claim in access token', 'federated single-factor']);
/** Methods that satisfy MFA on their own, even as the primary step. */
const MULTIFACTOR_ON_ITS_OWN = /fido2|passkey|windows hello|passwordless|temporary access pass|multi-?factor/i;

function isMfaStep(step: AuthenticationStep): boolean {
  if (!step.succeeded || NOT_A_FACTOR.has(step.method.trim().toLowerCase())) return false;
  const primary = (step.requirement ?? '').toLowerCase() === 'primary authentication';
  return !primary || MULTIFACTOR_ON_ITS_OWN.test(step.method);
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
    const step = signIn.authenticationDetails.filter(isMfaStep).at(-1);
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

function freshnessFinding(ctx: LayerContext, signIns: SignIn[]): Finding {
  const name = personName(ctx.user);
  const { mfaFreshnessMinutes: window, signInLookbackDays: lookback } = ctx.settings;
  const mfa = lastMfa(signIns);
  const ageMs = mfa ? ctx.nowMs - mfa.timeMs : null;
  if (mfa && ageMs !== null && ageMs <= window * 60_000) {
    return finding('L4.MFA_RECENT', `${name} completed MFA ${durationText(Math.max(0, ageMs))} ago (${mfa.step.method}, ${utcText(mfa.timeMs)}), within the ${window}-minute window for adding a passkey.`, {
      evidence: { mfaTime: new Date(mfa.timeMs).toISOString(), method: mfa.step.method, ...signInEvidence(mfa.signIn) },
    });
  }
  const when = mfa && ageMs !== null
    ? `${name}'s last MFA was ${durationText(ageMs)} ago (${mfa.step.method}, ${utcText(mfa.timeMs)})`
    : `${name} has not completed MFA in any sign-in of the last ${lookback} days`;
  return finding('L4.MFA_STALE', `${when}; Entra asks for MFA within the last ${window} minutes before a passkey can be added.`, {
    fix: `Ask ${name} to sign out, sign back in with MFA at ${SECURITY_INFO}, then add the passkey within ${window} minutes.`,
    evidence: mfa ? { mfaTime: new Date(mfa.timeMs).toISOString(), method: mfa.step.method, ...signInEvidence(mfa.signIn) } : { mfaTime: null, lookbackDays: lookback },
  });
}

function failedSecurityInfoFinding(ctx: LayerContext, signIns: SignIn[]): Finding[] {
  const latest = signIns.find((s) => s.appId?.toLowerCase() === MY_SIGNINS_APP_ID);
  if (!latest || latest.errorCode === 0) return [];
  const name = personName(ctx.user);
  const meaning = signInErrorMeaning(latest.errorCode);
  return [
    finding('L4.RECENT_SIGNIN_FAILED', `${name}'s latest sign-in to My Sign-ins (${utcText(Date.parse(latest.createdDateTime))}) failed with error ${latest.errorCode}: ${meaning}.`, {
      fix: `Resolve error ${latest.errorCode} first (the sign-in log entry has the details), then have ${name} sign in again at ${SECURITY_INFO}.`,
      evidence: { errorCode: latest.errorCode, meaning, failureReason: latest.failureReason, ...signInEvidence(latest) },
    }),
  ];
}

function unavailableFinding(ctx: LayerContext, gap: FactGap): Finding {
  const name = personName(ctx.user);
  if (gap.code === 'GRAPH.LICENCE_MISSING') {
    return finding('L4.SIGNIN_LOGS_UNAVAILABLE', `Sign-in logs need Microsoft Entra ID P1 or P2, which this tenant lacks, so ${name}'s recent MFA cannot be checked.`, {
      fix: `Ask ${name} to sign in again with MFA at ${SECURITY_INFO} right before adding the passkey.`,
      evidence: { request: gap.request, reason: gap.reason },
    });
  }
  const permission = gap.permission ?? 'AuditLog.Read.All';
  return finding('L4.SIGNIN_LOGS_UNAVAILABLE', `Passkey Doctor lacks the Microsoft Graph permission ${permission} to read sign-in logs, so ${name}'s recent MFA cannot be checked.`, {
    fix: `Grant the ${permission} application permission (admin consent), then re-run.`,
    evidence: { request: gap.request, permission },
  });
}

export function evaluateRecentMfa(ctx: LayerContext): Finding[] {
  const name = personName(ctx.user);
  if (isGuest(ctx.user)) {
    return [
      finding('L4.GUEST_SIGNINS_IN_HOME_TENANT', `${name} is a guest: their sign-ins and MFA are logged in their home tenant, so recent MFA cannot be checked here.`),
    ];
  }
  const fact = ctx.facts.signIns;
  if (!fact.ok) {
    const { gap } = fact;
    return [gap.code === 'GRAPH.LICENCE_MISSING' || gap.code === 'GRAPH.PERMISSION_MISSING' ? unavailableFinding(ctx, gap) : gapFinding(gap, `${name}'s sign-in logs`)];
  }
  const since = ctx.nowMs - ctx.settings.signInLookbackDays * 86_400_000;
  const signIns = fact.value
    .filter((s) => Date.parse(s.createdDateTime) >= since)
    .sort((a, b) => Date.parse(b.createdDateTime) - Date.parse(a.createdDateTime));
  if (signIns.length === 0) {
    return [
      finding('L4.NO_RECENT_SIGNIN', `${name} has no interactive sign-in in the last ${ctx.settings.signInLookbackDays} days.`, {
        fix: `Ask ${name} to sign in with MFA at ${SECURITY_INFO}, then add the passkey within ${ctx.settings.mfaFreshnessMinutes} minutes.`,
        evidence: { lookbackDays: ctx.settings.signInLookbackDays },
      }),
    ];
  }
  return [freshnessFinding(ctx, signIns), ...failedSecurityInfoFinding(ctx, signIns)];
}
