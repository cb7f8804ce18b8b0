/** The sweep for people: a summary (the CSV is in src/tenant/sweep/csv.ts). */
import type { SweepDocument } from '../tenant/sweep/types';
import type { Styler } from './style';

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
