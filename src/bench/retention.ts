/**
 * Retention on the file store: 3,000 diagnosis runs (a real verdict each,
 * about 6 KB) written over 60 days, then one pruning pass with the default
 * RUN_RETENTION_DAYS of 30 — size before and after, and how long it took.
 */
import { mkdtempSync, readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../config/schema';
import { setLogSink } from '../logger';
import { createRuntime } from '../wiring/runtime';
import { FileStorage } from '../store/fileStorage';
import { prune, RUN_PREFIX } from '../store/retention';

const RUNS = 3_000;
const SPAN_DAYS = 60;
const DAY_MS = 86_400_000;

export interface RetentionFigures {
  runs: number;
  beforeMb: number;
  afterMb: number;
  pruned: number;
  ms: number;
}

const dirMb = (dir: string) =>
  Math.round((readdirSync(dir).reduce((sum, name) => sum + statSync(join(dir, name)).size, 0) / 1_048_576) * 10) / 10;

export async function benchRetention(): Promise<RetentionFigures> {
  const restoreLogs = setLogSink(() => undefined);
  const dir = mkdtempSync(join(tmpdir(), 'passkey-doctor-retention-'));
  const runtime = await createRuntime(loadConfig({}), { env: {} });
  try {
    const verdict = await runtime.service.diagnose({ upn: 'alice@contoso.com' });
    const storage = new FileStorage(dir);
    const now = Date.now();
    for (let i = 0; i < RUNS; i += 1) {
      const at = new Date(now - (i / RUNS) * SPAN_DAYS * DAY_MS);
      await storage.write({
        [`${RUN_PREFIX}${i}`]: {
          runId: String(i),
          conversationId: 'c',
          subject: 'alice@contoso.com',
          requestedBy: 'op',
          verdict,
          at: at.toISOString(),
        },
      });
    }
    // Each file dated by when its run was made.
    for (const name of readdirSync(dir)) {
      const index = Number(/^passkey-doctor-runs-(\d+)\./.exec(name)?.[1] ?? 0);
      const at = new Date(now - (index / RUNS) * SPAN_DAYS * DAY_MS);
      utimesSync(join(dir, name), at, at);
    }
    const beforeMb = dirMb(dir);
    const started = performance.now();
    const pruned = await prune(storage, { runDays: 30, auditDays: 365 });
    return { runs: RUNS, beforeMb, afterMb: dirMb(dir), pruned: pruned.runs, ms: Math.round(performance.now() - started) };
  } finally {
    await runtime.close();
    rmSync(dir, { recursive: true, force: true });
    setLogSink(restoreLogs);
  }
}
