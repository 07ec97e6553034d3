import type { ActingContext } from './context.js';

/** The time zone Bansho reckons calendar dates in unless configured otherwise (`BANSHO_TIME_ZONE`). */
export const defaultTimeZone = 'Asia/Tokyo';

const formats = new Map<string, Intl.DateTimeFormat>();

/** The calendar date ('YYYY-MM-DD') it is at `at` in `timeZone`: what a person there would write as the date. */
export function calendarDateIn(at: Date, timeZone: string): string {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formats.set(timeZone, format);
  }
  return format.format(at);
}

/** Today, in the municipality's time zone: the date a calendar date of an act is compared with. */
export function today(ctx: Pick<ActingContext, 'now' | 'timeZone'>): string {
  return calendarDateIn(ctx.now, ctx.timeZone);
}

/** Whether a time zone name is one the runtime knows (a setting is checked at start). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
