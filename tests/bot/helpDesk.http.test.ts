/**
 * A help desk at work, over HTTP (the real TeamsAdapter, a fake Bot Connector)
 * against the sandbox tenant enforcing Graph's reports quota (5 per 10 s):
 * Teams gets its HTTP answer at once, the cards follow through the connector.
 */
import type { Verdict } from '../../src/model/verdictTypes';
import { setLogSink } from '../../src/logger';
import { SANDBOX_GROUPS, startSandbox, type SandboxServer } from '../../src/sandbox';
import { httpBot, type Captured, type HttpBot } from './httpHarness';
import { recordVerdicts } from '../../src/bench/recordVerdicts';

const USERS = ['carol', 'alice', 'bob', 'dave', 'erin', 'grace', "o'neil", 'hannah', 'jamal', 'kenji'].map((u) => `${u}@contoso.com`);
const isVerdictCard = (c: Captured) => JSON.stringify(c.body.attachments?.[0]?.content ?? {}).includes('verdict.rerun');
const reportsRequests = (sandbox: SandboxServer) => sandbox.requestLog.filter((r) => /^\/(auditLogs|reports)\//.test(r.path));

async function until(done: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Layer 4 read its logs: no Graph gap in it. */
const layer4Judged = (v: Verdict) => v.layers[3].status !== 'unknown' && !v.layers[3].findings.some((f) => f.code.startsWith('GRAPH.'));
/** Never "ready" with a layer that could not be read. */
const honest = (v: Verdict) => v.outcome !== 'ready' || v.layers.every((l) => l.status !== 'unknown');

describe('a help desk over HTTP on the quota-enforcing sandbox', () => {
  let restoreLogs: ReturnType<typeof setLogSink>;
  const opened: HttpBot[] = [];
  let sandbox: SandboxServer | undefined;
  beforeAll(() => {
    restoreLogs = setLogSink(() => undefined);
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((h) => h.close()));
    await sandbox?.close();
    sandbox = undefined;
  });
  afterAll(() => setLogSink(restoreLogs));

  it('20 concurrent diagnoses: every card arrives, layer 4 judged on each, reports requests within the quota', async () => {
    const h = await httpBot({ SANDBOX_LATENCY_MS: '50' });
    opened.push(h);
    const verdicts = recordVerdicts(h.bot);
    const responses = await Promise.all(Array.from({ length: 20 }, (_, i) => h.post(h.activity({ type: 'message', text: `diagnose ${USERS[i % USERS.length]}` }))));

    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(200));
    await until(() => h.connector.captured.filter(isVerdictCard).length >= 20, 20_000, '20 verdict cards');
    expect(h.connector.captured.filter(isVerdictCard)).toHaveLength(20);
    expect(verdicts).toHaveLength(20);
    expect(verdicts.filter((v) => !layer4Judged(v)).map((v) => v.subject)).toEqual([]);
    const reports = reportsRequests(h.bot.runtime.sandbox!);
    expect(reports.length).toBeLessThanOrEqual(5);
    expect(reports.filter((r) => r.status === 429)).toEqual([]);
  });

  it('diagnoses a message Teams delivers twice (same activity id) once', async () => {
    const h = await httpBot();
    opened.push(h);
    const verdicts = recordVerdicts(h.bot);
    const message = h.activity({ type: 'message', text: 'diagnose dave@contoso.com', id: 'teams-retried-this-one' });
    const [first, again] = await Promise.all([h.post(message), h.post(message)]);
    await h.replies(0);
    const third = await h.post(message);
    await new Promise((resolve) => setTimeout(resolve, 300));

    expect([first.status, again.status, third.status]).toEqual([200, 200, 200]);
    expect(verdicts).toHaveLength(1);
    expect(h.connector.captured.filter(isVerdictCard)).toHaveLength(1);
  });

  it('answers Teams before the card; a slow diagnosis says what it waits for, then that same message becomes the verdict', async () => {
    const h = await httpBot({ SANDBOX_LATENCY_MS: '700' });
    opened.push(h);
    const response = await h.post(h.activity({ type: 'message', text: 'diagnose alice@contoso.com' }));
    const answeredAt = Date.now();

    expect(response.status).toBe(200);
    expect(h.connector.captured.filter((c) => c.body.type === 'message')).toEqual([]);
    const [checking, verdict] = await h.replies(0, 2);
    expect(checking.at).toBeGreaterThanOrEqual(answeredAt);
    expect(checking.method).toBe('POST');
    expect(JSON.stringify(checking.body.attachments[0].content)).toContain('Checking alice@contoso.com');
    expect(JSON.stringify(checking.body.attachments[0].content)).toContain('Waiting for Microsoft Graph');
    expect(verdict).toMatchObject({ method: 'PUT', activityId: checking.assignedId });
    expect(isVerdictCard(verdict)).toBe(true);
  });

  it('says "Graph\'s reports limit" on the checking card while the quota holds the logs back', async () => {
    const h = await httpBot({ SANDBOX_LATENCY_MS: '20' });
    opened.push(h);
    // Someone else's reads took the whole quota a moment ago.
    expect(h.bot.runtime.gateway.reports.tryAcquire(5)).toBe(true);
    h.bot.runtime.gateway.reports.throttled(0);
    const from = h.connector.captured.length;
    await h.post(h.activity({ type: 'message', text: 'diagnose carol@contoso.com' }));
    const [checking, verdict] = await h.replies(from, 2, 20_000);
    expect(JSON.stringify(checking.body.attachments[0].content)).toMatch(/the sign-in logs: Graph's reports limit \(5 requests per 10 s\), about \d+ s/);
    expect(verdict.method).toBe('PUT');
  }, 30_000);

  it('two bot processes on one sandbox: every card arrives and none says ready with a layer it could not read', async () => {
    sandbox = await startSandbox({ faults: { latencyMs: 30 } });
    const env = { GRAPH_BASE_URL: sandbox.url, OPERATORS_GROUP_ID: SANDBOX_GROUPS.operators };
    const bots = [await httpBot(env), await httpBot(env)];
    opened.push(...bots);
    const verdicts = bots.map((b) => recordVerdicts(b.bot));
    await Promise.all(
      bots.flatMap((b) => Array.from({ length: 8 }, (_, i) => b.post(b.activity({ type: 'message', text: `diagnose ${USERS[i]}` })))),
    );
    await until(() => bots.every((b) => b.connector.captured.filter(isVerdictCard).length >= 8), 45_000, 'every verdict card of both bots');

    const all = verdicts.flat();
    expect(all).toHaveLength(16);
    expect(all.filter((v) => !honest(v)).map((v) => v.subject)).toEqual([]);
  }, 60_000);
});
