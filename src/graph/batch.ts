/**
 * JSON batching with per-request retries (docs/graph-facts.md §15–§16, docs/contracts.md §5).
 * Graph throttles and fails inner requests one by one and the SDK does not
 * retry them, so this does: a 429 waits for its own Retry-After, 5xx and
 * timeouts back off 0.5 s, 1 s, 2 s; then the response stands as it is.
 */
import { PasskeyDoctorError } from '../errors/catalog';
import type { InnerResponse } from './responseErrors';
import { DEFAULT_RETRY_POLICY, nextRetry, type RetryCounts, type RetryPolicy } from './retryPolicy';
import { TransportError, type GraphTransport, type GraphVersion, type UsageMeter } from './transport';

export interface BatchRequest {
  id: string;
  method: 'GET' | 'POST' | 'DELETE' | 'PATCH';
  /** Relative to the version root, no version segment. */
  url: string;
  body?: unknown;
  /** Per-request headers, e.g. `ConsistencyLevel: eventual` for advanced queries. */
  headers?: Record<string, string>;
}

export const MAX_BATCH_SIZE = 20;

/**
 * Admission for requests that share a quota (the reports scheduler): asked
 * before every send, retries included, and told when Graph throttled one of
 * them — then it, not this loop, decides when to send again.
 */
export interface BatchGate {
  /** Whether the gate meters this request; unmetered ones are sent and retried as usual. */
  meters(request: BatchRequest): boolean;
  admit(requests: BatchRequest[]): Promise<void>;
  throttled(retryAfterMs: number): void;
}

function toInner(request: BatchRequest) {
  const headers = { ...(request.body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...request.headers };
  return {
    id: request.id,
    method: request.method,
    url: request.url,
    ...(request.body !== undefined ? { body: request.body } : {}),
    ...(Object.keys(headers).length ? { headers } : {}),
  };
}

async function sendChunk(
  transport: GraphTransport,
  version: GraphVersion,
  chunk: BatchRequest[],
  meter: UsageMeter,
  gate?: BatchGate,
): Promise<InnerResponse[]> {
  if (gate) await gate.admit(chunk);
  let outer;
  try {
    outer = await transport.send('POST', version, '/$batch', meter, {
      body: { requests: chunk.map(toInner) },
      innerRequests: chunk.length,
    });
  } catch (error) {
    if (error instanceof TransportError) return chunk.map((r) => ({ id: r.id, status: 0, headers: {}, body: null }));
    throw error;
  }
  if (outer.status === 401) {
    throw new PasskeyDoctorError('GRAPH_UNAUTHORISED', 'tokenRejected', { host: transport.host }, { details: { host: transport.host } });
  }
  if (outer.status !== 200) {
    // The whole envelope failed (throttled, 5xx, or a bad batch): every request in it shares that answer.
    return chunk.map((r) => ({ id: r.id, status: outer.status, headers: outer.headers, body: outer.body }));
  }
  const responses = ((outer.body as { responses?: Array<Partial<InnerResponse>> })?.responses ?? []).map((r) => ({
    id: String(r.id),
    status: Number(r.status),
    headers: Object.fromEntries(Object.entries(r.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)])),
    body: r.body ?? null,
  }));
  const byId = new Map(responses.map((r) => [r.id, r]));
  // Responses come back in any order; a missing one is treated as a transient failure.
  return chunk.map((r) => byId.get(r.id) ?? { id: r.id, status: 0, headers: {}, body: null });
}

/**
 * Sends the requests (in envelopes of at most 20, in parallel) and returns
 * the final response of each by id. Throws only when Graph cannot be reached
 * at all or refuses the credentials.
 */
export async function executeBatch(
  transport: GraphTransport,
  version: GraphVersion,
  requests: BatchRequest[],
  meter: UsageMeter,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  gate?: BatchGate,
): Promise<Map<string, InnerResponse>> {
  const results = new Map<string, InnerResponse>();
  const counts = new Map<string, RetryCounts>();
  let pending = requests;
  while (pending.length) {
    const chunks: BatchRequest[][] = [];
    for (let i = 0; i < pending.length; i += MAX_BATCH_SIZE) chunks.push(pending.slice(i, i + MAX_BATCH_SIZE));
    const answers = (await Promise.all(chunks.map((c) => sendChunk(transport, version, c, meter, gate)))).flat();
    const byId = new Map(pending.map((r) => [r.id, r]));
    const retry: BatchRequest[] = [];
    let waitMs = 0;
    for (const answer of answers) {
      results.set(answer.id, answer);
      const request = byId.get(answer.id)!;
      const tries = counts.get(answer.id) ?? { throttled: 0, transient: 0 };
      const step = nextRetry(policy, answer, tries);
      if (!step) continue;
      counts.set(answer.id, { ...tries, [step.reason]: tries[step.reason] + 1 });
      retry.push(request);
      // A metered request waits in the gate, which holds every other reader of that quota too.
      if (step.reason === 'throttled' && gate?.meters(request)) gate.throttled(step.waitMs);
      else waitMs = Math.max(waitMs, step.waitMs);
    }
    if (retry.length) await policy.sleep(waitMs);
    pending = retry;
  }
  const everyAnswerLost = [...results.values()].every((r) => r.status === 0);
  if (requests.length && everyAnswerLost) {
    throw new PasskeyDoctorError('GRAPH_UNREACHABLE', 'host', { host: transport.host }, { details: { host: transport.host } });
  }
  return results;
}
