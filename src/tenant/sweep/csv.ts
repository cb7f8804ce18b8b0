/** The members list for spreadsheets: one line per member, RFC 4180 quoting. Shared by the CLI and the bot's download. */
import type { SweepUser } from './types';

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

/** Header and lines, produced one at a time. */
export function* csvLines(users: Iterable<SweepUser>): Generator<string> {
  yield CSV_HEADER + '\r\n';
  for (const user of users) yield csvLine(user);
}
