/** The sweep for people (a summary) and for spreadsheets (CSV, one line per member). */
import type { SweepDocument, SweepUser } from '../tenant/sweep/types';
import type { Styler } from './style';

export const CSV_HEADER = 'userPrincipalName,displayName,id,outcome,rootCauseLayer,rootCauseCode,hasPasskey,reason';

/** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. A leading =,+,-,@ is defused for spreadsheets. */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(user: SweepUser): string {
  return [
    user.userPrincipalName,
    user.displayName,
    user.id,
    user.outcome,
    user.rootCause?.layer,
    user.rootCause?.code,
    user.hasPasskey,
    user.reason,
  ].map(csvField).join(',') + '\r\n';
}

export function renderSweep(doc: SweepDocument, style: Styler): string {
  const lines = [
    style('bold', `Sweep of ${doc.group.displayName} (${doc.group.members.toLocaleString('en-GB')} user members), layers 1-3`),
    '',
    ...Object.entries(doc.summary).map(([outcome, count]) => `  ${outcome.padEnd(12)} ${String(count).padStart(8)}`),
    '',
    ...(doc.byCause.length ? ['Blocking causes:', ...doc.byCause.map((c) => `  ${c.code.padEnd(40)} layer ${c.layer} ${String(c.count).padStart(8)}`), ''] : []),
    ...doc.notes.map((n) => style('yellow', n)),
    `Graph: ${doc.graph.requests} requests (${doc.graph.reportsRequests} reports), ${doc.graph.roundTrips} round trips, ${(doc.graph.ms / 1000).toFixed(1)} s. Use --csv for every member.`,
  ];
  return lines.join('\n') + '\n';
}
