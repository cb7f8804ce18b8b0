/**
 * What Passkey Doctor reports about itself: spans and metrics for turns,
 * diagnoses, Graph calls and workflow transitions, through the OpenTelemetry
 * API. Without a registered SDK (no APPLICATIONINSIGHTS_CONNECTION_STRING)
 * every call here is a no-op.
 *
 * No attribute holds a UPN, a token or a pass: people appear only as
 * `hashUser(id)`, Graph paths with every id or UPN segment replaced and the
 * query dropped.
 */
import { createHash } from 'node:crypto';
import { metrics, SpanStatusCode, trace, type Attributes, type Counter, type Histogram, type Span } from '@opentelemetry/api';

const SCOPE = 'passkey-doctor';

/** A stable, non-reversible id for a person in telemetry (their Entra object id hashed). */
export const hashUser = (id: string): string => (id ? createHash('sha256').update(`passkey-doctor:${id.toLowerCase()}`).digest('hex').slice(0, 16) : 'anonymous');

/** `/users/alice@contoso.com/authentication/methods?$top=5` → `/users/{id}/authentication/methods`. */
export function graphRoute(path: string): string {
  const [bare] = path.split('?');
  return bare
    .split('/')
    .map((segment) => (/@|%40|^[0-9a-f]{8}-[0-9a-f]{4}-|^tap-|\d{4,}|=/i.test(segment) ? '{id}' : segment))
    .join('/');
}

interface Instruments {
  turns: Counter;
  turnMs: Histogram;
  diagnoses: Counter;
  graphCalls: Counter;
  graphMs: Histogram;
  graphThrottled: Counter;
  transitions: Counter;
  reportsWaitMs: Histogram;
}

let instruments: Instruments | undefined;

/** Created on first use, after start-up registered (or did not register) a meter provider. */
function get(): Instruments {
  if (instruments) return instruments;
  const meter = metrics.getMeter(SCOPE);
  instruments = {
    turns: meter.createCounter('passkey_doctor.turns', { description: 'Bot turns (commands and card clicks) by outcome' }),
    turnMs: meter.createHistogram('passkey_doctor.turn.duration', { unit: 'ms', description: 'Time from activity in to answer' }),
    diagnoses: meter.createCounter('passkey_doctor.diagnoses', { description: 'Diagnoses by verdict outcome' }),
    graphCalls: meter.createCounter('passkey_doctor.graph.round_trips', { description: 'HTTP round trips to Microsoft Graph by status' }),
    graphMs: meter.createHistogram('passkey_doctor.graph.duration', { unit: 'ms', description: 'Graph round-trip time' }),
    graphThrottled: meter.createCounter('passkey_doctor.graph.throttled', { description: 'Graph answers 429 (the retry waits follow)' }),
    transitions: meter.createCounter('passkey_doctor.workflow.transitions', { description: 'Approval-workflow and escalation steps as audited' }),
    reportsWaitMs: meter.createHistogram('passkey_doctor.graph.reports.wait', {
      unit: 'ms',
      description: 'Time a reports read (auditLogs, reports) waited in the reports scheduler for the quota',
    }),
  };
  return instruments;
}

/** Forget instruments made before the meter provider was registered. */
export const resetInstruments = (): void => {
  instruments = undefined;
};

const tracer = () => trace.getTracer(SCOPE);

/** Runs `work` in a span; an exception marks the span failed and propagates. */
export async function inSpan<T>(name: string, attributes: Attributes, work: (span: Span) => Promise<T>): Promise<T> {
  return tracer().startActiveSpan(name, { attributes }, async (span) => {
    try {
      return await work(span);
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : 'error' });
      throw error;
    } finally {
      span.end();
    }
  });
}

export function recordTurn(kind: 'command' | 'click', name: string, outcome: 'ok' | 'refused' | 'failed', ms: number): void {
  const attributes = { 'turn.kind': kind, 'turn.name': name, 'turn.outcome': outcome };
  get().turns.add(1, attributes);
  get().turnMs.record(ms, attributes);
}

export function recordDiagnosis(outcome: string, roundTrips: number): void {
  get().diagnoses.add(1, { 'verdict.outcome': outcome, 'graph.round_trips': roundTrips });
}

export function recordGraphCall(method: string, route: string, status: number, ms: number): void {
  const attributes = { 'http.request.method': method, 'graph.route': route, 'http.response.status_code': status };
  get().graphCalls.add(1, attributes);
  get().graphMs.record(ms, attributes);
  if (status === 429) get().graphThrottled.add(1, { 'graph.route': route });
}

export function recordTransition(action: string): void {
  get().transitions.add(1, { 'workflow.action': action });
}

export function recordReportsWait(priority: string, slots: number, ms: number): void {
  get().reportsWaitMs.record(ms, { 'reports.priority': priority, 'reports.slots': slots });
}
