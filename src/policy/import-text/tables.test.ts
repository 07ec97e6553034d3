import { describe, expect, it } from 'vitest';
import { isTableLine, parseTable } from './tables.js';

const lines = (...texts: string[]) => texts.map((text, index) => ({ text, line: index + 1 }));

describe('parseTable', () => {
  it('reads Word cells, one per tab-indented line, rows between blank lines, with a header row', () => {
    expect(parseTable(lines('\t区分', '\t内容', '', '\t区域Ⅰ', '\tサーバ室', '', '\t区域Ⅱ', '\t事務室', ''))).toEqual({
      header: ['区分', '内容'],
      rows: [
        { key: 'Ⅰ', cells: ['区域Ⅰ', 'サーバ室'], line: 4 },
        { key: 'Ⅱ', cells: ['区域Ⅱ', '事務室'], line: 7 },
      ],
    });
  });

  it('reads one row per line when cells are separated by tabs', () => {
    expect(parseTable(lines('分類Ⅰ\t秘密\t施錠保管', '分類Ⅱ\tその他\t通常保管'))).toEqual({
      rows: [
        { key: 'Ⅰ', cells: ['分類Ⅰ', '秘密', '施錠保管'], line: 1 },
        { key: 'Ⅱ', cells: ['分類Ⅱ', 'その他', '通常保管'], line: 2 },
      ],
    });
  });

  it('keeps every row, without a header, when no row has a Roman numeral', () => {
    expect(parseTable(lines('a\tb', 'c\td'))).toEqual({ rows: [{ cells: ['a', 'b'], line: 1 }, { cells: ['c', 'd'], line: 2 }] });
  });
});

describe('isTableLine', () => {
  it('takes tab-indented cells and tab-separated rows, not tab-indented numbered items', () => {
    const isMarker = (text: string) => text.startsWith('(1)');
    expect(isTableLine('\t管理区域Ⅰ', isMarker)).toBe(true);
    expect(isTableLine('区分\t内容', isMarker)).toBe(true);
    expect(isTableLine('\t(1)　職員は、…', isMarker)).toBe(false);
    expect(isTableLine('職員は、守る。', isMarker)).toBe(false);
  });
});
