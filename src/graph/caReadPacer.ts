/**
 * Conditional Access reads are limited to about one request per second per
 * tenant, and their 429 carries no Retry-After (facts-2026: Microsoft Graph
 * throttling limits, "Conditional Access"). The tenant snapshot sends its CA
 * reads through this pacer: one at a time, a second apart, and after a 429 a
 * pause that grows while Graph keeps refusing.
 */
import type { BatchGate, BatchRequest } from './batch';
import type { SchedulerClock } from './reportsScheduler';

export const CA_READ_INTERVAL_MS = 1000;

const isCaRead = (request: Pick<BatchRequest, 'url'>): boolean => /^\/identity\/conditionalAccess\//i.test(request.url);

export class CaReadPacer implements BatchGate {
  private nextAt = 0;
  private throttles = 0;

  constructor(private readonly clock: SchedulerClock) {}

  meters(request: BatchRequest): boolean {
    return isCaRead(request);
  }

  async admit(requests: BatchRequest[]): Promise<void> {
    const count = requests.filter(isCaRead).length;
    if (!count) return;
    const wait = this.nextAt - this.clock.now();
    if (wait > 0) await new Promise<void>((resolve) => this.clock.after(wait, resolve));
    this.nextAt = Math.max(this.nextAt, this.clock.now()) + count * CA_READ_INTERVAL_MS;
  }

  throttled(retryAfterMs: number): void {
    // No Retry-After on these 429s: back off 1 s, 2 s, 4 s… unless Graph says more.
    this.throttles += 1;
    const backoff = CA_READ_INTERVAL_MS * 2 ** Math.min(this.throttles - 1, 5);
    this.nextAt = Math.max(this.nextAt, this.clock.now() + Math.max(retryAfterMs, backoff));
  }

  /** A CA read got through: the back-off starts again from one second. */
  succeeded(): void {
    this.throttles = 0;
  }
}
