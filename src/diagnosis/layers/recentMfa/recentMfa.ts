/**
 * Layer 4: did the user complete MFA recently enough to add a passkey
 * (Entra asks for MFA within the last few minutes), and did their latest
 * visit to My Sign-ins fail? Read from the sign-in logs (Entra ID P1/P2).
 */
import type { LayerContext } from '../../context';
import { isExternalGuest, personName } from '../../context';
import type { AuthenticationStep, FactGap, SignIn } from '../../../model/facts';
import { finding, gapFinding } from '../../finding';
import { DOCS } from '../../../model/findingCodes';
import { signInError, type SignInError } from './signInErrors';
import { bootstrapPath } from '../mfaBootstrap/mfaBootstrap';
import type { Finding } from '../../../model/verdictTypes';
import { durationText, listOf, utcText } from '../../wording';

const MY_SIGNINS_APP_ID = '19db86c3-b2b9-44cc-b339-36da233a3be2';
const SECURITY_INFO = 'https://mysignins.microsoft.com/security-info';

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
 * to do after its fix — never "sign in with MFA" to someone who has none.
 */
function signInAgainFix(ctx: LayerContext): string {
  const name = personName(ctx.user);
  const window = ctx.settings.mfaFreshnessMinutes;
  switch (bootstrapPath(ctx)) {
    case 'tap-in-hand':
      return `Ask ${name} to sign in at ${SECURITY_INFO} with the Temporary Access Pass (their only way through MFA), then register the passkey within ${window} minutes.`;
    case 'tap-to-issue':
      return `After the Temporary Access Pass is issued (layer 3), ${name} signs in with the pass at ${SECURITY_INFO} and registers the passkey within ${window} minutes.`;
    case 'none':
      return `After layer 3 is fixed (${name} has no way through MFA yet), ${name} signs in at ${SECURITY_INFO} and registers the passkey within ${window} minutes.`;
    default:
      return `Ask ${name} to sign out, sign back in with MFA at ${SECURITY_INFO}, then add the passkey within ${window} minutes.`;
  }
}

