/**
 * Orders the layers, picks the root cause and the outcome, and lists the
 * actions that fit (docs/contracts.md §3). Pure: the time comes with the facts.
 */
import { authenticatorName } from '../catalog/authenticators';
import type { DiagnosisInput, LayerContext } from './context';
import { isExternalGuest } from './context';
import { resolveDevice } from './device';
import type { Fact, AuditEvent } from '../model/facts';
import { known, missing } from '../model/facts';
import { gapFinding, notEvaluated, said } from './finding';
import { codeOrder } from '../model/findingCodes';
import { GRAPH_PHRASES } from '../model/findingWords/graph';
import { intendedAuthenticator } from './intendedAuthenticator';
import { evaluateHardware } from './layers/hardware/hardware';
import { evaluateMfaBootstrap } from './layers/mfaBootstrap/mfaBootstrap';
import { evaluatePasskeyProfiles } from './layers/passkeyProfiles/passkeyProfiles';
import { evaluatePlatform } from './layers/platform/platform';
import { evaluatePolicyTargeting } from './layers/policyTargeting/policyTargeting';
import { evaluateProvider } from './layers/provider/provider';
import { evaluateRecentMfa } from './layers/recentMfa/recentMfa';
import { isEnabledFor, type Membership } from './scope';
import type {
  Finding,
  GraphUsage,
  LayerNumber,
  LayerResult,
  LayerStatus,
  NextStep,
  Outcome,
  Owner,
  RecentFailure,
  Severity,
  SuggestedAction,
  Verdict,
} from '../model/verdictTypes';

interface LayerSpec {
  layer: LayerNumber;
  title: string;
  owner: Owner;
  evaluate: (ctx: LayerContext) => Finding[];
}

export const LAYERS: readonly LayerSpec[] = [
  { layer: 1, title: 'Passkey policy targeting', owner: 'identity-team', evaluate: evaluatePolicyTargeting },
  { layer: 2, title: 'Passkey profiles & key restrictions', owner: 'identity-team', evaluate: evaluatePasskeyProfiles },
  { layer: 3, title: 'MFA bootstrap', owner: 'identity-team', evaluate: evaluateMfaBootstrap },
  { layer: 4, title: 'Recent MFA', owner: 'user-session', evaluate: evaluateRecentMfa },
  { layer: 5, title: 'Platform & browser', owner: 'endpoint', evaluate: evaluatePlatform },
  { layer: 6, title: 'Authenticator hardware', owner: 'endpoint', evaluate: evaluateHardware },
  { layer: 7, title: 'Passkey provider choice', owner: 'endpoint', evaluate: evaluateProvider },
];

const SEVERITY_RANK: Record<Severity, number> = { fail: 4, warn: 3, unknown: 2, 'needs-info': 1, info: 0 };
const STATUS_BY_RANK: LayerStatus[] = ['pass', 'needs-info', 'unknown', 'warn', 'fail'];

/** A layer's status is its worst finding; `info` findings do not change it. */
export function layerStatus(findings: Finding[]): LayerStatus {
  const worst = Math.max(0, ...findings.map((f) => SEVERITY_RANK[f.severity]));
  return STATUS_BY_RANK[worst];
}

export function outcomeOf(layers: LayerResult[]): Exclude<Outcome, 'user-not-found'> {
  const statuses = new Set(layers.map((l) => l.status));
  if (statuses.has('fail')) return 'blocked';
  if (statuses.has('warn')) return 'at-risk';
  if (statuses.has('unknown') || statuses.has('needs-info')) return 'incomplete';
  return 'ready';
}

function layerResult(spec: LayerSpec, findings: Finding[]): LayerResult {
  const ordered = [...findings].sort((a, b) => codeOrder(a.code) - codeOrder(b.code));
  return { layer: spec.layer, title: spec.title, status: layerStatus(ordered), owner: spec.owner, findings: ordered };
}

const valueOr = <T>(fact: Fact<T>, fallback: T): T => (fact.ok ? fact.value : fallback);

