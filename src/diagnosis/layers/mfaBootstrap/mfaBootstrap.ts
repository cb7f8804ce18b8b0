/**
 * Layer 3: can the user satisfy the MFA that Security info demands before
 * adding a passkey? Either an MFA-capable method the policy allows them, or a
 * usable Temporary Access Pass; and the "Register security info" Conditional
 * Access gate must accept what they have.
 */
import type { TapKind } from './authStrength';
import type { LayerContext } from '../../context';
import { isExternalGuest, personName } from '../../context';
import type { AuthMethod, AuthenticationMethodsPolicy, MethodConfiguration } from '../../../model/facts';
import { finding, gapFinding } from '../../finding';
import type { TapMethod } from '../../../model/facts';
import { isTapMethod, methodLabel } from '../../methods';
import { evaluateRegistrationCa } from './registrationCa';
import { evaluateScope, isEnabledFor, type Membership } from '../../scope';
import { targetLabel } from '../../targetNames';
import type { Finding } from '../../../model/verdictTypes';
import { listOf, utcText } from '../../wording';

const SECURITY_INFO = 'https://mysignins.microsoft.com/security-info';
const METHODS_BLADE = 'Entra admin center > Protection > Authentication methods > Policies';

/** Method configurations that govern each kind. Windows Hello for Business and platform credentials have none. */
const CONFIGURATION_IDS: Record<string, string[]> = {
  fido2: ['Fido2'],
  microsoftAuthenticator: ['MicrosoftAuthenticator'],
  phone: ['Sms', 'Voice'],
  softwareOath: ['SoftwareOath'],
  hardwareOath: ['HardwareOath'],
};
const UNGOVERNED_KINDS = new Set(['windowsHelloForBusiness', 'platformCredential']);
/** TAP is judged on its own: it counts only while usable. */
const MFA_CAPABLE_KINDS = new Set([...Object.keys(CONFIGURATION_IDS), ...UNGOVERNED_KINDS, 'external']);

interface MethodStanding {
  method: AuthMethod;
  counts: boolean;
  why: string;
}

function configurationsFor(method: AuthMethod, policy: AuthenticationMethodsPolicy): MethodConfiguration[] {
  const ids =
    method.kind === 'external' && 'configurationId' in method && method.configurationId
      ? [method.configurationId]
      : (CONFIGURATION_IDS[method.kind] ?? []);
  const wanted = new Set(ids.map((id) => id.toLowerCase()));
  return policy.methodConfigurations.filter((c) => wanted.has(c.id.toLowerCase()));
}

function standingOf(method: AuthMethod, policy: AuthenticationMethodsPolicy, membership: Membership): MethodStanding {
  if (!MFA_CAPABLE_KINDS.has(method.kind)) return { method, counts: false, why: 'not an MFA method' };
  if (UNGOVERNED_KINDS.has(method.kind)) return { method, counts: true, why: 'no method policy governs it' };
  if (policy.policyMigrationState !== 'migrationComplete') return { method, counts: true, why: 'legacy MFA settings still apply' };
  const configurations = configurationsFor(method, policy);
  if (configurations.length === 0) return { method, counts: false, why: 'the methods policy has no configuration for it' };
  if (configurations.some((c) => isEnabledFor(c, membership))) return { method, counts: true, why: 'enabled for the user' };
  if (configurations.every((c) => c.state !== 'enabled')) return { method, counts: false, why: 'turned off in the methods policy' };
  return { method, counts: false, why: 'the user is outside its policy targets' };
}

interface TapStanding {
  method: TapMethod | null;
  /** The kind of pass the user holds, when Graph says. */
  kind: TapKind | null;
  /** Kinds the help desk could issue: none when the policy refuses a pass; one-time only when the policy requires it. */
  issuable: TapKind[];
  /** Why the TAP policy would refuse a pass for this user; null when it allows one. */
  policyProblem: string | null;
  usable: boolean;
  /** `methodUsabilityReason`, or the one we derive when Graph gives none. */
  reason: string | null;
  validFromMs: number | null;
  validUntilMs: number | null;
}