function freshnessFinding(ctx: LayerContext, signIns: SignIn[]): Finding {
  const name = personName(ctx.user);
  const { mfaFreshnessMinutes: window, signInLookbackDays: lookback } = ctx.settings;
  const mfa = lastMfa(signIns);
  const ageMs = mfa ? ctx.nowMs - mfa.timeMs : null;
  if (mfa && ageMs !== null && ageMs <= window * 60_000) {
    return finding(
      'L4.MFA_RECENT',
      `${name} completed MFA ${durationText(Math.max(0, ageMs))} ago (${mfa.step.method}, ${utcText(mfa.timeMs)}), within the ${window}-minute window for adding a passkey.`,
      {
        evidence: { mfaTime: new Date(mfa.timeMs).toISOString(), method: mfa.step.method, ...signInEvidence(mfa.signIn) },
      },
    );
  }
  const when =
    mfa && ageMs !== null
      ? `${name}'s last MFA was ${durationText(ageMs)} ago (${mfa.step.method}, ${utcText(mfa.timeMs)})`
      : `${name} has not completed MFA in any sign-in of the last ${lookback} days`;
  return finding('L4.MFA_STALE', `${when}; Entra asks for MFA within the last ${window} minutes before a passkey can be added.`, {
    fix: signInAgainFix(ctx),
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

function blockedByCaFinding(ctx: LayerContext, latest: SignIn, error: SignInError, when: string): Finding {
  const name = personName(ctx.user);
  const blocking = (latest.appliedConditionalAccessPolicies ?? []).filter((p) => (p.result ?? '').toLowerCase() === 'failure');
  const names = blocking.map((p) => `"${p.displayName ?? p.id}"`);
  const which = names.length
    ? `Conditional Access policy ${listOf(names)}`
    : 'a Conditional Access policy (the sign-in log entry names it)';
  return finding(
    'L4.SIGNIN_BLOCKED_BY_CA',
    `${name}'s latest sign-in to My Sign-ins (${when}) was blocked by ${which}: error ${latest.errorCode} (${error.name}), ${error.meaning}. ${name} cannot reach Security info to add a passkey until it lets them through.`,
    {
      fix: `Check ${which} for ${name} (Entra admin center > Protection > Conditional Access, What If with the My Sign-ins app or the "Register security info" user action) and adjust it or ${name}'s device or location; then re-run.`,
      evidence: { ...errorEvidence(latest, error), blockingPolicies: blocking.map((p) => ({ id: p.id, displayName: p.displayName })) },
    },
  );
}

function proofUpBlockedFinding(ctx: LayerContext, latest: SignIn, error: SignInError, when: string): Finding {
  const name = personName(ctx.user);
  return finding(
    'L4.PROOF_UP_BLOCKED_BY_RISK',
    `${name}'s latest sign-in to My Sign-ins (${when}) failed with error ${latest.errorCode} (${error.name}): ${error.meaning}. Entra refuses to let a risky sign-in register security info.`,
    {
      fix: `Investigate and remediate ${name}'s risk in ID Protection (Risky users / Risky sign-ins: confirm safe or reset the password), then have ${name} sign in again at ${SECURITY_INFO}.`,
      evidence: errorEvidence(latest, error),
    },
  );
}

/** The latest visit to My Sign-ins, read by the reference's own classes: prompts pass, gates block, unknown codes stay neutral. */
function securityInfoSignInFindings(ctx: LayerContext, signIns: SignIn[]): Finding[] {
  const latest = signIns.find((s) => s.appId?.toLowerCase() === MY_SIGNINS_APP_ID);
  if (!latest || latest.errorCode === 0) return [];
  const name = personName(ctx.user);
  const error = signInError(latest.errorCode);
  const when = utcText(Date.parse(latest.createdDateTime));
  switch (error.kind) {
    case 'blocker':
      return [
        error.findingCode === 'L4.PROOF_UP_BLOCKED_BY_RISK'
          ? proofUpBlockedFinding(ctx, latest, error, when)
          : blockedByCaFinding(ctx, latest, error, when),
      ];
    case 'interrupt':
      return [
        finding(
          'L4.SIGNIN_INTERRUPTED',
          `${name}'s latest sign-in to My Sign-ins (${when}) stopped at a prompt, not a failure: error ${latest.errorCode} (${error.name}), ${error.meaning}.`,
          {
            evidence: errorEvidence(latest, error),
          },
        ),
      ];
    case 'unrecognised':
      return [
        finding(
          'L4.SIGNIN_ERROR_UNRECOGNISED',
          `${name}'s latest sign-in to My Sign-ins (${when}) ended with error ${latest.errorCode}, which is not in Passkey Doctor's table from Microsoft's sign-in error reference (unrecognised code ${latest.errorCode}); it is not counted as a failure.`,
          {
            fix: `Look the code up at ${DOCS.signInErrorCodes} or https://login.microsoftonline.com/error?code=${latest.errorCode} if registration still fails.`,
            evidence: errorEvidence(latest, error),
          },
        ),
      ];
    default:
      return [
        finding(
          'L4.RECENT_SIGNIN_FAILED',
          `${name}'s latest sign-in to My Sign-ins (${when}) failed with error ${latest.errorCode} (${error.name}): ${error.meaning}.`,
          {
            fix: `Resolve error ${latest.errorCode} first (the sign-in log entry has the details), then have ${name} sign in again at ${SECURITY_INFO}.`,
            evidence: errorEvidence(latest, error),
          },
        ),
      ];
  }
}

function unavailableFinding(ctx: LayerContext, gap: FactGap): Finding {
  const name = personName(ctx.user);
  if (gap.code === 'GRAPH.LICENCE_MISSING') {
    return finding(
      'L4.SIGNIN_LOGS_UNAVAILABLE',
      `Sign-in logs need Microsoft Entra ID P1 or P2, which this tenant lacks, so ${name}'s recent MFA cannot be checked.`,
      {
        fix: `${signInAgainFix(ctx)} (Passkey Doctor cannot see whether MFA is fresh here.)`,
        evidence: { request: gap.request, reason: gap.reason },
      },
    );
  }
  const permission = gap.permission ?? 'AuditLog.Read.All';
  return finding(
    'L4.SIGNIN_LOGS_UNAVAILABLE',
    `Passkey Doctor lacks the Microsoft Graph permission ${permission} to read sign-in logs, so ${name}'s recent MFA cannot be checked.`,
    {
      fix: `Grant the ${permission} application permission (admin consent), then re-run.`,
      evidence: { request: gap.request, permission },
    },
  );
}

export function evaluateRecentMfa(ctx: LayerContext): Finding[] {
  const name = personName(ctx.user);
  // Internal guests sign in here, so their logs are here too.
  if (isExternalGuest(ctx.user)) {
    return [
      finding(
        'L4.GUEST_SIGNINS_IN_HOME_TENANT',
        `${name} is an external guest: their sign-ins and MFA are logged in their home tenant, so recent MFA cannot be checked here.`,
      ),
    ];
  }
  const fact = ctx.facts.signIns;
  if (!fact.ok) {
    const { failure: gap } = fact;
    return [
      gap.code === 'GRAPH.LICENCE_MISSING' || gap.code === 'GRAPH.PERMISSION_MISSING'
        ? unavailableFinding(ctx, gap)
        : gapFinding(gap, `${name}'s sign-in logs`),
    ];
  }
  const since = ctx.nowMs - ctx.settings.signInLookbackDays * 86_400_000;
  const signIns = fact.value
    .filter((s) => Date.parse(s.createdDateTime) >= since)
    .sort((a, b) => Date.parse(b.createdDateTime) - Date.parse(a.createdDateTime));
  if (signIns.length === 0) {
    return [
      finding('L4.NO_RECENT_SIGNIN', `${name} has no interactive sign-in in the last ${ctx.settings.signInLookbackDays} days.`, {
        fix: signInAgainFix(ctx),
        evidence: { lookbackDays: ctx.settings.signInLookbackDays },
      }),
    ];
  }
  return [freshnessFinding(ctx, signIns), ...securityInfoSignInFindings(ctx, signIns)];
}
