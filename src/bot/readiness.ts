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

const REUSE_MS = 30_000;
const PROBE_KEY = 'passkey-doctor/readiness-probe';

type Check = { ok: true } | { ok: false; reason: string };

async function graphReady(transport: GraphTransport): Promise<Check> {
  try {
    const response = await transport.send('GET', 'v1.0', '/policies/authenticationMethodsPolicy?$select=id', new UsageMeter());
    return response.status === 200 ? { ok: true } : { ok: false, reason: `Microsoft Graph answered ${response.status}` };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : 'Microsoft Graph could not be reached' };
  }
}

async function storeReady(storage: Storage): Promise<Check> {
  try {
    const at = new Date().toISOString();
    await storage.write({ [PROBE_KEY]: { at, eTag: '*' } });
    const back = (await storage.read([PROBE_KEY]))[PROBE_KEY] as { at?: string } | undefined;
    return back?.at === at ? { ok: true } : { ok: false, reason: 'the state store did not give back what was written' };
  } catch (error) {
    return { ok: false, reason: `the state store failed: ${error instanceof Error ? error.message : 'unknown error'}` };
  }
}

export function readinessHandler(transport: GraphTransport, storage: Storage, now: () => number = Date.now): RequestHandler {
  let last: { at: number; body: { status: 'ready' | 'not-ready'; graph: Check; store: Check } } | undefined;
  let pending: Promise<NonNullable<typeof last>> | undefined;
  const check = async () => {
    const [graph, store] = await Promise.all([graphReady(transport), storeReady(storage)]);
    const body = { status: graph.ok && store.ok ? ('ready' as const) : ('not-ready' as const), graph, store };
    if (body.status !== 'ready') logger.warn('not ready', { graph, store });
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
