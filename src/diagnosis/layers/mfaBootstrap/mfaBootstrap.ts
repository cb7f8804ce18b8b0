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
import { gapFinding, said } from '../../finding';
import type { TapMethod } from '../../../model/facts';
import { isTapMethod, methodLabel } from '../../methods';
import { evaluateRegistrationCa } from './registrationCa';
import { evaluateScope, isEnabledFor, type Membership } from '../../scope';
import { targetLabel } from '../../targetNames';
import type { Finding } from '../../../model/verdictTypes';
import { listOf, utcText } from '../../wording';
import { fillIn } from '../../../model/words';
import { MFA_BOOTSTRAP_GAPS, TAP_POLICY_PROBLEMS, TAP_UNUSABLE_WHY, TAP_USABLE_CLAUSES } from '../../../model/findingWords/mfaBootstrap';

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
  if (!config || config.state !== 'enabled') return TAP_POLICY_PROBLEMS.methodOff;
  const scope = evaluateScope(config, membership);
  const name = personName(ctx.user);
  if (scope.matchedExcludes.length) {
    return fillIn(TAP_POLICY_PROBLEMS.excluded, { name, exclusions: listOf(scope.matchedExcludes.map((t) => targetLabel(ctx, t))) });
  }
  if (!scope.inScope) {
    const includes = config.includeTargets.map((t) => targetLabel(ctx, t));
    return fillIn(includes.length ? TAP_POLICY_PROBLEMS.notTargeted : TAP_POLICY_PROBLEMS.noTargets, { name, includes: listOf(includes) });
  }
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

function whyTapUnusable(tap: TapStanding, name: string): string {
  const at = (ms: number | null) => (ms !== null ? { time: utcText(ms) } : null);
  switch (tap.reason) {
    case 'Expired': {
      const end = at(tap.validUntilMs);
      return end ? fillIn(TAP_UNUSABLE_WHY.expiredAt, end) : TAP_UNUSABLE_WHY.expired;
    }
    case 'NotYetValid': {
      const start = at(tap.validFromMs);
      return start ? fillIn(TAP_UNUSABLE_WHY.notYetValidAt, start) : TAP_UNUSABLE_WHY.notYetValid;
    }
    case 'OneTimeUsed':
      return TAP_UNUSABLE_WHY.oneTimeUsed;
    case 'DisabledByPolicy':
      return fillIn(TAP_UNUSABLE_WHY.disabledByPolicy, { name });
    case MULTI_USE_WHILE_ONE_TIME_REQUIRED:
      return TAP_UNUSABLE_WHY.multiUseWhileOneTimeRequired;
    default:
      return tap.reason ? fillIn(TAP_UNUSABLE_WHY.graph, { reason: tap.reason }) : TAP_UNUSABLE_WHY.graphNoReason;
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
  return said(
    'L3.TAP_INTERRUPT_MODE',
    { name: personName(ctx.user), quote: INTERRUPT_QUOTE },
    { evidence: { quote: INTERRUPT_QUOTE, policies: ['SSPR registration policy', 'ID Protection MFA registration policy'] } },
  );
}

function tapFindings(ctx: LayerContext, tap: TapStanding, hasMfaMethod: boolean): Finding[] {
  const name = personName(ctx.user);
  const findings: Finding[] = [];
  const minutes = ctx.settings.mfaFreshnessMinutes;
  if (tap.method && tap.usable) {
    const until = tap.validUntilMs !== null ? fillIn(TAP_USABLE_CLAUSES.until, { time: utcText(tap.validUntilMs) }) : '';
    const oneTime = tap.method.isUsableOnce ? TAP_USABLE_CLAUSES.oneTime : '';
    findings.push(said('L3.TAP_USABLE', { name, until, oneTime }, { evidence: tapEvidence(tap) }));
  } else if (tap.method) {
    findings.push(
      said(
        'L3.TAP_NOT_USABLE',
        { name, why: whyTapUnusable(tap, name), minutes, tapPolicyProblem: tap.policyProblem ?? '' },
        { variant: tap.policyProblem ? 'tapPolicy' : 'default', evidence: tapEvidence(tap) },
      ),
    );
  }
  // Only worth saying when the TAP is, or would be, the user's way in.
  // For an external guest no policy change helps: a pass cannot be added to them at all (said by L3.NO_MFA_METHOD).
  if (tap.policyProblem && !isExternalGuest(ctx.user) && (!hasMfaMethod || tap.method)) {
    findings.push(
      said('L3.TAP_POLICY_BLOCKS', { name, tapPolicyProblem: tap.policyProblem }, { evidence: { problem: tap.policyProblem } }),
    );
  }
  return findings;
}

function methodFindings(ctx: LayerContext, standings: MethodStanding[], tap: TapStanding, migrationState: string): Finding[] {
  const name = personName(ctx.user);
  const counting = standings.filter((s) => s.counts);
  const minutes = ctx.settings.mfaFreshnessMinutes;
  const findings: Finding[] = [
    said(
      'L3.MFA_METHODS',
      { name, methods: listOf(counting.map((s) => methodLabel(s.method))) },
      {
        variant: counting.length ? 'default' : 'none',
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
    findings.push(said('L3.LEGACY_MFA_SETTINGS', { name, migrationState }, { evidence: { policyMigrationState: migrationState } }));
  }
  if (counting.length === 0 && !tap.usable) {
    // One freshness window everywhere: the passkey page's 5 minutes is stricter than the TAP page's 10 (rule-sources.json, MFA_FRESHNESS).
    findings.push(
      said(
        'L3.NO_MFA_METHOD',
        { name, minutes, tapPolicyProblem: tap.policyProblem ?? '' },
        {
          variant: isExternalGuest(ctx.user) ? 'externalGuest' : tap.policyProblem ? 'tapPolicy' : 'default',
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
  const problem = isExternalGuest(ctx.user) ? TAP_POLICY_PROBLEMS.externalGuest : tapPolicyProblem(ctx, policy, membership);
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
      ...(methodsFact.ok ? [] : [gapFinding(methodsFact.failure, fillIn(MFA_BOOTSTRAP_GAPS.methods, { name }))]),
      ...(policyFact.ok ? [] : [gapFinding(policyFact.failure, MFA_BOOTSTRAP_GAPS.methodsPolicy)]),
      ...(membershipFact.ok ? [] : [gapFinding(membershipFact.failure, fillIn(MFA_BOOTSTRAP_GAPS.membership, { name }))]),
    ];
  }
  const { standings, tap } = bootstrap;
  const counting = standings.filter((s) => s.counts);
  const findings = [
    ...methodFindings(ctx, standings, tap, policyFact.value.policyMigrationState),
    ...tapFindings(ctx, tap, counting.length > 0),
  ];
  if (counting.length === 0 && (tap.usable || tap.issuable.length)) findings.push(interruptModeFinding(ctx));
  // Strengths that could not be read are the CA check's own `unknown` reading, so only the policies decide whether it runs.
  if (ctx.tenant.registrationConditionalAccess) {
    // TAP goes separately: the gate may accept a pass the user has or one the help desk could issue.
    const usableKinds = [...new Set(counting.map((s) => s.method.kind))];
    findings.push(
      ...evaluateRegistrationCa(ctx, usableKinds, { inHand: tap.usable ? (tap.kind ?? 'unknownKind') : null, issuable: tap.issuable }),
    );
  }
  return findings;
}
