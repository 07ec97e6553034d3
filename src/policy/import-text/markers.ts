import type { MarkerShape, NumberingStyle } from './draft-types.js';
import { gojuonOrder, parseJapaneseNumber, toAsciiDigitsAndParentheses } from './japanese-numerals.js';

/** A numbering marker at the start of a line, and what follows it. */
export interface Marker {
  shape: MarkerShape;
  /** As written: `（２）`, `イ`, `第3条の2`. */
  written: string;
  /** The part a clause id uses: `2`, `イ`, `3の2`. */
  value: string;
  /** Position in its series: the number, or the place of a katakana in 五十音 order (ア = 1). */
  ordinal: number;
  /** 第3条の2 → 2. */
  branch?: number;
  /** 第3条（目的） → 目的. */
  caption?: string;
  /** The line's words after the marker (and caption), trimmed. */
  rest: string;
}

const numeral = '([0-9]+|[〇一二三四五六七八九十百]+)';
// After a bare marker (1, ア, 一) a space must follow: 「ア及びイのほか」 begins a sentence, not an item.
const spaced = /^[\s\u3000]+/;
// 「(1)の監視により」 at the start of a PDF line continues a sentence; 「(1)情報資産」 without a space is an item.
const particleAfterParenthesis = /^(?:[のにをはがでともへや及又若並]|ただし)/;

const katakanaValue = (c: string): string => c.normalize('NFKC');

const afterParenthesis = (rest: string): string | null => {
  if (rest === '' || spaced.test(rest)) return rest.trim();
  return particleAfterParenthesis.test(rest) ? null : rest.trim();
};

const readArticle = (line: string, ascii: string): Marker | null => {
  const head = new RegExp(`^第${numeral}条(?:の${numeral})?`).exec(ascii);
  if (!head) return null;
  const ordinal = parseJapaneseNumber(head[1] ?? '');
  if (ordinal === null) return null;
  const branch = head[2] === undefined ? undefined : (parseJapaneseNumber(head[2]) ?? undefined);
  let position = head[0].length;
  let caption: string | undefined;
  if (ascii[position] === '(') {
    const close = ascii.indexOf(')', position);
    if (close < 0) return null;
    caption = line.slice(position + 1, close).trim();
    position = close + 1;
  }
  const rest = line.slice(position);
  // 「第8条第1項に規定する」 at a line start is a citation, not an article.
  if (caption === undefined && rest !== '' && !spaced.test(rest)) return null;
  return {
    shape: 'article',
    written: line.slice(0, head[0].length),
    value: branch === undefined ? String(ordinal) : `${ordinal}の${branch}`,
    ordinal,
    ...(branch === undefined ? {} : { branch }),
    ...(caption === undefined ? {} : { caption }),
    rest: rest.trim(),
  };
};

/** Reads the numbering marker a trimmed line starts with, in the given style; null for running text. */
export function readMarker(line: string, style: NumberingStyle): Marker | null {
  const ascii = toAsciiDigitsAndParentheses(line);
  const make = (shape: MarkerShape, length: number, value: string, ordinal: number, rest: string): Marker => ({
    shape,
    written: line.slice(0, length),
    value,
    ordinal,
    rest,
  });
  if (style === 'article') {
    const article = readArticle(line, ascii);
    if (article) return article;
    const part = new RegExp(`^第${numeral}(章|節)(?=[\\s\\u3000]|$)`).exec(ascii);
    const ordinal = part ? parseJapaneseNumber(part[1] ?? '') : null;
    if (part && ordinal !== null) {
      const shape = part[2] === '章' ? 'chapter' : 'division';
      return make(shape, part[0].length, `第${ordinal}${part[2]}`, ordinal, line.slice(part[0].length).trim());
    }
    const kanji = /^([一二三四五六七八九十]+)[\s\u3000]+(?=\S)/.exec(ascii);
    const kanjiOrdinal = kanji ? parseJapaneseNumber(kanji[1] ?? '') : null;
    if (kanji && kanjiOrdinal !== null) return make('kanjiNumber', kanji[1]?.length ?? 0, String(kanjiOrdinal), kanjiOrdinal, line.slice(kanji[0].length).trim());
  } else {
    const dai = new RegExp(`^第${numeral}(?=[\\s\\u3000])`).exec(ascii);
    const ordinal = dai ? parseJapaneseNumber(dai[1] ?? '') : null;
    if (dai && ordinal !== null) return make('dai', dai[0].length, String(ordinal), ordinal, line.slice(dai[0].length).trim());
  }
  const bare = /^([0-9]+)[\s\u3000]+(?=\S)/.exec(ascii);
  if (bare) return make('number', bare[1]?.length ?? 0, String(Number(bare[1])), Number(bare[1]), line.slice(bare[0].length).trim());
  const parenNumber = /^\(([0-9]+)\)/.exec(ascii);
  if (parenNumber) {
    const rest = afterParenthesis(line.slice(parenNumber[0].length));
    if (rest !== null) return make('parenNumber', parenNumber[0].length, String(Number(parenNumber[1])), Number(parenNumber[1]), rest);
  }
  const katakana = /^([ア-ンｦ-ﾝ])[\s\u3000]+(?=\S)/.exec(ascii);
  if (katakana) {
    const value = katakanaValue(katakana[1] ?? '');
    return make('katakana', 1, value, gojuonOrder.indexOf(value) + 1, line.slice(katakana[0].length).trim());
  }
  const parenKatakana = /^\(([ア-ンｦ-ﾝ])\)/.exec(ascii);
  if (parenKatakana) {
    const rest = afterParenthesis(line.slice(parenKatakana[0].length));
    const value = katakanaValue(parenKatakana[1] ?? '');
    if (rest !== null) return make('parenKatakana', parenKatakana[0].length, value, gojuonOrder.indexOf(value) + 1, rest);
  }
  return null;
}

/** Chooses the numbering style: articles (第N条) when the text has more of them than 第N chapters. */
export function detectNumberingStyle(lines: readonly string[]): NumberingStyle {
  let articles = 0;
  let chapters = 0;
  for (const line of lines) {
    const trimmed = line.trim();
    if (readMarker(trimmed, 'article')?.shape === 'article') articles++;
    if (readMarker(trimmed, 'outline')?.shape === 'dai') chapters++;
  }
  return articles > 0 && articles >= chapters ? 'article' : 'outline';
}

/** How a marker of this shape is written, for messages: `(2)`, `イ`, `第3条`. */
export function formatMarker(shape: MarkerShape, value: string): string {
  switch (shape) {
    case 'dai':
      return `第${value}`;
    case 'article': {
      // 「3の2」 is written 第3条の2.
      const [number, branch] = value.split('の');
      return branch === undefined ? `第${value}条` : `第${number}条の${branch}`;
    }
    case 'chapter':
    case 'division':
      return value;
    case 'parenNumber':
    case 'parenKatakana':
      return `(${value})`;
    default:
      return value;
  }
}
