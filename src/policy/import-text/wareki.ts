import { parseJapaneseNumber } from './japanese-numerals.js';

/** Japanese eras since 1868 with the day each began (Gregorian); year 1 of an era is 元年. */
export const eras = [
  { name: '明治', start: '1868-10-23' },
  { name: '大正', start: '1912-07-30' },
  { name: '昭和', start: '1926-12-25' },
  { name: '平成', start: '1989-01-08' },
  { name: '令和', start: '2019-05-01' },
] as const;

/** A date found in text. */
export interface FoundDate {
  /** YYYY-MM-DD. */
  iso: string;
  /** Where the date stands in the searched text, and how long it is written. */
  index: number;
  length: number;
  /** Set when a 和暦 date falls outside its era (平成31年5月1日 does not exist: it is 令和元年5月1日). */
  outsideEra?: boolean;
}

const number = '(元|[0-9０-９]+|[〇一二三四五六七八九十百]+)';
const wareki = new RegExp(`(明治|大正|昭和|平成|令和)[\\s\\u3000]*${number}[\\s\\u3000]*年[\\s\\u3000]*${number}[\\s\\u3000]*月[\\s\\u3000]*${number}[\\s\\u3000]*日`);
const seireki = /([0-9０-９]{4})[\s\u3000]*年[\s\u3000]*([0-9０-９]{1,2})[\s\u3000]*月[\s\u3000]*([0-9０-９]{1,2})[\s\u3000]*日/;

const pad = (n: number) => String(n).padStart(2, '0');

const validDay = (year: number, month: number, day: number) => {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
};

/**
 * The first date in `text`, in 和暦 (平成15年4月1日, 令和元年5月1日, 平成十五年四月一日) or 西暦 (2003年4月1日),
 * as an ISO date; null when there is none or the day does not exist.
 */
export function findJapaneseDate(text: string): FoundDate | null {
  const w = wareki.exec(text);
  const s = seireki.exec(text);
  if (w && (!s || w.index <= s.index)) {
    const era = eras.findIndex((candidate) => candidate.name === w[1]);
    const eraYear = w[2] === '元' ? 1 : parseJapaneseNumber(w[2] ?? '');
    const month = parseJapaneseNumber(w[3] ?? '');
    const day = parseJapaneseNumber(w[4] ?? '');
    const start = eras[era]?.start;
    if (!start || eraYear === null || month === null || day === null || eraYear < 1) return null;
    const year = Number(start.slice(0, 4)) + eraYear - 1;
    if (!validDay(year, month, day)) return null;
    const iso = `${year}-${pad(month)}-${pad(day)}`;
    const next = eras[era + 1]?.start;
    const outsideEra = iso < start || (next !== undefined && iso >= next);
    return { iso, index: w.index, length: w[0].length, ...(outsideEra ? { outsideEra } : {}) };
  }
  if (s) {
    const [year, month, day] = [s[1], s[2], s[3]].map((part) => parseJapaneseNumber(part ?? '') ?? 0) as [number, number, number];
    if (!validDay(year, month, day)) return null;
    return { iso: `${year}-${pad(month)}-${pad(day)}`, index: s.index, length: s[0].length };
  }
  return null;
}
