/**
 * Retention: diagnosis runs (about 6 KB each) are pruned after
 * RUN_RETENTION_DAYS (default 30); the audit trail keeps its own, longer
 * AUDIT_RETENTION_DAYS (default 365). Age is the item's last write, which
 * for a run is when it was made and for a full audit page when its newest
 * entry was added (a page is written once). The newest audit entries (the
 * head of each user's trail) are never pruned: they are at most 20 per user.
 *
 * The botbuilder `Storage` interface cannot list, so each backend — a
 * directory of files, a Blob container — lists its own items here.
 */
import { logger } from '../logger';

export interface StoredItemInfo {
  key: string;
  modified: Date;
}

/** What pruning needs from a backend: the items under a key prefix with their last write, and delete. */
export interface ListableStore {
  list(prefix: string): AsyncIterable<StoredItemInfo>;
  delete(keys: string[]): Promise<void>;
}

export interface RetentionPolicy {
  runDays: number;
  auditDays: number;
}

export interface Pruned {
  runs: number;
  auditPages: number;
  /** Weekly-digest outreach lists: kept as long as runs, so a Diagnose button lives as long as a Re-run. */
  digests: number;
}

const DAY_MS = 86_400_000;
// The writers build their keys from these, so a key change cannot silently stop pruning.
export const RUN_PREFIX = 'passkey-doctor/runs/';
export const DIGEST_PREFIX = 'passkey-doctor/digests/';
export const AUDIT_PREFIX = 'audit/';
const AUDIT_PAGE = /\/page-\d+$/;

async function pruneUnder(store: ListableStore, prefix: string, olderThan: number, wanted: (key: string) => boolean): Promise<number> {
  const stale: string[] = [];
  for await (const item of store.list(prefix)) {
    if (wanted(item.key) && item.modified.getTime() < olderThan) stale.push(item.key);
  }
  for (let i = 0; i < stale.length; i += 100) await store.delete(stale.slice(i, i + 100));
  return stale.length;
}

export async function prune(store: ListableStore, policy: RetentionPolicy, now: Date = new Date()): Promise<Pruned> {
  const runs = await pruneUnder(store, RUN_PREFIX, now.getTime() - policy.runDays * DAY_MS, () => true);
  const auditPages = await pruneUnder(store, AUDIT_PREFIX, now.getTime() - policy.auditDays * DAY_MS, (key) => AUDIT_PAGE.test(key));
  const digests = await pruneUnder(store, DIGEST_PREFIX, now.getTime() - policy.runDays * DAY_MS, () => true);
  return { runs, auditPages, digests };
}

/** First pass a minute after start (not competing with start-up), then daily. */
const FIRST_PASS_MS = 60_000;

/** Prunes in the background; a failure is logged and retried the next day. */
export function schedulePruning(store: ListableStore, policy: RetentionPolicy): { stop(): void } {
  const run = () =>
    prune(store, policy)
      .then((pruned) => logger.info('state store pruned', { ...pruned, ...policy }))
      .catch((error: unknown) => logger.warn('state store pruning failed', { error }));
  let daily: NodeJS.Timeout | undefined;
  const first = setTimeout(() => {
    void run();
    daily = setInterval(run, DAY_MS).unref();
  }, FIRST_PASS_MS).unref();
  return {
    stop: () => {
      clearTimeout(first);
      clearInterval(daily);
    },
  };
}