function tapPolicyProblem(ctx: LayerContext, policy: AuthenticationMethodsPolicy, membership: Membership): string | null {
  const config = policy.temporaryAccessPass;
  if (!config || config.state !== 'enabled') return 'the Temporary Access Pass method is turned off in the authentication methods policy';
  const scope = evaluateScope(config, membership);
  const name = personName(ctx.user);
  if (scope.matchedExcludes.length)
    return `${name} is in the Temporary Access Pass policy's exclusion ${listOf(scope.matchedExcludes.map((t) => targetLabel(ctx, t)))}`;
  if (!scope.inScope)
    return `${name} is not in any target of the Temporary Access Pass policy (${listOf(config.includeTargets.map((t) => targetLabel(ctx, t))) || 'it has none'})`;
  return null;
}

function tapWindow(method: TapMethod): Pick<TapStanding, 'validFromMs' | 'validUntilMs'> {
  const start = Date.parse(method.startDateTime ?? method.createdDateTime ?? '');
  if (Number.isNaN(start)) return { validFromMs: null, validUntilMs: null };
  return { validFromMs: start, validUntilMs: method.lifetimeInMinutes != null ? start + method.lifetimeInMinutes * 60_000 : null };
}

/** The window is start-inclusive and end-exclusive: a pass is gone at the very minute its lifetime ends. */
function outsideWindow(
  nowMs: number,
  { validFromMs, validUntilMs }: Pick<TapStanding, 'validFromMs' | 'validUntilMs'>,
): 'NotYetValid' | 'Expired' | null {
  if (validFromMs !== null && nowMs < validFromMs) return 'NotYetValid';
  if (validUntilMs !== null && nowMs >= validUntilMs) return 'Expired';
  return null;
}

/** A multi-use pass while the policy now requires one-time passes: Learn's own troubleshooting case. */
const MULTI_USE_WHILE_ONE_TIME_REQUIRED = 'MultiUseWhileOneTimeRequired';

function tapStanding(
  ctx: LayerContext,
  methods: AuthMethod[],
  policy: AuthenticationMethodsPolicy,
  policyProblem: string | null,
): TapStanding {
  const method = methods.find(isTapMethod) ?? null;
  const oneTimeOnly = policy.temporaryAccessPass?.isUsableOnce === true;
  const issuable: TapKind[] = policyProblem ? [] : oneTimeOnly ? ['oneTime'] : ['oneTime', 'multiUse'];
  if (!method) return { method, kind: null, issuable, policyProblem, usable: false, reason: null, validFromMs: null, validUntilMs: null };
  const kind: TapKind | null = method.isUsableOnce === null ? null : method.isUsableOnce ? 'oneTime' : 'multiUse';
  const window = tapWindow(method);
  const outside = outsideWindow(ctx.nowMs, window);
  // Graph's isUsable wins; only without it does our own clock arithmetic decide.
  const usableByGraph = method.isUsable ?? (window.validFromMs !== null && window.validUntilMs !== null && !outside);
  // "Make sure the user doesn't have a TAP for multiple use while the Authentication methods policy requires a one-time TAP."
  const wrongKind = oneTimeOnly && kind === 'multiUse';
  const usable = usableByGraph && !policyProblem && !wrongKind;
  const graphReason = method.methodUsabilityReason === 'EnabledByPolicy' ? null : method.methodUsabilityReason;
  const reason = usable
    ? null
    : (graphReason ?? (policyProblem ? 'DisabledByPolicy' : wrongKind ? MULTI_USE_WHILE_ONE_TIME_REQUIRED : outside));
  return { method, kind, issuable, policyProblem, usable, reason, ...window };
}

function unusableTapText(tap: TapStanding, name: string): string {
  switch (tap.reason) {
    case 'Expired':
      return `it expired${tap.validUntilMs !== null ? ` at ${utcText(tap.validUntilMs)}` : ''}`;
    case 'NotYetValid':
      return `it only becomes valid${tap.validFromMs !== null ? ` at ${utcText(tap.validFromMs)}` : ' later'}`;
    case 'OneTimeUsed':
      return 'it was a one-time pass and has already been used';
    case 'DisabledByPolicy':
      return `the Temporary Access Pass policy does not let ${name} sign in with it`;
    case MULTI_USE_WHILE_ONE_TIME_REQUIRED:
      return 'it is a multi-use pass, and the authentication methods policy now requires one-time passes (signing in with it shows "Temporary Access Pass sign in was blocked due to User Credential Policy")';
    default:
      return `Microsoft Graph reports it unusable (${tap.reason ?? 'no reason given'})`;
  }
}

