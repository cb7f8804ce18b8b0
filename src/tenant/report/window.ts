/** Report windows: whole UTC days ending at the start of today (docs/contracts.md §9's example), and the one before. */
import type { ReportWindow } from './types';

const DAY_MS = 86_400_000;

export const MIN_DAYS = 1;
export const MAX_DAYS = 30;
export const DEFAULT_DAYS = 7;

/** The last `days` complete UTC days before `now`. */
export function reportWindow(now: Date, days: number): ReportWindow {
  const to = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  return { from: new Date(to - days * DAY_MS).toISOString(), to: new Date(to).toISOString() };
}

/** The window of the same length just before `window`. */
export function previousWindow(window: ReportWindow): ReportWindow {
  const from = Date.parse(window.from);
  const length = Date.parse(window.to) - from;
  return { from: new Date(from - length).toISOString(), to: window.from };
}

/** Every UTC date (YYYY-MM-DD) the window touches, in order. */
export function daysOf(window: ReportWindow): string[] {
  const dates: string[] = [];
  const end = Date.parse(window.to);
  for (let t = Math.floor(Date.parse(window.from) / DAY_MS) * DAY_MS; t < end; t += DAY_MS) {
    dates.push(new Date(t).toISOString().slice(0, 10));
  }
  return dates;
}

export const inWindow = (time: string, window: ReportWindow): boolean => {
  const t = Date.parse(time);
  return t >= Date.parse(window.from) && t < Date.parse(window.to);
};
