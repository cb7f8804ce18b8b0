/**
 * Child process of `npm run bench -- sweep`: one sweep of "Rollout Wave 1"
 * against the sandbox at argv[2], sampling this process's RSS; prints one
 * JSON line with the figures.
 */
import { loadConfig } from '../config/schema';
import { createRuntime } from '../wiring/runtime';
import { POPULATION_GROUP } from '../sandbox';
import { mb } from './figures';

export interface SweepRunFigures {
  members: number;
  requests: number;
  roundTrips: number;
  reportsRequests: number;
  ownReads: number;
  wallMs: number;
  peakRssMb: number;
  summary: Record<string, number>;
  /** Requests of one warm diagnosis, for the one-by-one comparison. */
  diagnosisRequests: number;
  diagnosisRoundTrips: number;
}


async function main(): Promise<void> {
  const env = { GRAPH_BASE_URL: process.argv[2], LOG_LEVEL: 'silent' };
  const runtime = await createRuntime(loadConfig(env), { env });
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  try {
    const started = performance.now();
    const doc = await runtime.sweep.run(POPULATION_GROUP);
    const wallMs = Math.round(performance.now() - started);
    peak = Math.max(peak, process.memoryUsage().rss);
    // One warm diagnosis of a generated member: what diagnosing them one by one costs each.
    const someone = doc.users.find((u) => u.outcome === 'ready') ?? doc.users[0];
    await runtime.service.diagnose({ upn: someone.userPrincipalName });
    const warm = await runtime.service.diagnose({ upn: someone.userPrincipalName });
    const figures: SweepRunFigures = {
      members: doc.group.members,
      requests: doc.graph.requests,
      roundTrips: doc.graph.roundTrips,
      reportsRequests: doc.graph.reportsRequests,
      ownReads: doc.graph.memberReads,
      wallMs,
      peakRssMb: mb(peak),
      summary: doc.summary,
      diagnosisRequests: warm.graph.requests,
      diagnosisRoundTrips: warm.graph.roundTrips,
    };
    process.stdout.write(JSON.stringify(figures) + '\n');
  } finally {
    clearInterval(sampler);
    await runtime.close();
  }
}

main().catch((error) => {
  process.stderr.write(`sweep run failed: ${(error as Error).message}\n`);
  process.exit(1);
});
