import type { Locale } from '../api/types.js';

/** 「情報セキュリティ責任者（総務課）」 in Japanese (full-width brackets), "Officer (General Affairs)" in English. */
export function withParenthesis(main: string, aside: string, locale: Locale): string {
  return locale === 'ja' ? `${main}（${aside}）` : `${main} (${aside})`;
}
