/**
 * `requests/seconds` quotas such as GRAPH_REPORTS_QUOTA and
 * SANDBOX_REPORTS_QUOTA (docs/contracts.md §1, §5): one parser for the bot and the
 * sandbox, so both read `5/10` the same way.
 */
export interface Quota {
  requests: number;
  periodMs: number;
}

/** Graph's identity-and-access reports limit as the service-limits page states it (docs/graph-facts.md §16). */
export const GRAPH_REPORTS_DEFAULT: Quota = { requests: 5, periodMs: 10_000 };

const FORM = /^\s*(\d{1,4})\s*\/\s*(\d{1,5}(?:\.\d+)?)\s*$/;

/** `5/10` → 5 requests per 10 s; null when the text is not of that form or either number is 0. */
export function parseQuota(text: string): Quota | null {
  const match = FORM.exec(text);
  if (!match) return null;
  const requests = Number(match[1]);
  const periodMs = Math.round(Number(match[2]) * 1000);
  return requests > 0 && periodMs > 0 ? { requests, periodMs } : null;
}

export const quotaText = (quota: Quota): string => `${quota.requests}/${quota.periodMs / 1000}`;
