/**
 * The shared read of the tenant's recent logs (docs/contracts.md §5, docs/request-plan.md):
 * interactive sign-ins and Authentication Methods audit events of the whole
 * tenant over SIGNIN_LOOKBACK_DAYS, kept in memory and refreshed
 * incrementally — from the last refresh minus an overlap that covers Graph's
 * log delivery delay — so that concurrent diagnoses share one pair of
 * reports requests instead of sending a pair each.
 *
 * Freshness: a diagnosis is answered only from a refresh that *started after
 * it asked*. While one refresh is in flight, everyone who arrives joins the
 * single next one, so a burst costs at most two refreshes. The first asker
 * may carry the refresh in its own `$batch` when the reports quota has room
 * right now, which keeps a lone diagnosis at one round trip.
 */
import { known, missing, type AuditEvent, type Fact, type FactGap, type SignIn } from '../model/facts';
import { executeBatch, type BatchRequest } from './batch';
import type { RetryPolicy } from './retryPolicy';
import { filterParam, odataDateTime } from './odata';
import { nextPage } from './paging';
import { auditSubjects, parseAudit, parseSignIn, signInOwner } from './parse/logs';
import { str, values } from './parse/values';
import { gapFor, type InnerResponse } from './responseErrors';
import { reportsGate, type ReportsPriority, type ReportsScheduler } from './reportsScheduler';
import { UsageMeter, type GraphTransport } from './transport';

/**
 * Graph delivers log records late (about 2 min p95, 5 min p99 in older docs; docs/graph-facts.md §9):
 * re-read this much before the watermark.
 */
export const REFRESH_OVERLAP_MS = 10 * 60_000;
/** Pages one refresh may read per log (1,000 records a page); past it the window keeps only what it read. */
export const MAX_PAGES_PER_REFRESH = 20;
/** What one user's facts hold, as the per-user queries did (`$top`). */
const PER_USER_SIGNINS = 50;
const PER_USER_AUDITS = 100;
const PAGE_SIZE = 1000;
/**
 * Records are kept this long past the look-back, so that a diagnosis that
 * asked a moment before a refresh started still finds its whole look-back.
 */
const KEEP_PAST_LOOKBACK_MS = 60 * 60_000;

interface Entry<T> {
  time: number;
  /** Lower-case UPNs and object ids the record belongs to. */
  keys: string[];
  value: T;
}

interface FeedSpec<T> {
  id: 'signIns' | 'audits';
  path: string;
  timeField: string;
  clauses: string[];
  parse(raw: Record<string, unknown>): { keys: string[]; value: T };
  request: string;
}

const SIGN_INS: FeedSpec<SignIn> = {
  id: 'signIns',
  path: '/auditLogs/signIns',
  timeField: 'createdDateTime',
  clauses: [],
  parse: (raw) => {
    const owner = signInOwner(raw);
    return { keys: [owner.upn, owner.userId].filter((k): k is string => !!k), value: parseSignIn(raw) };
  },
  request: 'GET /auditLogs/signIns',
};

const AUDITS: FeedSpec<AuditEvent> = {
  id: 'audits',
  path: '/auditLogs/directoryAudits',
  timeField: 'activityDateTime',
  clauses: [`loggedByService eq 'Authentication Methods'`],
  parse: (raw) => {
    const subjects = auditSubjects(raw);
    return { keys: [...subjects.upns, ...subjects.ids], value: parseAudit(raw) };
  },
  request: 'GET /auditLogs/directoryAudits',
};

class Feed<T> {
  private readonly entries = new Map<string, Entry<T>>();
  /** Start of the last successful refresh (our clock): the next one reads from here minus the overlap. */
  watermark: number | null = null;
  /** Oldest instant the window holds every record from; null until the first refresh succeeded. */
  coveredSince: number | null = null;
  /** Why the latest refresh failed; the window is not vouched for until one succeeds again. */
  gap: FactGap | null = null;

  constructor(readonly spec: FeedSpec<T>) {}

  firstRequest(lookbackStart: number, pageSize: number): BatchRequest {
    const since = this.watermark === null ? lookbackStart : Math.max(lookbackStart, this.watermark - REFRESH_OVERLAP_MS);
    const clauses = [...this.spec.clauses, `${this.spec.timeField} ge ${odataDateTime(since)}`];
    return { id: this.spec.id, method: 'GET', url: `${this.spec.path}?${filterParam(clauses)}&$top=${pageSize}` };
  }

  absorb(page: unknown): number {
    let oldest = Infinity;
    for (const raw of values(page)) {
      const { keys, value } = this.spec.parse(raw);
      const time = Date.parse(str(raw[this.spec.timeField]) ?? '');
      const id = str(raw.id);
      if (!id || Number.isNaN(time)) continue;
      this.entries.set(id, { time, keys, value });
      oldest = Math.min(oldest, time);
    }
    return oldest;
  }

