/**
 * The weekly digest card's view model (docs/contracts.md §9 on a card): headline
 * numbers against the previous window, failures per day (bar chart) and by
 * cause (donut) each with a plain table beside it for clients that draw no
 * charts, the top authenticators, and the outreach list with a Diagnose
 * button per person. A button's data holds the digest id and a row number;
 * the server looks the person up, so the card carries no UPN in `data`.
 */
import type { RegistrationReport } from '../tenant/report/types';

/** The cause ids of src/tenant/report/reasons.ts in words. */
const CAUSE_WORDS: Record<string, string> = {
  'user-cancelled': 'Cancelled by the user',
  'timed-out': 'Timed out',
  'authenticator-not-allowed': 'Authenticator not allowed by the passkey profile',
  'attestation-failed': 'Attestation failed',
  'method-not-enabled': 'Passkey method not enabled for the user',
  'mfa-required': 'No recent MFA',
  'platform-unsupported': 'Unsupported device or browser',
  'no reason given': 'No reason logged',
};

export const causeWords = (cause: string): string => CAUSE_WORDS[cause] ?? cause;

/** Rows the card shows before pointing to the CLI; Teams cards stay readable and under the size limit. */
export const MAX_OUTREACH_ROWS = 10;
const MAX_DONUT_SLICES = 6;
const MAX_AUTHENTICATORS = 5;

const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function dayLabel(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  return `${DAY_NAMES[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
}

const shortDay = (date: string): string => `${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1]}`;

function trend(now: number, before: number, noun: string): string {
  if (now === before) return `${noun}: ${now}, same as the previous period`;
  return `${noun}: ${now} ${now > before ? '↑' : '↓'} from ${before}`;
}

function byCause(report: RegistrationReport): Array<{ legend: string; value: number }> {
  const sums = new Map<string, number>();
  for (const r of report.byReason) sums.set(r.cause, (sums.get(r.cause) ?? 0) + r.failures);
  const sorted = [...sums.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const shown = sorted.slice(0, MAX_DONUT_SLICES).map(([cause, value]) => ({ legend: causeWords(cause), value }));
  const rest = sorted.slice(MAX_DONUT_SLICES).reduce((s, [, v]) => s + v, 0);
  return rest ? [...shown, { legend: 'Other causes', value: rest }] : shown;
}

export function digestView(report: RegistrationReport, digestId: string) {
  const { totals, previous } = report;
  const rate = totals.attempts ? Math.round((totals.failures / totals.attempts) * 100) : 0;
  const days = report.byDay.length;
  const first = dayLabel(report.byDay[0]?.date ?? report.from.slice(0, 10));
  const last = dayLabel(report.byDay[days - 1]?.date ?? report.to.slice(0, 10));
  const causes = byCause(report);
  const fixes = report.byReason
    .filter((r) => r.layer !== null && r.fix)
    .map((r) => ({ cause: causeWords(r.cause), failures: r.failures, layer: `Layer ${r.layer}`, fix: r.fix ?? '' }));
  return {
    headline: {
      text: `${totals.failures} failed passkey registrations (${rate}%)`,
      color: totals.failures > previous.failures ? 'Attention' : 'Good',
      style: totals.failures > previous.failures ? 'attention' : 'good',
    },
    period: `${days === 7 ? 'Week' : `${days} days`} ${first} – ${last} (UTC), from ${report.source === 'graph' ? 'Microsoft Graph' : 'Log Analytics'}`,
    numbers: [
      { title: 'Attempts', value: `${totals.attempts} by ${totals.users} people` },
      { title: 'Failed', value: trend(totals.failures, previous.failures, 'failed') },
      { title: 'Succeeded', value: trend(totals.successes, previous.successes, 'succeeded') },
    ],
    hasFailures: totals.failures > 0,
    // Chart axes cut labels past about five characters: the date alone under each bar.
    bars: report.byDay.map((d) => ({ x: shortDay(d.date), y: d.failures })),
    dayRows: report.byDay.map((d) => ({ day: dayLabel(d.date), failures: String(d.failures), successes: String(d.successes) })),
    causes,
    causeRows: causes.map((c) => ({ cause: c.legend, failures: String(c.value) })),
    fixes,
    hasFixes: fixes.length > 0,
    authenticators: report.byAuthenticator
      .slice(0, MAX_AUTHENTICATORS)
      .map((a) => ({ name: a.name, failures: String(a.failures), successes: String(a.successes) })),
    outreach: report.outreach.slice(0, MAX_OUTREACH_ROWS).map((o, row) => ({
      person: o.userPrincipalName,
      detail: `${o.failures} failures, last: ${o.lastReason ?? 'no reason logged'}`,
      digestId,
      row,
    })),
    hasOutreach: report.outreach.length > 0,
    moreOutreach:
      report.outreach.length > MAX_OUTREACH_ROWS
        ? `and ${report.outreach.length - MAX_OUTREACH_ROWS} more: run "passkey-doctor report --json" for the full list.`
        : '',
    generatedAt: report.generatedAt,
  };
}
