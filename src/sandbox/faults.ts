/**
 * Fault injection for tests and benchmarks: latency per round trip, and
 * rules that answer matching requests (top-level or inside a batch) with a
 * Graph error instead of the real response.
 */
import { z } from 'zod';
import { GraphError } from './graphErrors';
import type { Licence } from './exchange';
import { GRAPH_REPORTS_DEFAULT, parseQuota, type Quota } from '../config/quota';
import { PasskeyDoctorError } from '../errors/catalog';

function isRegExp(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}

const faultRuleSchema = z.object({
  /** Regular expression tested against the path without version and query, as sent (e.g. `^/auditLogs/signIns`). */
  match: z.string().refine(isRegExp, 'match must be a regular expression'),
  method: z.string().optional(),
  status: z.union([z.literal(429), z.literal(403), z.literal(500), z.literal(503), z.literal(504)]),
  /** The rule answers this many requests, then stops. Unlimited when absent. */
  times: z.number().int().positive().optional(),
  /** Sent as `Retry-After` (seconds; may be fractional). */
  retryAfterSeconds: z.number().nonnegative().optional(),
  code: z.string().optional(),
  message: z.string().optional(),
});

const quotaSchema = z.object({ requests: z.number().int().positive(), periodMs: z.number().positive() });

export const faultPlanSchema = z.object({
  /** Added to every top-level HTTP request (a round trip), not to inner batch requests. */
  latencyMs: z.number().nonnegative().optional(),
  /**
   * Graph's identity-and-access reports limit, enforced on `/auditLogs/*` and
   * `/reports/*` (inner batch requests counted one by one): the default is
   * Graph's 5 per 10 s; `off` lifts it.
   */
  reportsQuota: z.union([z.literal('off'), quotaSchema]).optional(),
  rules: z.array(faultRuleSchema).optional(),
  /** `free` makes the sign-in logs answer 403 as in a tenant without Entra ID P1. */
  licence: z.enum(['P1', 'free']).optional(),
});

export type FaultRule = z.infer<typeof faultRuleSchema>;
export type FaultPlan = z.infer<typeof faultPlanSchema>;

const DEFAULT_ERRORS: Record<FaultRule['status'], { code: string; message: string }> = {
  429: { code: 'TooManyRequests', message: 'Please retry again later.' },
  403: { code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' },
  500: { code: 'generalException', message: 'General exception while processing.' },
  503: { code: 'serviceNotAvailable', message: 'The service is temporarily unavailable. Please retry later.' },
  504: { code: 'gatewayTimeout', message: 'The gateway did not receive a timely response from the upstream server.' },
};

interface ActiveRule {
  rule: FaultRule;
  pattern: RegExp;
  remaining: number;
}

const REPORTS_PATH = /^\/(auditLogs|reports)\//i;

export class FaultInjector {
  private active: ActiveRule[] = [];
  private latency = 0;
  private quota: Quota | null = GRAPH_REPORTS_DEFAULT;
  /** When each admitted reports request arrived, oldest first (a sliding window, like Graph's). */
  private admitted: number[] = [];

  constructor(plan: FaultPlan = {}) {
    this.set(plan);
  }

  /** Replaces latency and rules (a fresh count for every `times`). */
  set(plan: FaultPlan): void {
    const parsed = faultPlanSchema.parse(plan);
    this.latency = parsed.latencyMs ?? 0;
    this.quota = parsed.reportsQuota === 'off' ? null : (parsed.reportsQuota ?? GRAPH_REPORTS_DEFAULT);
    this.admitted = [];
    this.active = (parsed.rules ?? []).map((rule) => ({
      rule,
      pattern: new RegExp(rule.match),
      remaining: rule.times ?? Number.POSITIVE_INFINITY,
    }));
  }

  get latencyMs(): number {
    return this.latency;
  }

  /** Graph's throttling answer when a reports request would exceed the quota; admits it otherwise. */
  private quotaFault(path: string, now: number): GraphError | null {
    if (!this.quota || !REPORTS_PATH.test(path)) return null;
    while (this.admitted.length && this.admitted[0] <= now - this.quota.periodMs) this.admitted.shift();
    if (this.admitted.length < this.quota.requests) {
      this.admitted.push(now);
      return null;
    }
    const seconds = Math.max(0.001, (this.admitted[0] + this.quota.periodMs - now) / 1000);
    return new GraphError(429, DEFAULT_ERRORS[429].code, DEFAULT_ERRORS[429].message, { 'Retry-After': seconds.toFixed(3).replace(/\.?0+$/, '') });
  }

  /** The error a matching rule injects (using up one of its `times`), or the reports quota's 429, or null. */
  faultFor(method: string, path: string, now = Date.now()): GraphError | null {
    const injected = this.injected(method, path);
    return injected ?? this.quotaFault(path, now);
  }

  private injected(method: string, path: string): GraphError | null {
    const hit = this.active.find(
      ({ rule, pattern, remaining }) =>
        remaining > 0 && (rule.method === undefined || rule.method.toUpperCase() === method) && pattern.test(path),
    );
    if (!hit) return null;
    hit.remaining -= 1;
    const { rule } = hit;
    const defaults = DEFAULT_ERRORS[rule.status];
    const headers: Record<string, string> =
      rule.retryAfterSeconds === undefined ? {} : { 'Retry-After': String(rule.retryAfterSeconds) };
    return new GraphError(rule.status, rule.code ?? defaults.code, rule.message ?? defaults.message, headers);
  }
}

/**
 * The initial plan for an out-of-process sandbox: `SANDBOX_LATENCY_MS`
 * (milliseconds), `SANDBOX_LICENCE` (`P1` or `free`) and
 * `SANDBOX_REPORTS_QUOTA` (`5/10` by default, `off`). A bad value throws
 * an Error naming the variable.
 */
export function faultPlanFromEnv(env: NodeJS.ProcessEnv): FaultPlan {
  const plan: FaultPlan = {};
  const latency = env['SANDBOX_LATENCY_MS'];
  if (latency !== undefined && latency !== '') {
    const value = Number(latency);
    if (!Number.isFinite(value) || value < 0) {
      throw new PasskeyDoctorError('SANDBOX_INVALID', 'latency', { value: latency });
    }
    plan.latencyMs = value;
  }
  const licence = env['SANDBOX_LICENCE'];
  if (licence !== undefined && licence !== '') {
    if (licence !== 'P1' && licence !== 'free') {
      throw new PasskeyDoctorError('SANDBOX_INVALID', 'licence', { value: licence });
    }
    plan.licence = licence satisfies Licence;
  }
  const quota = env['SANDBOX_REPORTS_QUOTA'];
  if (quota !== undefined && quota !== '') {
    const parsed = quota.trim().toLowerCase() === 'off' ? 'off' : parseQuota(quota);
    if (!parsed) throw new PasskeyDoctorError('SANDBOX_INVALID', 'reportsQuota', { value: quota });
    plan.reportsQuota = parsed;
  }
  return plan;
}