function membershipOf(input: DiagnosisInput, userId: string): Fact<Membership> {
  const { memberOfCheckedGroups, directGroupIds } = input.user;
  if (!memberOfCheckedGroups.ok) return missing(memberOfCheckedGroups.failure);
  return known({
    userId,
    groups: new Set(memberOfCheckedGroups.value),
    directGroups: directGroupIds.ok ? new Set(directGroupIds.value) : undefined,
  });
}

function recentFailures(audits: AuditEvent[]): RecentFailure[] {
  return audits
    .filter((e) => e.result === 'failure')
    .map((e) => ({
      time: e.activityDateTime,
      activity: e.activityDisplayName,
      reason: e.resultReason,
      aaGuid: e.aaGuid,
      authenticatorName: e.aaGuid ? authenticatorName(e.aaGuid) : null,
    }));
}

function suggestedActions(ctx: LayerContext, layers: LayerResult[], outcome: Outcome): SuggestedAction[] {
  const codes = new Set(layers.flatMap((l) => l.findings.map((f) => f.code)));
  const failing = (n: number) => layers[n - 1].status === 'fail';
  const firstFailing = layers.find((l) => l.status === 'fail');
  const rootCode = firstFailing?.findings.find((f) => f.severity === 'fail')?.code;
  const policy = ctx.policy.ok ? ctx.policy.value : null;
  const tapWorks = !!policy && ctx.membership.ok && isEnabledFor(policy.temporaryAccessPass, ctx.membership.value);
  const actions: SuggestedAction[] = [];
  // A TAP fixes layer 3 when every failure there is "no MFA method" or a registration CA policy only a TAP satisfies.
  const tapFixesLayer3 =
    firstFailing?.layer === 3 &&
    firstFailing.findings
      .filter((f) => f.severity === 'fail')
      .every(
        (f) =>
          f.code === 'L3.NO_MFA_METHOD' || (f.code === 'L3.REGISTRATION_CA_UNSATISFIABLE' && Array.isArray(f.evidence?.satisfiedByNewTap)),
      );
  // Internal guests can be given a pass; external guests cannot.
  if (rootCode?.startsWith('L3.') && tapFixesLayer3 && tapWorks && !isExternalGuest(ctx.user) && ctx.user.accountEnabled !== false)
    actions.push('issue-tap');
  if (codes.has('L4.MFA_STALE') && ![1, 2, 3].some(failing)) actions.push('reauthenticate');
  const registeredWrongProvider = layers[6].findings.some((f) => f.code === 'L7.WRONG_PROVIDER' && f.evidence?.registered === true);
  if (codes.has('L2.REGISTERED_PASSKEY_NOW_BLOCKED') || registeredWrongProvider || codes.has('L7.ORPHANED_LOCAL_PASSKEY'))
    actions.push('remove-passkey');
  // L2.NEEDS_AUTHENTICATOR asks for the same form as layers 5–7 (an extension of docs/contracts.md §3).
  if ([5, 6, 7].some((n) => layers[n - 1].status === 'needs-info') || codes.has('L2.NEEDS_AUTHENTICATOR'))
    actions.push('add-device-details');
  if (outcome === 'blocked' || outcome === 'at-risk') actions.push('escalate');
  actions.push('rerun');
  return actions;
}

/**
 * The fixes in the order a technician does them: the root cause first, then
 * the other blocking findings by layer, then warnings, checks that could not
 * run, missing details, and advice. Identical fixes are given once.
 */
function nextSteps(layers: LayerResult[], rootCause: Verdict['rootCause']): NextStep[] {
  const steps = layers.flatMap((l) =>
    l.findings
      .filter((f) => f.fix)
      .map((f) => ({ layer: l.layer, code: f.code, severity: f.severity, owner: l.owner, fix: f.fix as string })),
  );
  const isRoot = (s: NextStep) => !!rootCause && s.layer === rootCause.layer && s.code === rootCause.code;
  const ordered = steps
    .map((step, index) => ({ step, index }))
    .sort(
      (a, b) =>
        Number(isRoot(b.step)) - Number(isRoot(a.step)) ||
        SEVERITY_RANK[b.step.severity] - SEVERITY_RANK[a.step.severity] ||
        a.index - b.index,
    )
    .map(({ step }) => step);
  const seen = new Set<string>();
  return ordered.filter((s) => !seen.has(s.fix) && seen.add(s.fix));
}

