/**
 * The registration report on the sandbox with 100 ms per round trip and
 * Graph's reports quota enforced (5 requests / 10 s): how many requests,
 * round trips and how long for 7 and 30 days over a large generated history
 * — and how long a diagnosis typed while the 30-day read pages takes, since
 * the report reads at background priority and the diagnosis goes first.
 */
import { loadConfig } from '../config/schema';
import { parseDiagnoseRequest } from '../input/request';
import { DiagnosisService } from '../diagnosis/service';
import { createGraphClient } from '../graph/client';
import { GraphGateway } from '../graph/gateway';
import { startSandbox } from '../sandbox';
import { registrationHistory } from '../sandbox/registrationHistory';
import { RegistrationReportService } from '../tenant/report/service';

/** Histories generated with this many seeds: about 400 attempts each, so several 1,000-record pages. */
const SEEDS = 15;

export interface ReportFigures {
  events: number;
  days: Array<{ days: number; attempts: number; requests: number; roundTrips: number; ms: number }>;
  diagnosisAloneMs: number;
  diagnosisDuringReportMs: number;
}

export async function benchReport(latencyMs: number): Promise<ReportFigures> {
  const sandbox = await startSandbox({ faults: { latencyMs } });
  try {
    for (let seed = 1; seed <= SEEDS; seed++) sandbox.tenant.directoryAudits.push(...registrationHistory(new Date(), seed).audits);
    const config = loadConfig({ GRAPH_BASE_URL: sandbox.url });
    const options = { policyCacheSeconds: 300, signInLookbackDays: 7 };
    const gateway = () => new GraphGateway(createGraphClient(config.graph, sandbox.url), new URL(sandbox.url).host, options);
    const days: ReportFigures['days'] = [];
    for (const n of [7, 30]) {
      const report = await new RegistrationReportService({ kind: 'events', source: gateway() }).report(n);
      days.push({ days: n, attempts: report.totals.attempts, ...report.graph });
      // Let the quota's window pass so the next measurement starts fresh.
      await new Promise((resolve) => setTimeout(resolve, 10_500));
    }
    const alone = gateway();
    await new DiagnosisService(alone, { mfaFreshnessMinutes: 5, signInLookbackDays: 7 }).diagnose(parseDiagnoseRequest('dave@contoso.com'));
    const started = performance.now();
    await new DiagnosisService(alone, { mfaFreshnessMinutes: 5, signInLookbackDays: 7 }).diagnose(parseDiagnoseRequest('alice@contoso.com'));
    const diagnosisAloneMs = Math.round(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 10_500));
    const shared = gateway();
    const service = new DiagnosisService(shared, { mfaFreshnessMinutes: 5, signInLookbackDays: 7 });
    await service.diagnose(parseDiagnoseRequest('dave@contoso.com'));
    await new Promise((resolve) => setTimeout(resolve, 10_500));
    const reading = new RegistrationReportService({ kind: 'events', source: shared }).report(30);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const during = performance.now();
    await service.diagnose(parseDiagnoseRequest('alice@contoso.com'));
    const diagnosisDuringReportMs = Math.round(performance.now() - during);
    await reading;
    return { events: sandbox.tenant.directoryAudits.length, days, diagnosisAloneMs, diagnosisDuringReportMs };
  } finally {
    await sandbox.close();
  }
}
