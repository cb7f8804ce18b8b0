/**
 * The weekly digest's schedule (DIGEST_SCHEDULE, docs/contracts.md §1): a check
 * every minute asks which schedule window "now" is in; the first bot instance
 * to claim that window in the shared state store (an eTag write) posts the
 * digest, every other instance — and every later check — sees it claimed.
 * A window missed while the bot was down is posted when it comes back, once;
 * only the latest window is posted, never a backlog. A failed post gives the
 * window back and this instance tries again after 1, 2, 4 … minutes.
 */
import { randomUUID } from 'node:crypto';
import { currentWindowStart, type DigestSchedule } from '../config/digestSchedule';
import { logger } from '../logger';
import type { DigestStore } from '../store/digests';
import type { ChannelRoute } from '../store/routes';
import type { RegistrationReport } from '../tenant/report/types';

/** The weekly digest covers the last seven whole UTC days. */
export const DIGEST_DAYS = 7;
const CHECK_EVERY_MS = 60_000;

export type DigestTick = 'off' | 'no-channel' | 'already-posted' | 'posted' | 'failed' | 'backing-off';

/** After a failed post this instance waits 1, 2, 4 … minutes (at most an hour) before trying again. */
const MAX_BACKOFF_MS = 60 * 60_000;

export interface DigestScheduleDeps {
  schedule: DigestSchedule | 'off';
  store: DigestStore;
  report(days: number): Promise<RegistrationReport>;
  /** Posts the digest card to the registered channel (the bot's proactive send). */
  publish(route: ChannelRoute, report: RegistrationReport): Promise<void>;
  clock?: () => Date;
  /** Names this instance in the claim, for the logs. */
  instanceId?: string;
}

export class DigestScheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<DigestTick> | undefined;
  private readonly instanceId: string;
  private readonly clock: () => Date;
  private failures = 0;
  private retryAt = 0;

  constructor(private readonly deps: DigestScheduleDeps) {
    this.instanceId = deps.instanceId ?? randomUUID();
    this.clock = deps.clock ?? (() => new Date());
  }

  /** One check: post the digest if the current window has not been claimed yet. Never throws. */
  tick(): Promise<DigestTick> {
    // Checks never overlap within an instance; across instances the claim decides.
    this.running ??= this.check().finally(() => (this.running = undefined));
    return this.running;
  }

  private async check(): Promise<DigestTick> {
    const { schedule, store } = this.deps;
    if (schedule === 'off') return 'off';
    if (this.clock().getTime() < this.retryAt) return 'backing-off';
    try {
      const route = await store.route();
      if (!route) return 'no-channel';
      const now = this.clock();
      const window = currentWindowStart(schedule, now).toISOString();
      const claim = await store.claimWindow(window, this.instanceId, now);
      if (!claim) return 'already-posted';
      try {
        await this.deps.publish(route, await this.deps.report(DIGEST_DAYS));
        logger.info('weekly digest posted', { window, instance: this.instanceId });
        this.failures = 0;
        return 'posted';
      } catch (error) {
        await store.releaseWindow(window, claim.previous);
        this.retryAt = now.getTime() + Math.min(MAX_BACKOFF_MS, 60_000 * 2 ** this.failures);
        this.failures += 1;
        const retryAt = new Date(this.retryAt).toISOString();
        logger.warn('weekly digest could not be posted; trying again later', { window, retryAt, error: (error as Error).message });
        return 'failed';
      }
    } catch (error) {
      logger.warn('weekly digest check failed', { error: (error as Error).message });
      return 'failed';
    }
  }

  /** Checks now (a window missed while down) and every minute after; the timer never keeps the process alive. */
  start(): void {
    if (this.deps.schedule === 'off' || this.timer) return;
    void this.tick();
    this.timer = setInterval(() => void this.tick(), CHECK_EVERY_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