function verdictShell(input: DiagnosisInput, usage: GraphUsage): Pick<Verdict, 'schemaVersion' | 'subject' | 'graph' | 'generatedAt'> {
  return { schemaVersion: 1, subject: input.user.subject, graph: usage, generatedAt: input.user.now };
}

/** A verdict for a user Graph could not find, or could not be asked about. */
function unresolvedUserVerdict(input: DiagnosisInput, usage: GraphUsage): Verdict {
  const userFact = input.user.user;
  const first = userFact.ok
    ? said('GRAPH.USER_NOT_FOUND', { subject: input.user.subject })
    : gapFinding(userFact.failure, GRAPH_PHRASES.userObject);
  const layers = LAYERS.map((spec) => layerResult(spec, spec.layer === 1 ? [first] : [notEvaluated(GRAPH_PHRASES.userUnreadable)]));
  const notFound = userFact.ok;
  return {
    ...verdictShell(input, usage),
    user: null,
    outcome: notFound ? 'user-not-found' : 'incomplete',
    rootCause: null,
    layers,
    recentFailures: [],
    suggestedActions: notFound ? [] : ['rerun'],
    device: null,
  };
}

/** What every layer reads, for a user Graph found. Shared with the tenant sweep, which judges layers 1–3 only. */
export function layerContext(input: DiagnosisInput, user: LayerContext['user']): LayerContext {
  const signIns = input.user.signIns.ok ? input.user.signIns.value : null;
  const audits = valueOr(input.user.audits, null as AuditEvent[] | null);
  const device = resolveDevice(input.device, signIns);
  return {
    tenant: input.tenant,
    facts: input.user,
    user,
    policy: input.tenant.authenticationMethodsPolicy,
    membership: membershipOf(input, user.id),
    device,
    intended: intendedAuthenticator(device, audits),
    settings: input.settings,
    nowMs: Date.parse(input.user.now),
  };
}

/** The first `count` layers judged (all seven by default), each with its status. */
export function evaluateLayers(ctx: LayerContext, count = LAYERS.length): LayerResult[] {
  return LAYERS.slice(0, count).map((spec) => layerResult(spec, spec.evaluate(ctx)));
}

/** The root cause rule (docs/contracts.md §3): the first failing layer's first failing finding. */
export function rootCauseOf(layers: LayerResult[]): Verdict['rootCause'] {
  const failingLayer = layers.find((l) => l.status === 'fail');
  const rootFinding = failingLayer?.findings.find((f) => f.severity === 'fail');
  return failingLayer && rootFinding ? { layer: failingLayer.layer, code: rootFinding.code, owner: failingLayer.owner } : null;
}

/** The whole diagnosis: facts in, verdict out. */
export function evaluate(input: DiagnosisInput, usage: GraphUsage): Verdict {
  const userFact = input.user.user;
  if (!userFact.ok || userFact.value === null) return unresolvedUserVerdict(input, usage);
  const user = userFact.value;
  const ctx = layerContext(input, user);
  const { device } = ctx;
  const audits = valueOr(input.user.audits, null as AuditEvent[] | null);
  const layers = evaluateLayers(ctx);
  const outcome = outcomeOf(layers);
  const rootCause = rootCauseOf(layers);
  return {
    ...verdictShell(input, usage),
    user: {
      id: user.id,
      userPrincipalName: user.userPrincipalName,
      displayName: user.displayName,
      userType: user.userType,
      accountEnabled: user.accountEnabled,
    },
    outcome,
    rootCause,
    layers,
    recentFailures: recentFailures(audits ?? []),
    suggestedActions: suggestedActions(ctx, layers, outcome),
    nextSteps: nextSteps(layers, rootCause),
    device: {
      os: device.os,
      osVersion: device.osVersion,
      browser: device.browser,
      path: device.path,
      authenticator: device.authenticator,
      source: device.source,
    },
  };
}
