/** `report [--days N] [--json | --csv]` (docs/contracts.md §2): N is a whole number of days, 1–30. */
import { parseArgs } from 'node:util';
import { PasskeyDoctorError } from '../errors/catalog';
import { DEFAULT_DAYS, MAX_DAYS, MIN_DAYS } from '../tenant/report/window';

export type ReportFormat = 'table' | 'json' | 'csv';
export interface ReportCommand {
  name: 'report';
  days: number;
  format: ReportFormat;
}

const HOW = `run "passkey-doctor report [--days N] [--json | --csv]" with N from ${MIN_DAYS} to ${MAX_DAYS}`;

/** A days value from the CLI or the bot; throws a usage error naming the range. */
export function parseDays(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_DAYS;
  const text = raw.trim();
  const days = /^\d{1,3}$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(days) || days < MIN_DAYS || days > MAX_DAYS) {
    const got = text.slice(0, 20);
    throw new PasskeyDoctorError('USAGE', `the number of days must be a whole number from ${MIN_DAYS} to ${MAX_DAYS}, got "${got}".`);
  }
  return days;
}

export function parseReportArgs(rest: string[]): ReportCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      strict: true,
      allowPositionals: false,
      options: { days: { type: 'string' }, json: { type: 'boolean' }, csv: { type: 'boolean' } },
    });
  } catch (error) {
    throw new PasskeyDoctorError('USAGE', `${(error as Error).message.split('\n')[0].replace(/\.$/, '')}; ${HOW}.`);
  }
  const { days, json, csv } = parsed.values;
  if (json && csv) throw new PasskeyDoctorError('USAGE', `--json and --csv cannot be used together; ${HOW}.`);
  let value: number;
  try {
    value = parseDays(days);
  } catch (error) {
    throw new PasskeyDoctorError('USAGE', `${(error as Error).message.replace(/\.$/, '')}; ${HOW}.`);
  }
  return { name: 'report', days: value, format: json ? 'json' : csv ? 'csv' : 'table' };
}
