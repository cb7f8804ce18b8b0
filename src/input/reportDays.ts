/** How many days a registration report covers, as typed to the CLI (`--days N`) or the bot (`report N`). */
import { PasskeyDoctorError } from '../errors/catalog';
import { DEFAULT_DAYS, MAX_DAYS, MIN_DAYS } from '../tenant/report/window';

/** The range the usage sentences name. */
export const REPORT_DAYS_RANGE = { min: MIN_DAYS, max: MAX_DAYS };

/** A days value; throws a usage error naming the range. */
export function parseDays(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_DAYS;
  const text = raw.trim();
  const days = /^\d{1,3}$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(days) || days < MIN_DAYS || days > MAX_DAYS) {
    const got = text.slice(0, 20);
    throw new PasskeyDoctorError('USAGE', 'reportDays', { ...REPORT_DAYS_RANGE, got });
  }
  return days;
}
