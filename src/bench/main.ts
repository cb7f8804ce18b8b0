/**
 * `npm run bench`: every sandbox user diagnosed with 100 ms of injected
 * latency per Graph round trip — cold (tenant snapshot fetched) and warm
 * (snapshot cached) — next to the sequential one-call-at-a-time check.
 */
import { loadConfig } from '../config/schema';
import { parseDiagnoseRequest } from '../input/request';
import { DiagnosisService } from '../diagnosis/service';
import { createGraphClient } from '../graph/client';
import { GraphGateway } from '../graph/gateway';
import { loadFixture, startSandbox } from '../sandbox';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { benchBotReply } from './botReply';
import { median, pad } from './figures';
import { benchMemory } from './memory';
import { benchRetention } from './retention';
import { benchReport } from './report';
import { benchTelemetryOverhead } from './telemetryOverhead';
import type { BurstResult } from './burst';
import oldPlan from './burstOldPlan.json';
import { sequentialCheck } from './sequentialCheck';
import { benchSweep } from './sweep';

const LATENCY_MS = 100;

interface Row {
  upn: string;
  outcome: string;
  cold: { requests: number; roundTrips: number; ms: number };
  warm: { requests: number; roundTrips: number; ms: number };
  sequential: { requests: number; roundTrips: number; ms: number };
}

const cell = (u: Row['cold']) => `${u.requests}/${u.roundTrips}/${u.ms}`;

async function main(): Promise<void> {
  // Round trips per diagnosis, one fresh gateway per user: the reports quota is the burst's subject, below.
  const sandbox = await startSandbox({ faults: { latencyMs: LATENCY_MS, reportsQuota: 'off' } });
  const config = loadConfig({ GRAPH_BASE_URL: sandbox.url });
  const host = new URL(sandbox.url).host;
  const newGateway = () =>
    new GraphGateway(createGraphClient(config.graph, sandbox.url), host, { policyCacheSeconds: 300, signInLookbackDays: 7 });
  const settings = { mfaFreshnessMinutes: 5, signInLookbackDays: 7 };
  const rows: Row[] = [];
  try {
    for (const { userPrincipalName: upn } of loadFixture().users) {
      const request = parseDiagnoseRequest(upn);
      const gateway = newGateway();
      const service = new DiagnosisService(gateway, settings);
      const cold = await service.diagnose(request);
      const warm = await service.diagnose(request);
      const sequential = await sequentialCheck(gateway.transport, upn);
      rows.push({
        upn,
        outcome: warm.outcome,
        cold: { ...cold.graph, ms: cold.graph.ms ?? 0 },
        warm: { ...warm.graph, ms: warm.graph.ms ?? 0 },
        sequential,
      });
    }
  } finally {
    await sandbox.close();
  }
  const lines = [
    `Passkey Doctor benchmark — ${rows.length} sandbox users, ${LATENCY_MS} ms injected latency per Graph round trip`,
    `cells: inner requests / HTTP round trips / wall ms`,
    '',
    `${pad('user', 40)}${pad('outcome', 16)}${pad('cold', 16)}${pad('warm', 16)}${pad('sequential (PowerShell way)', 28)}`,
    ...rows.map(
      (r) => `${pad(r.upn, 40)}${pad(r.outcome, 16)}${pad(cell(r.cold), 16)}${pad(cell(r.warm), 16)}${pad(cell(r.sequential), 28)}`,
    ),
    '',
    `max round trips: cold ${Math.max(...rows.map((r) => r.cold.roundTrips))}, warm ${Math.max(...rows.map((r) => r.warm.roundTrips))}, sequential ${Math.max(...rows.map((r) => r.sequential.roundTrips))}`,
    `median wall time: cold ${median(rows.map((r) => r.cold.ms))} ms, warm ${median(rows.map((r) => r.warm.ms))} ms, sequential ${median(rows.map((r) => r.sequential.ms))} ms`,
    `warm diagnosis is ${(median(rows.map((r) => r.sequential.ms)) / median(rows.map((r) => r.warm.ms))).toFixed(1)}× faster than the sequential check, and reads more (nested groups via checkMemberGroups, TAP and CA policies, audit events)`,
  ];
  const bot = await benchBotReply();
  lines.push(
    '',
    `Teams bot reply time (diagnose message in → verdict card posted, in-process adapter, ${LATENCY_MS} ms Graph latency):`,
    `  first message ${bot.coldMs} ms (operator check + tenant snapshot + user batch), warm median ${bot.warmMs} ms with ${bot.warmRoundTrips} Graph round trip`,
  );
  const memory = await benchMemory(500);
  lines.push(
    '',
    `Memory over ${memory.diagnoses} diagnoses (in-process bot, file state store, sandbox tenant without latency):`,
    `  RSS ${memory.startMb} MB at start, peak ${memory.peakMb} MB, steady ${memory.steadyMb} MB while busy (second half); heap ${memory.heapMb} MB; ${memory.msPerDiagnosis} ms per diagnosis`,
  );
  const retention = await benchRetention();
  lines.push(
    '',
    `Retention (file store, RUN_RETENTION_DAYS=30): ${retention.runs} runs written over 60 days take ${retention.beforeMb} MB;`,
    `  one pruning pass removed ${retention.pruned} runs in ${retention.ms} ms, leaving ${retention.afterMb} MB`,
  );
  const overhead = await benchTelemetryOverhead();
  lines.push(
    '',
    `Telemetry overhead (${overhead.turns} warm diagnose turns over HTTP, sandbox without latency):`,
    `  without exporter: median ${overhead.withoutMs.median} ms, p95 ${overhead.withoutMs.p95} ms`,
    `  with Azure Monitor exporter (loopback ingestion): median ${overhead.withMs.median} ms, p95 ${overhead.withMs.p95} ms; ${overhead.exportedBatches} batches exported, UPN in exported data: ${overhead.leakedUpn ? 'YES' : 'no'}`,
  );
  const report = await benchReport(LATENCY_MS);
  lines.push(
    '',
    `Registration report (${report.events} audit events, ${LATENCY_MS} ms per round trip, reports quota 5 per 10 s enforced):`,
    ...report.days.map((d) => `  ${d.days} days: ${d.attempts} attempts, ${d.requests} requests in ${d.roundTrips} round trips, ${d.ms} ms`),
    `  a diagnosis alone (warm) ${report.diagnosisAloneMs} ms; typed while the 30-day report pages ${report.diagnosisDuringReportMs} ms (interactive goes first)`,
  );
  lines.push('', ...burstTable());
  process.stdout.write(lines.join('\n') + '\n');
}

