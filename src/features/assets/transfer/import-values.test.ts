import { describe, expect, it } from 'vitest';
import { shinjukuPolicy } from '../../../../test/helpers/app.js';
import { columnHeader, fieldForHeader, headerKey } from './import-columns.js';
import { cellText, looksLikeFormula, neutraliseFormula, parseCalendarDate, parseCriteria, parseKind, resolveLevel } from './import-values.js';

const policy = shinjukuPolicy();
const classOne = policy.classification?.levels.find((l) => l.id === 'class-1');
if (!classOne) throw new Error('the Shinjuku package has class-1');

describe('column headers', () => {
  it('reads the exported Japanese headers, the English ids and common 台帳 variants', () => {
    expect(fieldForHeader('名称')).toBe('name');
    expect(fieldForHeader('資産名')).toBe('name');
    expect(fieldForHeader('情報資産名')).toBe('name');
    expect(fieldForHeader('所管課')).toBe('department');
    expect(fieldForHeader('課等')).toBe('department');
    expect(fieldForHeader('重要性分類')).toBe('classLevel');
    expect(fieldForHeader('分類')).toBe('classLevel');
    expect(fieldForHeader('classLevel')).toBe('classLevel');
    expect(fieldForHeader('label_code')).toBe('labelCode');
    expect(fieldForHeader('Review due')).toBe('reviewDue');
  });

  it('ignores width, spaces and "required" marks', () => {
    expect(fieldForHeader('名称（必須）')).toBe('name');
    expect(fieldForHeader('※種別')).toBe('kind');
    expect(fieldForHeader(' 見直し 期限 ')).toBe('reviewDue');
    expect(fieldForHeader('ＮＡＭＥ')).toBe('name');
    expect(headerKey('資産名 (必須)')).toBe(headerKey('資産名'));
  });

  it('knows nothing of other headers and of columns Bansho writes itself', () => {
    expect(fieldForHeader('備考欄2')).toBeNull();
    expect(fieldForHeader('状態')).toBeNull();
    expect(fieldForHeader('更新日時')).toBeNull();
    expect(columnHeader('mediumCode')).toBe('記録媒体');
  });
});

describe('dates', () => {
  const day = (input: Parameters<typeof parseCalendarDate>[0]) => {
    const result = parseCalendarDate(input);
    return result.ok ? result.value : result.code;
  };

  it('reads ISO, slashes, dots, 年月日 and compact forms', () => {
    expect(day('2026-04-01')).toBe('2026-04-01');
    expect(day('2026/4/1')).toBe('2026-04-01');
    expect(day('2026.04.01')).toBe('2026-04-01');
    expect(day('2026年4月1日')).toBe('2026-04-01');
    expect(day('２０２６／４／１')).toBe('2026-04-01');
    expect(day('20260401')).toBe('2026-04-01');
    expect(day(20260401)).toBe('2026-04-01');
  });

  it('reads Excel date cells and serial numbers in a plausible range', () => {
    expect(day(new Date(Date.UTC(2026, 3, 1)))).toBe('2026-04-01');
    expect(day(46113)).toBe('2026-04-01');
    expect(day(2026)).toBe('E_IMPORT_INVALID_DATE');
  });

  it('reads 和暦, with 元年 and letters, and refuses a day before its era', () => {
    expect(day('令和8年4月1日')).toBe('2026-04-01');
    expect(day('R8.4.1')).toBe('2026-04-01');
    expect(day('令和元年5月1日')).toBe('2019-05-01');
    expect(day('平成31年4月30日')).toBe('2019-04-30');
    expect(day('H31.4.30')).toBe('2019-04-30');
    expect(day('令和元年4月1日')).toBe('E_IMPORT_INVALID_DATE');
    expect(day('平成31年5月1日')).toBe('E_IMPORT_INVALID_DATE');
    expect(day('昭和64年1月7日')).toBe('1989-01-07');
  });

  it('refuses days that do not exist and text that is no date; empty is none', () => {
    expect(day('2026-02-30')).toBe('E_IMPORT_INVALID_DATE');
    expect(day('2026-13-01')).toBe('E_IMPORT_INVALID_DATE');
    expect(day('来年度末')).toBe('E_IMPORT_INVALID_DATE');
    expect(day('')).toBeNull();
    expect(day(null)).toBeNull();
    expect(day('-')).toBeNull();
  });
});

