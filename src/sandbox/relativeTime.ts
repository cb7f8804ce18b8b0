/**
 * Fixture timestamps may be written relative to the server clock
 * (`now`, `now-3m`, `now+1h`, `now-6d`) so that the demo tenant always looks
 * recent. They are resolved when a response is built, never stored resolved.
 */

const RELATIVE_TIME = /^now(?:([+-])(\d+)([smhd]))?$/;

const UNIT_MS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Resolves a relative expression to ISO 8601 (`Z`); any other string is returned unchanged. */
export function resolveTime(value: string, now: Date): string {
  const match = RELATIVE_TIME.exec(value);
  if (!match) return value;
  const [, sign, amount, unit] = match;
  const offset = sign && amount && unit ? Number(amount) * (UNIT_MS[unit] ?? 0) * (sign === '-' ? -1 : 1) : 0;
  return new Date(now.getTime() + offset).toISOString();
}

/** The instant a fixture timestamp stands for, or null when it is not a timestamp. */
export function instantOf(value: unknown, now: Date): number | null {
  if (typeof value !== 'string') return null;
  const millis = Date.parse(resolveTime(value, now));
  return Number.isNaN(millis) ? null : millis;
}

/** Deep copy of a JSON value with every relative timestamp resolved. */
export function resolveRelativeTimes<T>(value: T, now: Date): T {
  if (typeof value === 'string') return resolveTime(value, now) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => resolveRelativeTimes(item, now)) as T;
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = resolveRelativeTimes(item, now);
    return copy as T;
  }
  return value;
}
