/**
 * What a slow diagnosis is waiting for, in words for the "checking…" card,
 * from the reports scheduler's status (docs/contracts.md §5: a diagnosis never waits
 * silently).
 */
import type { ReportsStatus } from '../graph/reportsScheduler';

/** Where the bot reads the scheduler's status; absent in harnesses without Graph. */
export interface ReportsStatusSource {
  reportsStatus(): ReportsStatus;
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

export function waitReason(status: ReportsStatus | undefined, nowMs: number): string {
  if (!status) return 'Microsoft Graph';
  if (status.heldUntil !== null) return `the sign-in logs: Microsoft Graph asked us to pause its reports, about ${seconds(status.heldUntil - nowMs)} s`;
  const waitMs = status.nextFreeAt - nowMs;
  if (status.queuedInteractive > 0 || waitMs > 500) return `the sign-in logs: Graph's reports limit (${status.quota.requests} requests per ${status.quota.periodMs / 1000} s), about ${seconds(waitMs)} s`;
  return 'Microsoft Graph, which is answering slowly';
}
