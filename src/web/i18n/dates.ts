import type { Calendar, Locale } from '../api/types.js';

/**
 * Records are a Japanese municipality's: show times in Japan time whatever the device says, so a
 * journal entry reads the same on every screen and in printed evidence.
 */
export const displayTimeZone = 'Asia/Tokyo';

export interface DateDisplay {
  locale: Locale;
  calendar: Calendar;
}

function formatter(display: DateDisplay, withTime: boolean): Intl.DateTimeFormat {
  const tag = display.locale === 'ja' ? 'ja-JP' : 'en-GB';
  const japanese = display.calendar === 'japanese';
  return new Intl.DateTimeFormat(japanese ? `${tag}-u-ca-japanese` : `${tag}-u-ca-gregory`, {
    timeZone: displayTimeZone,
    ...(japanese ? { era: 'long' } : {}),
    year: 'numeric',
    month: display.locale === 'ja' ? 'long' : 'short',
    day: 'numeric',
    ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
  });
}

/** Formats a date (and optionally the time) in 西暦 or 和暦; the first year of an era reads 元年. */
export function formatDate(value: Date | string, display: DateDisplay, options: { withTime?: boolean } = {}): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return '';
  const parts = formatter(display, options.withTime ?? false).formatToParts(date);
  return parts
    .map((part) =>
      // Older ICU data prints 令和1年; official usage (and newer ICU) writes 令和元年.
      display.locale === 'ja' && display.calendar === 'japanese' && part.type === 'year' && part.value === '1'
        ? '元'
        : part.value,
    )
    .join('');
}

/** Turns a calendar day picked in a date input (Japan time) into the instant it starts, as ISO 8601. */
export function startOfDayIso(day: string): string {
  return new Date(`${day}T00:00:00+09:00`).toISOString();
}

/**
 * The start of the following day in Japan time: the API's `to` is exclusive, so a range that ends on this
 * day includes all of it.
 */
export function endOfDayExclusiveIso(day: string): string {
  const start = new Date(`${day}T00:00:00+09:00`);
  return new Date(start.getTime() + 24 * 60 * 60 * 1000).toISOString();
}
