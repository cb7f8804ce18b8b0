/**
 * A sliding one-hour window per person (TAP_REQUESTS_PER_HOUR per operator).
 * The window is updated by compare-and-swap, so two requests at the same
 * moment cannot both take the last slot. A slot belongs to a request, not a
 * click: twenty clicks on one card are one request and take one slot. The
 * person's Entra object id is a GUID, compared without regard to case.
 */
import { randomUUID } from 'node:crypto';
import type { VersionedStore } from './versionedStore';

const HOUR_MS = 3_600_000;

interface Window {
  /** ISO times of the requests counted, oldest first. */
  times: string[];
  /** The request each time was counted for, index for index (absent in windows written before requests were named). */
  requests?: string[];
}

export type Allowance = { allowed: true; remaining: number } | { allowed: false; retryAt: string };

export class HourlyLimit {
  constructor(
    private readonly store: VersionedStore,
    /** Names the counter, e.g. `tap-requests`. */
    private readonly name: string,
    readonly perHour: number,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Counts request `requestId` by `personId` if the window has room; a request already counted is allowed again for free. */
  async take(personId: string, requestId: string = randomUUID()): Promise<Allowance> {
    let allowance: Allowance = { allowed: false, retryAt: '' };
    await this.store.update<Window>(`limit/${this.name}/${personId.trim().toLowerCase()}`, (current) => {
      const nowMs = this.now().getTime();
      const counted = (current?.times ?? []).map((time, index) => ({ time, request: current?.requests?.[index] ?? '' }));
      const recent = counted.filter(({ time }) => Date.parse(time) > nowMs - HOUR_MS);
      if (recent.some(({ request }) => request === requestId)) {
        allowance = { allowed: true, remaining: Math.max(0, this.perHour - recent.length) };
        return undefined;
      }
      if (recent.length >= this.perHour) {
        allowance = { allowed: false, retryAt: new Date(Date.parse(recent[0].time) + HOUR_MS).toISOString() };
        return undefined;
      }
      allowance = { allowed: true, remaining: this.perHour - recent.length - 1 };
      const next = [...recent, { time: new Date(nowMs).toISOString(), request: requestId }];
      return { times: next.map(({ time }) => time), requests: next.map(({ request }) => request) };
    });
    return allowance;
  }
}
