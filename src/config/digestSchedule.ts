/**
 * DIGEST_SCHEDULE (docs/contracts.md §1): `<weekday> <HH:MM> <IANA time zone>`, e.g.
 * `mon 09:00 Europe/London`, or `off`. Each scheduled instant opens a
 * "window" that lasts until the next one; the digest posts once per window.
 * Wall-clock times are converted through Intl, so daylight saving moves the
 * UTC instant, not the local hour.
 */
export const DIGEST_SCHEDULE_DEFAULT = 'mon 09:00 UTC';

export interface DigestSchedule {
  weekday: number;
  hour: number;
  minute: number;
  timeZone: string;
  /** As written, for messages. */
  text: string;
}

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const DAY_MS = 86_400_000;

function validTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The schedule, `off`, or an error sentence (without the variable's name) saying what is wrong. */
export function parseDigestSchedule(raw: string): DigestSchedule | 'off' | { error: string } {
  const text = raw.trim().replace(/\s+/g, ' ');
  if (text.toLowerCase() === 'off') return 'off';
  const match = /^([a-z]{3})[a-z]* (\d{1,2}):(\d{2})(?: (\S+))?$/i.exec(text);
  const weekday = match ? WEEKDAYS.indexOf(match[1].toLowerCase()) : -1;
  if (!match || weekday < 0) return { error: 'must be "<weekday> <HH:MM> <time zone>" such as "mon 09:00 Europe/London", or "off"' };
  const hour = Number(match[2]);
  const minute = Number(match[3]);
  if (hour > 23 || minute > 59) return { error: `has no such time of day "${match[2]}:${match[3]}"` };
  const timeZone = match[4] ?? 'UTC';
  if (!validTimeZone(timeZone)) {
    return { error: `names an unknown time zone "${timeZone}" (use an IANA name such as Europe/London or UTC)` };
  }
  return { weekday, hour, minute, timeZone, text };
}

/** How far the zone's wall clock is ahead of UTC at instant `t`, in ms. */
function offsetAt(t: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(t));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - Math.floor(t / 1000) * 1000;
}

/** The UTC instant of a wall-clock time in the zone (a time skipped by a DST jump lands just after it). */
function instantOf(wall: number, timeZone: string): number {
  const first = wall - offsetAt(wall, timeZone);
  return wall - offsetAt(first, timeZone);
}

/** The latest scheduled instant at or before `now`: the start of the window `now` is in. */
export function currentWindowStart(schedule: DigestSchedule, now: Date): Date {
  const nowMs = now.getTime();
  const localToday = Math.floor((nowMs + offsetAt(nowMs, schedule.timeZone)) / DAY_MS) * DAY_MS;
  for (let back = 0; back <= 8; back++) {
    const day = localToday - back * DAY_MS;
    if (new Date(day).getUTCDay() !== schedule.weekday) continue;
    const at = instantOf(day + (schedule.hour * 60 + schedule.minute) * 60_000, schedule.timeZone);
    if (at <= nowMs) return new Date(at);
  }
  // Unreachable: within 8 local days there is always a past occurrence.
  return new Date(nowMs - 7 * DAY_MS);
}
