/**
 * Fault injection for tests and benchmarks: latency per round trip, and
 * rules that answer matching requests (top-level or inside a batch) with a
 * Graph error instead of the real response.
 */
import { z } from 'zod';
import { GraphError } from './graphErrors';
import type { Licence } from './exchange';

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

export const faultPlanSchema = z.object({
  /** Added to every top-level HTTP request (a round trip), not to inner batch requests. */
  latencyMs: z.number().nonnegative().optional(),
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

export class FaultInjector {
  private active: ActiveRule[] = [];
  private latency = 0;

  constructor(plan: FaultPlan = {}) {
    this.set(plan);
  }

  /** Replaces latency and rules (a fresh count for every `times`). */
  set(plan: FaultPlan): void {
    const parsed = faultPlanSchema.parse(plan);
    this.latency = parsed.latencyMs ?? 0;
    this.active = (parsed.rules ?? []).map((rule) => ({
      rule,
      pattern: new RegExp(rule.match),
      remaining: rule.times ?? Number.POSITIVE_INFINITY,
    }));
  }

  get latencyMs(): number {
    return this.latency;
  }

  /** The error a matching rule injects (using up one of its `times`), or null. */
  faultFor(method: string, path: string): GraphError | null {
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
 * (milliseconds) and `SANDBOX_LICENCE` (`P1` or `free`). A bad value throws
 * an Error naming the variable.
 */
export function faultPlanFromEnv(env: NodeJS.ProcessEnv): FaultPlan {
  const plan: FaultPlan = {};
  const latency = env['SANDBOX_LATENCY_MS'];
  if (latency !== undefined && latency !== '') {
    const value = Number(latency);
    if (!Number.isFinite(value) || value < 0) {
      throw new Error(`SANDBOX_LATENCY_MS must be a number of milliseconds ≥ 0, got '${latency}'.`);
    }
    plan.latencyMs = value;
  }
  const licence = env['SANDBOX_LICENCE'];
  if (licence !== undefined && licence !== '') {
    if (licence !== 'P1' && licence !== 'free') {
      throw new Error(`SANDBOX_LICENCE must be 'P1' or 'free', got '${licence}'.`);
    }
    plan.licence = licence satisfies Licence;
  }
  return plan;
}
