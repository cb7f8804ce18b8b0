/** The registration report in a terminal: headline against the previous window, a bar per day, causes, authenticators, outreach. */
import { PasskeyDoctorError } from '../errors/catalog';
import type { RegistrationReport } from '../tenant/report/types';
import type { Styler } from './style';
import { csvField } from '../tenant/csv';

const BAR_WIDTH = 30;

function change(now: number, before: number): string {
  if (now === before) return 'same as the previous window';
  return `${now > before ? '↑' : '↓'} ${Math.abs(now - before)} vs the previous window (${before})`;
}

const pad = (text: string, width: number) => (text.length >= width ? text.slice(0, width) : text + ' '.repeat(width - text.length));

export function renderReport(report: RegistrationReport, style: Styler): string {
  const { totals } = report;
  const source = report.source === 'graph' ? 'Microsoft Graph' : 'Log Analytics';
  const failed = `${style('red', `${totals.failures} failed`)} (${change(totals.failures, report.previous.failures)})`;
  const succeeded = `${style('green', `${totals.successes} succeeded`)} (${change(totals.successes, report.previous.successes)})`;
  const lines = [
    style('bold', `Passkey registrations ${report.from.slice(0, 10)} – ${report.to.slice(0, 10)} (UTC, end exclusive), from ${source}`),
    `${totals.attempts} attempts by ${totals.users} people: ${failed}, ${succeeded}.`,
    '',
    style('bold', 'Failures per day'),
  ];
  const most = Math.max(1, ...report.byDay.map((d) => d.failures));
  for (const day of report.byDay) {
    const bar = style('red', '█'.repeat(Math.round((day.failures / most) * BAR_WIDTH)));
    lines.push(`  ${day.date}  ${bar} ${day.failures} failed, ${day.successes} ok`);
  }
  lines.push('', style('bold', 'Failures by cause'));
  if (report.byReason.length === 0) lines.push('  none');
  for (const r of report.byReason) {
    const where = r.layer ? ` — layer ${r.layer}: ${r.fix}` : '';
    const what = r.cause === r.reason ? r.reason : `${r.cause} ("${r.reason}")`;
    lines.push(`  ${String(r.failures).padStart(4)} × ${what} — ${r.users} ${r.users === 1 ? 'person' : 'people'}${where}`);
  }
  lines.push('', style('bold', 'Authenticators'), `  ${pad('name', 48)} failed  ok`);
  for (const a of report.byAuthenticator) {
    lines.push(`  ${pad(a.name, 48)} ${String(a.failures).padStart(6)} ${String(a.successes).padStart(3)}`);
  }
  lines.push('', style('bold', 'Reach out to (more than two failures)'));
  if (report.outreach.length === 0) lines.push('  nobody');
  for (const o of report.outreach) {
    lines.push(`  ${o.userPrincipalName}: ${o.failures} failures, last ${o.lastFailure} — ${o.lastReason ?? 'no reason given'}`);
  }
  const { requests, roundTrips, ms } = report.graph;
  lines.push('', style('grey', `Graph: ${requests} requests in ${roundTrips} round trip${roundTrips === 1 ? '' : 's'}, ${ms} ms.`));
  return lines.join('\n') + '\n';
}

/** With Log Analytics the workspace returns counts, not the rows the CSV lists. */
export const csvUnavailable = (): PasskeyDoctorError =>
  new PasskeyDoctorError('USAGE', 'reportCsvFromWorkspace');

export function renderReportCsv(report: RegistrationReport): string {
  if (!report.failedAttempts) throw csvUnavailable();
  const rows = [['time', 'user', 'activity', 'reason', 'authenticator']];
  for (const f of report.failedAttempts) rows.push([f.time, f.userPrincipalName ?? '', f.activity, f.reason ?? '', f.authenticator]);
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