const tapEvidence = (tap: TapStanding) => ({
  methodId: tap.method?.id,
  isUsable: tap.method?.isUsable ?? null,
  methodUsabilityReason: tap.reason ?? tap.method?.methodUsabilityReason ?? null,
  isUsableOnce: tap.method?.isUsableOnce ?? null,
  validFrom: tap.validFromMs !== null ? new Date(tap.validFromMs).toISOString() : null,
  validUntil: tap.validUntilMs !== null ? new Date(tap.validUntilMs).toISOString() : null,
});

const INTERRUPT_QUOTE =
  "Users in scope for these policies are redirected to the Interrupt mode of the combined registration. This experience doesn't currently support FIDO2 and phone sign-in registration.";

/**
 * A pass is the way in: SSPR or ID Protection registration policies may turn that sign-in
 * into Interrupt mode, which cannot add a passkey.
 */
function interruptModeFinding(ctx: LayerContext): Finding {
  const name = personName(ctx.user);
  return finding(
    'L3.TAP_INTERRUPT_MODE',
    `If ${name} is in scope of the self-service password reset registration policy or the ID Protection MFA registration policy, signing in with a Temporary Access Pass opens the "interrupt" registration, where the passkey cannot be added: "${INTERRUPT_QUOTE}"`,
    {
      fix: `If the interrupt registration appears, have ${name} finish it, then go to ${SECURITY_INFO} and add the passkey there.`,
      evidence: { quote: INTERRUPT_QUOTE, policies: ['SSPR registration policy', 'ID Protection MFA registration policy'] },
    },
  );
}

function tapFindings(ctx: LayerContext, tap: TapStanding, hasMfaMethod: boolean): Finding[] {
  const name = personName(ctx.user);
  const findings: Finding[] = [];
  const minutes = ctx.settings.mfaFreshnessMinutes;
  if (tap.method && tap.usable) {
    const until = tap.validUntilMs !== null ? ` until ${utcText(tap.validUntilMs)}` : '';
    findings.push(
      finding(
        'L3.TAP_USABLE',
        `${name} has a Temporary Access Pass that is valid${until}${tap.method.isUsableOnce ? ' (one-time)' : ''}: a way into Security info without another MFA method.`,
        {
          evidence: tapEvidence(tap),
        },
      ),
    );
  } else if (tap.method) {
    findings.push(
      finding('L3.TAP_NOT_USABLE', `${name}'s Temporary Access Pass cannot be used: ${unusableTapText(tap, name)}.`, {
        fix: tap.policyProblem
          ? `Fix the Temporary Access Pass policy first (${tap.policyProblem}), then issue a new one-time pass.`
          : `Issue a new one-time Temporary Access Pass; it replaces the old one. ${name} signs in with it at ${SECURITY_INFO} and adds the passkey within ${minutes} minutes.`,
        evidence: tapEvidence(tap),
      }),
    );
  }
  // Only worth saying when the TAP is, or would be, the user's way in.
  // For an external guest no policy change helps: a pass cannot be added to them at all (said by L3.NO_MFA_METHOD).
  if (tap.policyProblem && !isExternalGuest(ctx.user) && (!hasMfaMethod || tap.method)) {
    findings.push(
      finding('L3.TAP_POLICY_BLOCKS', `A Temporary Access Pass would not work for ${name}: ${tap.policyProblem}.`, {
        fix: `Enable the Temporary Access Pass method and include ${name} in its targets (${METHODS_BLADE} > Temporary Access Pass).`,
        evidence: { problem: tap.policyProblem },
      }),
    );
  }
  return findings;
}

