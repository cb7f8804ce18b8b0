/** `report [--days N] [--json | --csv]` (docs/contracts.md §2): N is a whole number of days, 1–30. */
import { parseArgs } from 'node:util';
import { PasskeyDoctorError } from '../errors/catalog';
import { problemClause } from './problemClause';
import { parseDays, REPORT_DAYS_RANGE as RANGE } from '../input/reportDays';

export type ReportFormat = 'table' | 'json' | 'csv';
export interface ReportCommand {
  name: 'report';
  days: number;
  format: ReportFormat;
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
    throw new PasskeyDoctorError('USAGE', 'reportOptions', { problem: problemClause(error), ...RANGE });
  }
  return { name: 'report', days: value, format: json ? 'json' : csv ? 'csv' : 'table' };
}
