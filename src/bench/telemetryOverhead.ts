/**
 * What telemetry costs a turn: warm `diagnose` turns through the bot's HTTP
 * front (the real TeamsAdapter, a fake Bot Connector on loopback) without an
 * exporter, then with the Azure Monitor distro exporting to a fake ingestion
 * endpoint on loopback. Graph is the sandbox without injected latency, so
 * the difference is the instrumentation and export work itself.
 */
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { startBot } from '../bot/startup';
import { setLogSink } from '../logger';
import { startLoopbackIngestion } from '../telemetry/loopbackIngestion';
import { startTelemetry } from '../telemetry/start';
import { BENCH_OPERATOR, BENCH_USERS } from './benchPeople';
import { percentile } from './figures';

const TURNS = 200;
const WARMUP = 20;

export interface OverheadFigures {
  turns: number;
  withoutMs: { median: number; p95: number };
  withMs: { median: number; p95: number };
  exportedBatches: number;
  leakedUpn: boolean;
}

const round = (x: number) => Math.round(x * 100) / 100;

async function turnTimes(): Promise<number[]> {
  const connector = express();
  connector.use(express.json({ limit: '5mb' }));
  connector.post('/v3/conversations/:conversation/activities{/:id}', (_req, res) => {
    res.json({ id: 'posted' });
  });
  const connectorServer = connector.listen(0, '127.0.0.1');
  await once(connectorServer, 'listening');
  const serviceUrl = `http://127.0.0.1:${(connectorServer.address() as AddressInfo).port}`;
  const stateDir = mkdtempSync(join(tmpdir(), 'passkey-doctor-telemetry-'));
  const bot = await startBot({ env: { STATE_STORE: `file:${stateDir}` }, port: 0 });
  const operator = BENCH_OPERATOR;
  const users = BENCH_USERS;
  const times: number[] = [];
  try {
    for (let i = 0; i < WARMUP + TURNS; i += 1) {
      const activity = {
        type: 'message',
        channelId: 'msteams',
        serviceUrl,
        from: operator,
        recipient: { id: '28:passkey-doctor', name: 'Passkey Doctor' },
        conversation: { id: 'a:personal-chat' },
        id: `incoming-${i}`,
        text: `diagnose ${users[i % users.length].userPrincipalName}`,
      };
      bot.runtime.sandbox?.clearLog();
      const started = performance.now();
      const answer = await fetch(`${bot.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
      });
      await answer.arrayBuffer();
      if (i >= WARMUP) times.push(performance.now() - started);
    }
  } finally {
    await bot.close();
    connectorServer.close();
    rmSync(stateDir, { recursive: true, force: true });
  }
  return times;
}

export async function benchTelemetryOverhead(): Promise<OverheadFigures> {
  const restoreLogs = setLogSink(() => undefined);
  try {
    // A first pass warms the JIT and the sandbox, so the exporter's pass is not flattered by running second.
    await turnTimes();
    const without = await turnTimes();
    const ingestion = await startLoopbackIngestion();
    const telemetry = await startTelemetry(
      { APPLICATIONINSIGHTS_CONNECTION_STRING: ingestion.connectionString },
      { httpClient: ingestion.httpClient },
    );
    const withExporter = await turnTimes();
    await telemetry.shutdown();
    await ingestion.close();
    const exported = ingestion.received.join('\n');
    return {
      turns: TURNS,
      withoutMs: { median: round(percentile(without, 50)), p95: round(percentile(without, 95)) },
      withMs: { median: round(percentile(withExporter, 50)), p95: round(percentile(withExporter, 95)) },
      exportedBatches: ingestion.received.length,
      leakedUpn: /@contoso\.com/i.test(exported),
    };
  } finally {
    setLogSink(restoreLogs);
  }
}