function methodFindings(ctx: LayerContext, standings: MethodStanding[], tap: TapStanding, migrationState: string): Finding[] {
  const name = personName(ctx.user);
  const counting = standings.filter((s) => s.counts);
  const minutes = ctx.settings.mfaFreshnessMinutes;
  const findings: Finding[] = [
    finding(
      'L3.MFA_METHODS',
      counting.length
        ? `${name}'s MFA-capable methods: ${listOf(counting.map((s) => methodLabel(s.method)))}.`
        : `${name} has no registered MFA-capable method the policy allows.`,
      {
        evidence: {
          methods: standings.map((s) => ({
            kind: s.method.kind,
            id: s.method.id,
            name: methodLabel(s.method),
            counts: s.counts,
            why: s.why,
          })),
        },
      },
    ),
  ];
  if (migrationState !== 'migrationComplete') {
    findings.push(
      finding(
        'L3.LEGACY_MFA_SETTINGS',
        `The tenant's authentication methods migration is "${migrationState}", so the legacy per-user MFA and SSPR method settings still apply; ${name}'s registered methods are counted without checking the methods policy.`,
        {
          evidence: { policyMigrationState: migrationState },
        },
      ),
    );
  }
  if (counting.length === 0 && !tap.usable) {
    // One freshness window everywhere: the passkey page's 5 minutes is stricter than the TAP page's 10 (rule-sources.json, MFA_FRESHNESS).
    const issue = `issue a one-time Temporary Access Pass; ${name} signs in with it at ${SECURITY_INFO} and registers the passkey within ${minutes} minutes`;
    findings.push(
      finding(
        'L3.NO_MFA_METHOD',
        `${name} has no MFA-capable method and no usable Temporary Access Pass, so they cannot pass the MFA that Security info asks for before a passkey can be added.`,
        {
          fix: isExternalGuest(ctx.user)
            ? `${name} is an external guest: "Temporary Access Pass cannot be added to an external guest user", and a guest's MFA belongs to their home organisation; there is nothing to issue here (see layer 1).`
            : tap.policyProblem
              ? `First fix the Temporary Access Pass policy (${tap.policyProblem}), then ${issue}.`
              : `${issue.charAt(0).toUpperCase()}${issue.slice(1)}.`,
          evidence: { methods: standings.map((s) => s.method.kind) },
        },
      ),
    );
  }
  return findings;
}

/**
 * How the user gets through Security info's MFA, for the fixes of later
 * layers: with an MFA method, with the pass they hold, with a pass the help
 * desk could issue, not at all, or unknown (facts missing).
 */
export type BootstrapPath = 'mfa-method' | 'tap-in-hand' | 'tap-to-issue' | 'none' | 'unknown';

interface Bootstrap {
  standings: MethodStanding[];
  tap: TapStanding;
}

function bootstrapOf(ctx: LayerContext): Bootstrap | null {
  const { methods } = ctx.facts;
  if (!methods.ok || !ctx.policy.ok || !ctx.membership.ok) return null;
  const policy = ctx.policy.value;
  const membership = ctx.membership.value;
  const standings = methods.value.filter((m) => !isTapMethod(m)).map((m) => standingOf(m, policy, membership));
  const problem = isExternalGuest(ctx.user)
    ? 'a Temporary Access Pass cannot be added to an external guest user'
    : tapPolicyProblem(ctx, policy, membership);
  return { standings, tap: tapStanding(ctx, methods.value, policy, problem) };
}

export function bootstrapPath(ctx: LayerContext): BootstrapPath {
  const b = bootstrapOf(ctx);
  if (!b) return 'unknown';
  if (b.standings.some((s) => s.counts)) return 'mfa-method';
  if (b.tap.usable) return 'tap-in-hand';
  return b.tap.issuable.length ? 'tap-to-issue' : 'none';
}

export function evaluateMfaBootstrap(ctx: LayerContext): Finding[] {
  const name = personName(ctx.user);
  const { methods: methodsFact } = ctx.facts;
  const { policy: policyFact, membership: membershipFact } = ctx;
  const bootstrap = bootstrapOf(ctx);
  if (!methodsFact.ok || !policyFact.ok || !membershipFact.ok || !bootstrap) {
    return [
      ...(methodsFact.ok ? [] : [gapFinding(methodsFact.failure, `${name}'s registered methods`)]),
      ...(policyFact.ok ? [] : [gapFinding(policyFact.failure, 'the authentication methods policy')]),
      ...(membershipFact.ok ? [] : [gapFinding(membershipFact.failure, `${name}'s group membership for the method policies`)]),
    ];
  }
  const { standings, tap } = bootstrap;
  const counting = standings.filter((s) => s.counts);
  const findings = [
    ...methodFindings(ctx, standings, tap, policyFact.value.policyMigrationState),
    ...tapFindings(ctx, tap, counting.length > 0),
  ];
  if (counting.length === 0 && (tap.usable || tap.issuable.length)) findings.push(interruptModeFinding(ctx));
  const { registrationConditionalAccess, authenticationStrengths } = ctx.tenant;
  if (registrationConditionalAccess && authenticationStrengths) {
    // TAP goes separately: the gate may accept a pass the user has or one the help desk could issue.
    const usableKinds = [...new Set(counting.map((s) => s.method.kind))];
    findings.push(
      ...evaluateRegistrationCa(ctx, usableKinds, { inHand: tap.usable ? (tap.kind ?? 'unknownKind') : null, issuable: tap.issuable }),
    );
  }
  return findings;
}
