/**
 * The one retry policy for every Graph request, reads and writes alike
 * (docs/graph-facts.md §16): a 429 waits for its own Retry-After (or the
 * backoff when Graph sends none), 5xx and timeouts back off 0.5 s, 1 s, 2 s,
 * and no wait is longer than a minute. Reports reads are paced before they
 * are sent by the reports scheduler; this decides only what happens after an
 * answer.
 */
export interface RetryPolicy {
  /** Waits before the 1st, 2nd, 3rd retry of a 5xx or timeout. */
  backoffMs: number[];
  /** How many times one request may be retried after a 429. */
  maxThrottleRetries: number;
  /** Upper bound for one Retry-After wait. */
  maxRetryAfterMs: number;
  sleep: (ms: number) => Promise<void>;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  backoffMs: [500, 1000, 2000],
  maxThrottleRetries: 3,
  maxRetryAfterMs: 60_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** No answer (status 0: timeout, connection lost) or a server error. */
export const isTransient = (status: number): boolean => status === 0 || status >= 500;

/** Graph's `Retry-After` in milliseconds (seconds, possibly fractional), else `fallbackMs`. */
export function retryAfterMs(headers: Record<string, string>, fallbackMs: number): number {
  const seconds = Number(headers['retry-after']);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : fallbackMs;
}

/** How often one request has been retried so far, by reason. */
export interface RetryCounts {
  throttled: number;
  transient: number;
}

export interface RetryStep {
  reason: keyof RetryCounts;
  waitMs: number;
}

/**
 * Whether to send a request again after this answer, and after how long;
 * undefined when the answer stands. `transientRetries` is false for a request
 * that must not be repeated blindly after a server error.
 */
export function nextRetry(
  policy: RetryPolicy,
  answer: { status: number; headers: Record<string, string> },
  counts: RetryCounts,
  transientRetries = true,
): RetryStep | undefined {
  if (answer.status === 429) {
    if (counts.throttled >= policy.maxThrottleRetries) return undefined;
    const waitMs = retryAfterMs(answer.headers, policy.backoffMs[counts.throttled] ?? 1000);
    return { reason: 'throttled', waitMs: Math.min(policy.maxRetryAfterMs, waitMs) };
  }
  if (isTransient(answer.status) && transientRetries && counts.transient < policy.backoffMs.length) {
    const waitMs = retryAfterMs(answer.headers, policy.backoffMs[counts.transient]);
    return { reason: 'transient', waitMs: Math.min(policy.maxRetryAfterMs, waitMs) };
  }
  return undefined;
}
