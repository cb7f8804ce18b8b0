/**
 * The one gate every read of Graph's identity-and-access reports passes
 * (`/auditLogs/*`, `/reports/*`; docs/contracts.md §5). Graph allows about 5 such
 * requests per 10 s per app and tenant, every inner request of a `$batch`
 * counted (docs/graph-facts.md §16), so the quota is kept here, before sending,
 * rather than discovered through 429s:
 * - a sliding log of what was sent keeps within GRAPH_REPORTS_QUOTA;
 * - interactive reads (a technician waits for a card) go before background
 *   ones (sweeps, digests), yet every few grants a waiting background read
 *   gets its turn so it still progresses;
 * - background reads never take the last INTERACTIVE_RESERVE slots of a
 *   period: priority only orders reads that are *waiting*, so a sweep or a
 *   report paging greedily would otherwise have spent the period before a
 *   diagnosis arrives, and the diagnosis would wait up to 10 s for its log
 *   refresh (two slots);
 * - a 429 holds *everything* queued until its Retry-After has passed: the
 *   quota is shared, so one caller's throttle is everyone's;
 * - `status()` says how long a new interactive read would wait, for the
 *   "checking…" card.
 */
import type { BatchGate, BatchRequest } from './batch';
import type { Quota } from '../config/quota';
import { recordReportsWait } from '../telemetry/instruments';

export type ReportsPriority = 'interactive' | 'background';

/** Time as the scheduler sees it; tests drive a fake one. */
export interface SchedulerClock {
  now(): number;
  /** Calls `run` once after `ms`; returns a cancel function. */
  after(ms: number, run: () => void): () => void;
}

/**
 * A timer exists only while a read waits for its slot, and someone awaits
 * that read: it keeps the process alive, as any pending request does, so a
 * CLI run against real Graph does not exit mid-wait.
 */
export const systemClock: SchedulerClock = {
  now: () => Date.now(),
  after: (ms, run) => {
    const timer = setTimeout(run, ms);
    return () => clearTimeout(timer);
  },
};

export interface ReportsStatus {
  quota: Quota;
  queuedInteractive: number;
  queuedBackground: number;
  /** When a 429's Retry-After ends (epoch ms), if one is being honoured. */
  heldUntil: number | null;
  /** Epoch ms when one more request could be sent, counting everything already queued ahead of an interactive read. */
  nextFreeAt: number;
}

interface Waiter {
  slots: number;
  grant: () => void;
}

/** One background grant after this many interactive grants made while background work waited. */
const BACKGROUND_EVERY = 4;

/** Slots of every period background reads leave free: a diagnosis's log refresh needs two at once. */
export const INTERACTIVE_RESERVE = 2;

export class ReportsScheduler {
  private sent: number[] = [];
  private readonly queues: Record<ReportsPriority, Waiter[]> = { interactive: [], background: [] };
  private heldUntil = 0;
  private interactiveStreak = 0;
  private cancelTimer: (() => void) | undefined;
  private timerAt = 0;

  constructor(
    readonly quota: Quota,
    private readonly clock: SchedulerClock = systemClock,
  ) {}

  /** Resolves when `slots` requests may be sent now; they are counted as sent from that moment. */
  acquire(slots: number, priority: ReportsPriority): Promise<void> {
    if (slots < 1) return Promise.resolve();
    const needed = Math.min(slots, this.capacity(priority));
    const queuedAt = this.clock.now();
    return new Promise<void>((resolve) => {
      const grant = () => {
        recordReportsWait(priority, needed, this.clock.now() - queuedAt);
        resolve();
      };
      this.queues[priority].push({ slots: needed, grant });
      this.pump();
    });
  }

  /** Takes `slots` now if nothing waits ahead and the quota allows; never queues. */
  tryAcquire(slots: number): boolean {
    if (this.queues.interactive.length || this.queues.background.length || !this.fits(slots)) return false;
    this.record(slots);
    recordReportsWait('interactive', slots, 0);
    return true;
  }

  /** Whether `tryAcquire(slots)` would succeed now; takes nothing. */
  hasRoom(slots: number): boolean {
    return !this.queues.interactive.length && !this.queues.background.length && this.fits(slots);
  }

