/**
 * A sliding one-hour window per person (TAP_REQUESTS_PER_HOUR per operator).
 * The window is updated by compare-and-swap, so two requests at the same
 * moment cannot both take the last slot.
 */
import type { VersionedStore } from './versionedStore';

const HOUR_MS = 3_600_000;

interface Window {
  /** ISO times of the requests counted, oldest first. */
  times: string[];
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

  /** Counts one request by `personId` if the window has room. */
  async take(personId: string): Promise<Allowance> {
    let allowance: Allowance = { allowed: false, retryAt: '' };
    await this.store.update<Window>(`limit/${this.name}/${personId}`, (current) => {
      const nowMs = this.now().getTime();
      const recent = (current?.times ?? []).filter((time) => Date.parse(time) > nowMs - HOUR_MS);
      if (recent.length >= this.perHour) {
        allowance = { allowed: false, retryAt: new Date(Date.parse(recent[0]) + HOUR_MS).toISOString() };
        return undefined;
      }
      allowance = { allowed: true, remaining: this.perHour - recent.length - 1 };
      return { times: [...recent, new Date(nowMs).toISOString()] };
    });
    return allowance;
  }
}
