/** `report [--days N] [--json | --csv]` (docs/contracts.md §2): N is a whole number of days, 1–30. */
import { parseArgs } from 'node:util';
import { PasskeyDoctorError } from '../errors/catalog';
import { problemClause } from './problemClause';
import { DEFAULT_DAYS, MAX_DAYS, MIN_DAYS } from '../tenant/report/window';

export type ReportFormat = 'table' | 'json' | 'csv';
export interface ReportCommand {
  name: 'report';
  days: number;
  format: ReportFormat;
}

/** The range the usage sentences name. */
const RANGE = { min: MIN_DAYS, max: MAX_DAYS };

/** A days value from the CLI or the bot; throws a usage error naming the range. */
export function parseDays(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_DAYS;
  const text = raw.trim();
  const days = /^\d{1,3}$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(days) || days < MIN_DAYS || days > MAX_DAYS) {
    const got = text.slice(0, 20);
    throw new PasskeyDoctorError('USAGE', 'reportDays', { ...RANGE, got });
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
    throw new PasskeyDoctorError('USAGE', 'reportOptions', { problem: problemClause(error), ...RANGE });
  }
  const { days, json, csv } = parsed.values;
  if (json && csv) throw new PasskeyDoctorError('USAGE', 'reportFormats', RANGE);
  let value: number;
  try {
    value = parseDays(days);
  } catch (error) {
    throw new PasskeyDoctorError('USAGE', 'reportOptions', { problem: (error as Error).message.replace(/\.$/, ''), ...RANGE });
  }
  return { name: 'report', days: value, format: json ? 'json' : csv ? 'csv' : 'table' };
}