  /** Graph answered 429: nothing more is sent until the Retry-After has passed. */
  throttled(retryAfterMs: number): void {
    this.heldUntil = Math.max(this.heldUntil, this.clock.now() + Math.max(0, retryAfterMs));
    this.schedule(this.heldUntil);
  }

  status(): ReportsStatus {
    const now = this.clock.now();
    this.prune(now);
    const ahead = this.queues.interactive.reduce((sum, w) => sum + w.slots, 0) + 1;
    // Past the first free slot, each further `quota.requests` slots cost one more period.
    const first = this.freeAt(Math.min(ahead, this.quota.requests), now);
    const extraPeriods = Math.floor((ahead - 1) / this.quota.requests);
    return {
      quota: this.quota,
      queuedInteractive: this.queues.interactive.length,
      queuedBackground: this.queues.background.length,
      heldUntil: this.heldUntil > now ? this.heldUntil : null,
      nextFreeAt: first + extraPeriods * this.quota.periodMs,
    };
  }

  private prune(now: number): void {
    const since = now - this.quota.periodMs;
    while (this.sent.length && this.sent[0] <= since) this.sent.shift();
  }

  /** How many slots of a period reads of this priority may fill (at least one, however small the quota). */
  private capacity(priority: ReportsPriority): number {
    return priority === 'background' ? Math.max(1, this.quota.requests - INTERACTIVE_RESERVE) : this.quota.requests;
  }

  private fits(slots: number, priority: ReportsPriority = 'interactive'): boolean {
    const now = this.clock.now();
    this.prune(now);
    return now >= this.heldUntil && this.sent.length + slots <= this.capacity(priority);
  }

  private record(slots: number): void {
    const now = this.clock.now();
    for (let i = 0; i < slots; i++) this.sent.push(now);
  }

  /** Earliest time `slots` more requests fit, given what was sent and any hold. */
  private freeAt(slots: number, now: number, priority: ReportsPriority = 'interactive'): number {
    const overflow = this.sent.length + slots - this.capacity(priority);
    const windowFree = overflow > 0 ? this.sent[overflow - 1] + this.quota.periodMs : now;
    return Math.max(now, windowFree, this.heldUntil);
  }

  private next(): { priority: ReportsPriority; waiter: Waiter } | undefined {
    const { interactive, background } = this.queues;
    if (interactive.length && (!background.length || this.interactiveStreak < BACKGROUND_EVERY)) return { priority: 'interactive', waiter: interactive[0] };
    if (background.length) return { priority: 'background', waiter: background[0] };
    return undefined;
  }

  private pump(): void {
    for (;;) {
      const head = this.next();
      if (!head) return;
      if (!this.fits(head.waiter.slots, head.priority)) {
        this.schedule(this.freeAt(head.waiter.slots, this.clock.now(), head.priority));
        return;
      }
      this.queues[head.priority].shift();
      if (head.priority === 'background') this.interactiveStreak = 0;
      else if (this.queues.background.length) this.interactiveStreak += 1;
      this.record(head.waiter.slots);
      head.waiter.grant();
    }
  }

  private schedule(at: number): void {
    if (this.cancelTimer && this.timerAt <= at && this.timerAt > this.clock.now()) return;
    this.cancelTimer?.();
    this.timerAt = at;
    this.cancelTimer = this.clock.after(Math.max(0, at - this.clock.now()), () => {
      this.cancelTimer = undefined;
      this.pump();
    });
  }
}

/** Reads that count against the reports quota (docs/graph-facts.md §16). */
export const isReportsRead = (request: Pick<BatchRequest, 'url'>): boolean => /^\/(auditLogs|reports)\//i.test(request.url);

/**
 * A batch gate over the scheduler: reports requests wait for their slots,
 * others pass. `prepaid` slots were already taken with `tryAcquire` by the
 * caller (a refresh carried in a diagnosis's own batch).
 */
export function reportsGate(scheduler: ReportsScheduler, priority: ReportsPriority, prepaid = 0): BatchGate {
  let credit = prepaid;
  return {
    meters: isReportsRead,
    admit: (requests) => {
      const metered = requests.filter(isReportsRead).length;
      const covered = Math.min(credit, metered);
      credit -= covered;
      return scheduler.acquire(metered - covered, priority);
    },
    throttled: (retryAfterMs) => scheduler.throttled(retryAfterMs),
  };
}
