/** The members list for spreadsheets: one line per member, RFC 4180 quoting. Shared by the CLI and the bot's download. */
import { csvField } from '../csv';
import type { SweepUser } from './types';

export const CSV_HEADER = 'userPrincipalName,displayName,id,outcome,rootCauseLayer,rootCauseCode,hasPasskey,reason';

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