const BURSTS = [3, 10, 50];

/** Each burst runs in a child process of its own, so that its peak RSS is its own. */
function burstTable(): string[] {
  const fresh = BURSTS.map(
    (n) => JSON.parse(execFileSync(process.execPath, [join(__dirname, 'burst.js'), String(n)], { encoding: 'utf8' })) as BurstResult,
  );
  const row = (plan: string, r: BurstResult) =>
    `${pad(plan, 10)}${pad(r.n, 4)}${pad(`${r.cards}/${r.n}`, 8)}${pad(`${r.layer4Judged}/${r.n}`, 11)}${pad(r.reportsRequests, 9)}${pad(r.throttled, 6)}${pad(`${r.cardP50Ms} / ${r.cardP95Ms}`, 18)}${pad(r.httpP95Ms, 12)}${r.peakRssMb}`;
  return [
    `Help-desk burst: N concurrent diagnose messages through the HTTP adapter, sandbox at ${LATENCY_MS} ms per round trip enforcing Graph's reports quota (5 per 10 s)`,
    `old plan = one batch of reports per user inside Teams' HTTP request (${oldPlan.measured})`,
    '',
    `${pad('plan', 10)}${pad('N', 4)}${pad('cards', 8)}${pad('L4 judged', 11)}${pad('reports', 9)}${pad('429s', 6)}${pad('card p50/p95 ms', 18)}${pad('HTTP p95 ms', 12)}peak RSS MB`,
    ...BURSTS.flatMap((n, i) => [
      row(
        'old',
        oldPlan.rows.find((r) => r.n === n)!,
      ),
      row('new', fresh[i]),
    ]),
  ];
}

const SWEEP_SIZES = [1000, 10_000, 100_000];

/** `npm run bench -- sweep [sizes…]`: the sweep benchmark alone. */
async function sweepOnly(args: string[]): Promise<void> {
  const sizes = args.length ? args.map(Number) : SWEEP_SIZES;
  process.stdout.write((await benchSweep(sizes)).join('\n') + '\n');
}

(process.argv[2] === 'sweep' ? sweepOnly(process.argv.slice(3)) : main()).catch((error) => {
  process.stderr.write(`bench failed: ${(error as Error).message}\n`);
  process.exitCode = 1;
});
