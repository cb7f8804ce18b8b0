/**
 * One help-desk burst, in a process of its own (so its peak RSS is its own):
 * `node dist/bench/burst.js N` sends N `diagnose` messages at once through
 * the real HTTP adapter to a bot on the sandbox tenant (100 ms per Graph
 * round trip, Graph's reports quota enforced), with a fake Bot Connector
 * catching what the bot posts, and prints one JSON line: cards, layer 4
 * judged, reports requests, 429s, card p50/p95, HTTP answer p95, peak RSS.
 *
 * It uses only what the bot had before the reports scheduler (startBot, the
 * sandbox) and the bench files beside it, so the same file measures the old
 * request plan when copied with them into the pre-change commit
 * (scripts/bench-old-plan.sh copies them and points their imports there).
 */
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { startBot } from '../bot/startup';
import { setLogSink } from '../logger';
import { SANDBOX_GROUPS, SANDBOX_USERS, startSandbox } from '../sandbox';
import { BENCH_OPERATOR } from './benchPeople';
import { percentile } from './figures';
import { recordVerdicts } from './recordVerdicts';

const LATENCY_MS = 100;
const CARD_TIMEOUT_MS = 180_000;

export interface BurstResult {
  n: number;
  cards: number;
  layer4Judged: number;
  reportsRequests: number;
  throttled: number;
  cardP50Ms: number;
  cardP95Ms: number;
  httpP95Ms: number;
  peakRssMb: number;
}

/** Members the bot can diagnose; the guest is left out, since layer 4 is never judged for guests. */
const SUBJECTS = Object.values(SANDBOX_USERS)
  .filter((u) => u !== SANDBOX_USERS.guest)
  .map((u) => u.userPrincipalName);

export async function burst(n: number): Promise<BurstResult> {
  setLogSink(() => undefined);
  const sandbox = await startSandbox({ faults: { latencyMs: LATENCY_MS } });
  const stateDir = mkdtempSync(join(tmpdir(), 'passkey-doctor-burst-'));
  // When each incoming activity's verdict card reached the connector, by incoming id (a "checking…" message maps to its id).
  const cardAt = new Map<string, number>();
  const placeholderOf = new Map<string, string>();
  let next = 1;
  const connector = express();
  connector.use(express.json({ limit: '5mb' }));
  const isVerdict = (body: { attachments?: Array<{ content?: unknown }> }) => JSON.stringify(body.attachments?.[0]?.content ?? {}).includes('verdict.rerun');
  connector.post('/v3/conversations/:conversation/activities{/:id}', (req, res) => {
    const id = `bot-${next++}`;
    const replyTo = String(req.body.replyToId ?? req.params.id ?? '');
    if (req.body.type === 'message') {
      if (isVerdict(req.body)) cardAt.set(replyTo, performance.now());
      else placeholderOf.set(id, replyTo);
    }
    res.json({ id });
  });
  connector.put('/v3/conversations/:conversation/activities/:id', (req, res) => {
    const replyTo = placeholderOf.get(req.params.id);
    if (replyTo && isVerdict(req.body)) cardAt.set(replyTo, performance.now());
    res.json({ id: req.params.id });
  });
  const connectorServer = connector.listen(0, '127.0.0.1');
  await once(connectorServer, 'listening');
  const serviceUrl = `http://127.0.0.1:${(connectorServer.address() as AddressInfo).port}`;

  const bot = await startBot({
    env: { GRAPH_BASE_URL: sandbox.url, OPERATORS_GROUP_ID: SANDBOX_GROUPS.operators, STATE_STORE: `file:${stateDir}`, PLAYGROUND: 'false' },
    port: 0,
  });
  const verdicts = recordVerdicts(bot);
  const operator = BENCH_OPERATOR;
  try {
    const started = performance.now();
    const ids = Array.from({ length: n }, (_, i) => `burst-${i}`);
    const answered = await Promise.all(
      ids.map(async (id, i) => {
        const response = await fetch(`${bot.url}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            type: 'message',
            id,
            channelId: 'msteams',
            serviceUrl,
            from: operator,
            recipient: { id: '28:passkey-doctor', name: 'Passkey Doctor' },
            conversation: { id: `a:technician-${i}` },
            text: `diagnose ${SUBJECTS[i % SUBJECTS.length]}`,
          }),
        });
        await response.arrayBuffer();
        return performance.now() - started;
      }),
    );
    const deadline = Date.now() + CARD_TIMEOUT_MS;
    while (cardAt.size < n && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    const cardMs = [...cardAt.values()].map((at) => at - started);
    const reports = sandbox.requestLog.filter((r) => /^\/(auditLogs|reports)\//.test(r.path));
    return {
      n,
      cards: cardAt.size,
      layer4Judged: verdicts.filter((v) => v.layers[3].status !== 'unknown' && !v.layers[3].findings.some((f) => f.code.startsWith('GRAPH.'))).length,
      reportsRequests: reports.length,
      throttled: reports.filter((r) => r.status === 429).length,
      cardP50Ms: Math.round(percentile(cardMs, 50)),
      cardP95Ms: Math.round(percentile(cardMs, 95)),
      httpP95Ms: Math.round(percentile(answered, 95)),
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    };
  } finally {
    await bot.close();
    connectorServer.close();
    connectorServer.closeAllConnections();
    await sandbox.close();
    rmSync(stateDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  burst(Number(process.argv[2] ?? 10))
    .then((result) => {
      process.stdout.write(JSON.stringify(result) + '\n');
      process.exit(0);
    })
    .catch((error: unknown) => {
      process.stderr.write(`burst failed: ${(error as Error).message}\n`);
      process.exit(1);
    });
}
