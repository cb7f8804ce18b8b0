/**
 * `npm run bench -- sweep`: one sweep of a generated population of 1,000 /
 * 10,000 / 100,000 people, the sandbox at 100 ms per round trip with Graph's
 * reports quota (5 per 10 s) on, each sweep in a process of its own (peak RSS
 * is the sweep's), beside what diagnosing every member one by one would cost
 * (computed from one warm diagnosis's requests, not run).
 */
import { execFileSync, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { GRAPH_REPORTS_DEFAULT } from '../config/quota';
import { pad } from './figures';
import type { SweepRunFigures } from './sweepRun';
import { INTERACTIVE_RESERVE } from '../graph/reportsScheduler';

const LATENCY_MS = 100;
const REPORT_PAGE = 1000;
const n0 = (n: number) => n.toLocaleString('en-GB');

async function withSandbox<T>(size: number, body: (url: string) => T): Promise<T> {
  const child = spawn(process.execPath, [join(__dirname, 'sweepSandbox.js'), String(size), String(LATENCY_MS)], { stdio: ['pipe', 'pipe', 'inherit'] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout }).once('line', resolve);
      child.once('exit', (code) => reject(new RangeError(`the sandbox exited (${code})`)));
    });
    return body(url);
  } finally {
    child.stdin.end();
    child.kill();
  }
}

/**
 * The registration report alone: one page per 1,000 users of the tenant, read at background priority, so at
 * most quota − INTERACTIVE_RESERVE pages per period (the rest stay free for diagnoses).
 */
export function reportArithmetic(users: number): string {
  const { requests, periodMs } = GRAPH_REPORTS_DEFAULT;
  const share = Math.max(1, requests - INTERACTIVE_RESERVE);
  const pages = Math.ceil(users / REPORT_PAGE);
  const seconds = Math.max(0, (Math.ceil(pages / share) - 1) * (periodMs / 1000));
  const rate = `${share} of ${requests} per ${periodMs / 1000} s (background)`;
  return `${n0(users)} users → ${pages} report pages at ${n0(REPORT_PAGE)} a page; ${rate} → at least ${n0(seconds)} s waiting for the quota`;
}

export async function benchSweep(sizes: number[]): Promise<string[]> {
  const rows: Array<SweepRunFigures & { size: number }> = [];
  for (const size of sizes) {
    const figures = await withSandbox(size, (url) => JSON.parse(execFileSync(process.execPath, [join(__dirname, 'sweepRun.js'), url], { encoding: 'utf8', maxBuffer: 1 << 20 })) as SweepRunFigures);
    rows.push({ ...figures, size });
  }
  const header = `${pad('members', 10)}${pad('requests', 10)}${pad('reports', 9)}${pad('per-member', 12)}${pad('bulk only', 11)}${pad('round trips', 13)}${pad('wall s', 9)}${pad('peak RSS MB', 13)}${pad('one by one: requests', 22)}one by one: s (sequential)`;
  return [
    `Sweep of "Rollout Wave 1" (generated, seed 14), sandbox at ${LATENCY_MS} ms per round trip with Graph's reports quota on (${GRAPH_REPORTS_DEFAULT.requests} per ${GRAPH_REPORTS_DEFAULT.periodMs / 1000} s)`,
    `per-member = own-methods reads (a Temporary Access Pass, whose validity the report does not give); bulk only = requests − per-member`,
    'one by one = members × one warm diagnosis (its requests and round trips measured in each run), computed, not run',
    '',
    header,
    ...rows.map((r) =>
      `${pad(n0(r.members), 10)}${pad(r.requests, 10)}${pad(r.reportsRequests, 9)}${pad(r.ownReads, 12)}${pad(r.requests - r.ownReads, 11)}${pad(r.roundTrips, 13)}${pad((r.wallMs / 1000).toFixed(1), 9)}${pad(r.peakRssMb, 13)}${pad(n0(r.members * r.diagnosisRequests), 22)}${n0(Math.round((r.members * r.diagnosisRoundTrips * LATENCY_MS) / 1000))}`,
    ),
    '',
    'Outcomes: ' + rows.map((r) => `${n0(r.members)}: ${Object.entries(r.summary).map(([k, v]) => `${k} ${n0(v)}`).join(', ')}`).join(' | '),
    'Why the wall time grows: the registration report is tenant-wide and paged under the reports quota —',
    ...rows.map((r) => `  ${reportArithmetic(r.members + 20)}`),
  ];
}
