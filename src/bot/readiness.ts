/**
 * `GET /readyz`: can this instance do its work? Microsoft Graph answers with
 * the bot's token (one small read the bot's permissions cover), and the state
 * store takes a write and gives it back. `/healthz` stays a constant answer
 * for App Service's liveness probe; this one costs a Graph call, so an answer
 * is reused for a while rather than asked of Graph at every probe.
 */
import type { Storage } from 'botbuilder';
import type { RequestHandler } from 'express';
import { GraphTransport, UsageMeter } from '../graph/transport';
import { logger } from '../logger';
import type { Result } from '../model/result';

const REUSE_MS = 30_000;
const PROBE_KEY = 'passkey-doctor/readiness-probe';

/** A check passed, or the reason it did not. */
type Check = Result<void, string>;

/** How `/readyz` says a check (its body is read by probes and people: `{ ok, reason? }`). */
type CheckAnswer = { ok: true } | { ok: false; reason: string };

const PASSED: Check = { ok: true, value: undefined };
const failed = (reason: string): Check => ({ ok: false, failure: reason });
const answerOf = (check: Check): CheckAnswer => (check.ok ? { ok: true } : { ok: false, reason: check.failure });

async function graphReady(transport: GraphTransport): Promise<Check> {
  try {
    const response = await transport.send('GET', 'v1.0', '/policies/authenticationMethodsPolicy?$select=id', new UsageMeter());
    return response.status === 200 ? PASSED : failed(`Microsoft Graph answered ${response.status}`);
  } catch (error) {
    return failed(error instanceof Error ? error.message : 'Microsoft Graph could not be reached');
  }
}

async function storeReady(storage: Storage): Promise<Check> {
  try {
    const at = new Date().toISOString();
    await storage.write({ [PROBE_KEY]: { at, eTag: '*' } });
    const back = (await storage.read([PROBE_KEY]))[PROBE_KEY] as { at?: string } | undefined;
    return back?.at === at ? PASSED : failed('the state store did not give back what was written');
  } catch (error) {
    return failed(`the state store failed: ${error instanceof Error ? error.message : 'unknown error'}`);
  }
}

export function readinessHandler(transport: GraphTransport, storage: Storage, now: () => number = Date.now): RequestHandler {
  let last: { at: number; body: { status: 'ready' | 'not-ready'; graph: CheckAnswer; store: CheckAnswer } } | undefined;
  let pending: Promise<NonNullable<typeof last>> | undefined;
  const check = async () => {
    const [graph, store] = await Promise.all([graphReady(transport), storeReady(storage)]);
    const body = { status: graph.ok && store.ok ? ('ready' as const) : ('not-ready' as const), graph: answerOf(graph), store: answerOf(store) };
    if (body.status !== 'ready') logger.warn('not ready', { graph: body.graph, store: body.store });
    return { at: now(), body };
  };
  return async (_req, res) => {
    if (!last || now() - last.at > REUSE_MS) {
      pending ??= check().finally(() => (pending = undefined));
      last = await pending;
    }
    res.status(last.body.status === 'ready' ? 200 : 503).json(last.body);
  };
}
