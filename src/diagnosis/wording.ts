/** Small phrasing helpers shared by the layers' messages. */

/** `a`, `a and b`, `a, b and c`. */
export function listOf(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** A time a technician reads, e.g. `2026-11-22 09:55 UTC`. */
export const utcText = (ms: number): string => `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

const plural = (n: number, unit: string): string => `${n} ${unit}${n === 1 ? '' : 's'}`;

/**
 * How long ago, in the coarsest unit that still reads naturally (`7 minutes`,
 * `3 hours`, `2 days`), rounded to the nearest: 2 h 59 min reads "3 hours".
 */
export function durationText(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 120) return plural(minutes, 'minute');
  const hours = Math.round(ms / 3_600_000);
  if (hours < 48) return plural(hours, 'hour');
  return plural(Math.round(ms / 86_400_000), 'day');
}
