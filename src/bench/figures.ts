/** How the benchmarks turn their samples into the figures they print. */

/** The middle sample (the upper of the two middle ones when the count is even). */
export const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The nearest-rank percentile (`p` in per cent): the smallest sample with at least p % of the samples at or below it; NaN for none. */
export function percentile(xs: number[], p: number): number {
  if (!xs.length) return Number.NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Bytes as whole mebibytes. */
export const mb = (bytes: number): number => Math.round(bytes / 1_048_576);

/** A table cell: the value padded to the column's width. */
export const pad = (s: string | number, n: number): string => String(s).padEnd(n);