describe('kinds and classes', () => {
  it('reads kinds by id, Japanese title and variants', () => {
    expect(parseKind('electronic_data')).toBe('electronic_data');
    expect(parseKind('電子データ')).toBe('electronic_data');
    expect(parseKind('紙')).toBe('paper');
    expect(parseKind('紙文書')).toBe('paper');
    expect(parseKind('システム')).toBe('system');
    expect(parseKind('ｿﾌﾄｳｪｱ')).toBe('software');
    expect(parseKind('家具')).toBeNull();
  });

  it('reads a level by id, title, the numeral alone and its number', () => {
    for (const text of ['class-1', '重要性分類Ⅰ', '重要性分類I', 'Ⅰ', 'I', '1', 'Class I', 'ｃｌａｓｓ－１']) expect(resolveLevel(policy, text)?.id, text).toBe('class-1');
    for (const text of ['重要性分類Ⅱ', 'Ⅱ', 'II', '2', 'class-2']) expect(resolveLevel(policy, text)?.id, text).toBe('class-2');
    expect(resolveLevel(policy, 'Ⅲ')).toBeUndefined();
    expect(resolveLevel(policy, '極秘')).toBeUndefined();
  });

  it('reads criteria by letter, bracketed letter, id, clause and whole text, in the scheme order', () => {
    expect(parseCriteria(classOne, 'ウ、ア')).toEqual({ ids: ['resident-impact', 'trust-harm'], unknown: [] });
    expect(parseCriteria(classOne, '(ア)\n（オ）')).toEqual({ ids: ['resident-impact', 'passwords-config'], unknown: [] });
    expect(parseCriteria(classOne, 'secret-by-law, 2.3.1.エ')).toEqual({ ids: ['secret-by-law', 'hard-to-restore'], unknown: [] });
    // The whole text holds 、 itself: it must not be split.
    const whole = '漏えいした場合、個人又は法人その他の団体の利益を害する等区に対する信頼を害するおそれのある情報資産';
    expect(parseCriteria(classOne, `${whole}、ア`)).toEqual({ ids: ['resident-impact', 'trust-harm'], unknown: [] });
    expect(parseCriteria(classOne, 'ア、カ')).toEqual({ ids: ['resident-impact'], unknown: ['カ'] });
  });
});

describe('formula injection', () => {
  it('knows what a spreadsheet would evaluate', () => {
    for (const text of ['=1+1', '+81', '-2', '@SUM(A1)', '\tcmd', '\rcmd']) expect(looksLikeFormula(text), JSON.stringify(text)).toBe(true);
    for (const text of ['住民票', '1+1', 'a=b', '＝全角', '']) expect(looksLikeFormula(text), text).toBe(false);
  });

  it('neutralises such text for CSV with a leading quote, leaving others alone', () => {
    expect(neutraliseFormula('=HYPERLINK("http://x","y")')).toBe(`'=HYPERLINK("http://x","y")`);
    expect(neutraliseFormula('@cmd')).toBe(`'@cmd`);
    expect(neutraliseFormula('住民票')).toBe('住民票');
  });

  it('refuses formula cells, formula-like text and error values on import, each with its own code', () => {
    const code = (cell: Parameters<typeof cellText>[0]) => {
      const result = cellText(cell);
      return result.ok ? result.value : result.code;
    };
    expect(code({ formula: 'SUM(A1:A3)' })).toBe('E_IMPORT_FORMULA');
    expect(code('=cmd|"/c calc"!A1')).toBe('E_IMPORT_FORMULA_TEXT');
    expect(code(' +81-3-0000 ')).toBe('E_IMPORT_FORMULA_TEXT');
    expect(code({ error: '#N/A' })).toBe('E_IMPORT_CELL_ERROR');
    expect(code('a\u0000b')).toBe('E_IMPORT_UNSTORABLE_TEXT');
    // A lone dash is how a hand-kept register says "none".
    expect(code('-')).toBe('');
    expect(code('ｶﾞ'.normalize('NFD'))).toBe('ｶﾞ'.normalize('NFC'));
    expect(code(42)).toBe('42');
  });
});