  /** A refresh read everything from `since`, or stopped at `oldestRead` when its page budget ran out. */
  settle(startedAt: number, lookbackStart: number, truncatedAt: number | null): void {
    this.gap = null;
    const wasCold = this.coveredSince === null;
    if (truncatedAt !== null) {
      // Between what this refresh reached and what was held before lies a hole: forget what is older.
      for (const [id, entry] of this.entries) if (entry.time < truncatedAt) this.entries.delete(id);
      this.coveredSince = truncatedAt;
    } else if (wasCold) {
      this.coveredSince = lookbackStart;
    }
    const keepFrom = lookbackStart - KEEP_PAST_LOOKBACK_MS;
    this.coveredSince = Math.max(this.coveredSince ?? lookbackStart, keepFrom);
    for (const [id, entry] of this.entries) if (entry.time < keepFrom) this.entries.delete(id);
    this.watermark = startedAt;
  }

  fail(gap: FactGap): void {
    this.gap = gap;
  }

  forKeys(keys: string[], since: number, limit: number): Fact<T[]> {
    if (this.gap) return missing(this.gap);
    if (this.coveredSince === null)
      return missing({ code: 'GRAPH.UNAVAILABLE', reason: 'the log was not read yet.', request: this.spec.request });
    const wanted = new Set(keys.map((k) => k.toLowerCase()));
    const matching = [...this.entries.values()]
      .filter((e) => e.time >= since && e.keys.some((k) => wanted.has(k)))
      .sort((a, b) => b.time - a.time)
      .slice(0, limit)
      .map((e) => e.value);
    return known(matching);
  }

  /** True when the window holds every record since `since`. */
  covers(since: number): boolean {
    return !this.gap && this.coveredSince !== null && this.coveredSince <= since;
  }
}

/** A refresh the first asker sends inside its own `$batch`; it hands the answers back with `absorb`. */
export interface CarriedRefresh {
  requests: BatchRequest[];
  absorb(responses: Map<string, InnerResponse>): Promise<void>;
}

interface Refresh {
  startedAt: number;
  done: Promise<void>;
}

export interface WindowOptions {
  lookbackDays: number;
  /** How old a finished refresh may be when the quota has no room for a new one. */
  maxStalenessMs: number;
  clock: () => number;
  retry?: RetryPolicy;
  /** Records a page and pages a refresh (1,000 and 20 unless a test shrinks them). */
  pageSize?: number;
  maxPages?: number;
}

export class ReportsWindow {
  private readonly feeds = [new Feed(SIGN_INS), new Feed(AUDITS)] as const;
  private current: Refresh | undefined;
  private next: Refresh | undefined;
  /** When the latest finished refresh started. */
  private lastStartedAt: number | null = null;

  constructor(
    private readonly transport: GraphTransport,
    private readonly scheduler: ReportsScheduler,
    private readonly options: WindowOptions,
  ) {}

  private lookbackStart(now: number): number {
    return now - this.options.lookbackDays * 86_400_000;
  }

  /**
   * The refresh a diagnosis that asked at `asked` is answered from:
   * - nothing in flight and room in the quota now: a new one, which the
   *   caller carries in its own batch (`carry`);
   * - one in flight and room for another: the single next one, shared by
   *   everyone who arrives meanwhile;
   * - no room: the one in flight, or the last one if it started within
   *   `maxStalenessMs` of the question (one quota period: far less than
   *   Graph's own delivery delay), else a new one queued in the scheduler.
   */
  join(asked: number, priority: ReportsPriority): { carry?: CarriedRefresh; done: Promise<void> } {
    const slots = this.feeds.length;
    if (this.current) {
      if (this.next) return { done: this.next.done };
      if (!this.scheduler.hasRoom(slots)) return { done: this.current.done };
      return { done: this.queueNext(this.current, priority).done };
    }
    if (this.scheduler.tryAcquire(slots)) return this.carried(priority);
    if (this.lastStartedAt !== null && this.lastStartedAt >= asked - this.options.maxStalenessMs) return { done: Promise.resolve() };
    const refresh: Refresh = { startedAt: this.options.clock(), done: Promise.resolve() };
    refresh.done = this.standalone(refresh, priority);
    this.track(refresh);
    return { done: refresh.done };
  }

  private queueNext(current: Refresh, priority: ReportsPriority): Refresh {
    let begin!: () => void;
    const started = new Promise<void>((resolve) => (begin = resolve));
    const refresh: Refresh = { startedAt: Number.POSITIVE_INFINITY, done: Promise.resolve() };
    refresh.done = started.then(() => this.standalone(refresh, priority));
    this.next = refresh;
    void current.done.finally(() => {
      this.next = undefined;
      refresh.startedAt = this.options.clock();
      this.track(refresh);
      begin();
    });
    return refresh;
  }

