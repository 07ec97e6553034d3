import { describe, expect, it } from 'vitest';
import { endOfDayExclusiveIso, formatDate, startOfDayIso } from './dates.js';

describe('formatDate', () => {
  const firstDayOfReiwa = '2019-05-01T01:00:00Z';

  it('writes 令和元年 for the first year of Reiwa in 和暦', () => {
    expect(formatDate(firstDayOfReiwa, { locale: 'ja', calendar: 'japanese' })).toBe('令和元年5月1日');
  });

  it('switches era on the day the era changed (平成31年4月30日 → 令和元年5月1日)', () => {
    expect(formatDate('2019-04-30T01:00:00Z', { locale: 'ja', calendar: 'japanese' })).toBe('平成31年4月30日');
  });

  it('numbers later years of an era normally', () => {
    expect(formatDate('2025-04-01T00:00:00Z', { locale: 'ja', calendar: 'japanese' })).toBe('令和7年4月1日');
  });

  it('writes 平成元年 and 昭和64年 around 1989-01-08', () => {
    expect(formatDate('1989-01-07T03:00:00Z', { locale: 'ja', calendar: 'japanese' })).toBe('昭和64年1月7日');
    expect(formatDate('1989-01-08T03:00:00Z', { locale: 'ja', calendar: 'japanese' })).toBe('平成元年1月8日');
  });

  it('writes 西暦 dates in Japanese', () => {
    expect(formatDate(firstDayOfReiwa, { locale: 'ja', calendar: 'gregorian' })).toBe('2019年5月1日');
  });

  it('shows the time in Japan time, 24-hour', () => {
    expect(formatDate('2025-04-01T15:05:00Z', { locale: 'ja', calendar: 'gregorian' }, { withTime: true })).toBe(
      '2025年4月2日 00:05',
    );
    expect(formatDate('2025-04-01T15:05:00Z', { locale: 'ja', calendar: 'japanese' }, { withTime: true })).toBe(
      '令和7年4月2日 00:05',
    );
  });

  it('writes English dates with the era name when 和暦 is chosen', () => {
    expect(formatDate(firstDayOfReiwa, { locale: 'en', calendar: 'gregorian' })).toBe('1 May 2019');
    expect(formatDate(firstDayOfReiwa, { locale: 'en', calendar: 'japanese' })).toBe('1 May 1 Reiwa');
  });

  it('returns an empty text for an invalid date rather than "Invalid Date"', () => {
    expect(formatDate('not a date', { locale: 'ja', calendar: 'gregorian' })).toBe('');
  });
});

describe('day boundaries in Japan time', () => {
  it('starts a day at 00:00 JST and ends it (exclusively) at the next day 00:00 JST', () => {
    expect(startOfDayIso('2025-04-01')).toBe('2025-03-31T15:00:00.000Z');
    expect(endOfDayExclusiveIso('2025-04-01')).toBe('2025-04-01T15:00:00.000Z');
    expect(endOfDayExclusiveIso('2025-12-31')).toBe('2025-12-31T15:00:00.000Z');
  });
});