  private carried(priority: ReportsPriority): { carry: CarriedRefresh; done: Promise<void> } {
    const refresh: Refresh = { startedAt: this.options.clock(), done: Promise.resolve() };
    const requests = this.requestsFor(refresh.startedAt);
    let finish!: (responses: Map<string, InnerResponse>) => void;
    const answered = new Promise<Map<string, InnerResponse>>((resolve) => (finish = resolve));
    refresh.done = answered.then((responses) => this.complete(refresh, responses, priority));
    this.track(refresh);
    return {
      carry: {
        requests,
        absorb: async (responses) => {
          finish(responses);
          await refresh.done;
        },
      },
      done: refresh.done,
    };
  }

  private track(refresh: Refresh): void {
    this.current = refresh;
    void refresh.done.finally(() => {
      if (this.current === refresh) this.current = undefined;
      this.lastStartedAt = Math.max(this.lastStartedAt ?? refresh.startedAt, refresh.startedAt);
    });
  }

  private requestsFor(startedAt: number): BatchRequest[] {
    return this.feeds.map((feed) => feed.firstRequest(this.lookbackStart(startedAt), this.options.pageSize ?? PAGE_SIZE));
  }

  private async standalone(refresh: Refresh, priority: ReportsPriority): Promise<void> {
    const requests = this.requestsFor(refresh.startedAt);
    const responses = await executeBatch(
      this.transport,
      'beta',
      requests,
      new UsageMeter(),
      this.options.retry,
      reportsGate(this.scheduler, priority),
    ).catch(() => new Map<string, InnerResponse>());
    await this.complete(refresh, responses, priority);
  }

  /** Takes a refresh's first pages, reads on while a log has more (within the page budget), then settles each log. */
  private async complete(refresh: Refresh, responses: Map<string, InnerResponse>, priority: ReportsPriority): Promise<void> {
    const lookbackStart = this.lookbackStart(refresh.startedAt);
    await Promise.all(
      this.feeds.map(async (feed: Feed<unknown>) => {
        let response = responses.get(feed.spec.id);
        let oldest = Infinity;
        for (let page = 1; ; page++) {
          if (!response || response.status < 200 || response.status >= 300) {
            feed.fail(
              response
                ? gapFor(response, feed.spec.request)
                : { code: 'GRAPH.UNAVAILABLE', reason: 'Microsoft Graph returned no answer for this request.', request: feed.spec.request },
            );
            return;
          }
          oldest = Math.min(oldest, feed.absorb(response.body));
          const next = nextPage(response.body, `${feed.spec.id}-${page + 1}`);
          if (!next) break;
          if (page >= (this.options.maxPages ?? MAX_PAGES_PER_REFRESH)) {
            feed.settle(refresh.startedAt, lookbackStart, Number.isFinite(oldest) ? oldest : refresh.startedAt);
            return;
          }
          const more = await executeBatch(
            this.transport,
            next.version,
            [next.request],
            new UsageMeter(),
            this.options.retry,
            reportsGate(this.scheduler, priority),
          ).catch(() => new Map<string, InnerResponse>());
          response = more.get(next.request.id);
        }
        feed.settle(refresh.startedAt, lookbackStart, null);
      }),
    );
  }

  /**
   * One user's sign-ins and audit events from the window, newest first,
   * within the look-back of `nowMs`. `keys`: the UPN and, when known, the object id.
   */
  forUser(keys: string[], nowMs: number): { signIns: Fact<SignIn[]>; audits: Fact<AuditEvent[]> } {
    const since = this.lookbackStart(nowMs);
    const [signIns, audits] = this.feeds;
    const incomplete = (request: string): FactGap => ({
      code: 'GRAPH.UNAVAILABLE',
      reason: `the tenant logged more of these in the last ${this.options.lookbackDays} days than one refresh reads.`,
      request,
    });
    return {
      signIns: signIns.covers(since)
        ? signIns.forKeys(keys, since, PER_USER_SIGNINS)
        : missing(signIns.gap ?? incomplete(SIGN_INS.request)),
      audits: audits.covers(since) ? audits.forKeys(keys, since, PER_USER_AUDITS) : missing(audits.gap ?? incomplete(AUDITS.request)),
    };
  }

  /** Whether sign-ins must be read per user because the window does not reach back over the look-back. */
  signInsIncomplete(nowMs: number): boolean {
    const [signIns] = this.feeds;
    return !signIns.gap && signIns.coveredSince !== null && !signIns.covers(this.lookbackStart(nowMs));
  }
}
