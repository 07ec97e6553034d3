import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importText } from './import-text.js';
import { ImportTextError } from './import-text-error.js';

const refusal = (input: Uint8Array | string): ImportTextError => {
  try {
    importText(input);
  } catch (error) {
    if (error instanceof ImportTextError) return error;
    throw error;
  }
  throw new Error('the input was accepted');
};

// 「第1 総則」「1 目的」 (with full-width spaces) in Shift_JIS, as a file saved by an older Windows editor.
const shiftJis = Uint8Array.from([0x91, 0xe6, 0x31, 0x81, 0x40, 0x91, 0x8d, 0x91, 0xa5, 0x0a, 0x31, 0x81, 0x40, 0x96, 0xda, 0x93, 0x49, 0x0a]);

describe('input the importer refuses', () => {
  it('refuses an empty file, and one of blanks only', () => {
    expect(refusal(new Uint8Array())).toMatchObject({ code: 'E_EMPTY' });
    expect(refusal(Buffer.from(' \n\u3000\r\n\t\n'))).toMatchObject({ code: 'E_EMPTY' });
    expect(refusal('')).toMatchObject({ code: 'E_EMPTY' });
  });

  it('refuses binary content, naming the line of the first NUL byte', () => {
    const error = refusal(Buffer.from('第1　総則\n1　目的\nPK\u0003\u0004\u0000\u0000'));
    expect(error).toMatchObject({ code: 'E_BINARY', line: 3 });
    expect(error.message).toMatch(/^line 3: .*binary/);
  });

  it('refuses Shift_JIS and says so, without converting it', () => {
    // The bytes really are Shift_JIS: the test would prove nothing otherwise.
    expect(new TextDecoder('shift_jis').decode(shiftJis)).toBe('第1　総則\n1　目的\n');
    const error = refusal(shiftJis);
    expect(error).toMatchObject({ code: 'E_NOT_UTF8', line: 1 });
    expect(error.message).toContain('Shift_JIS');
    expect(error.message).toContain('iconv -f CP932 -t UTF-8');
  });

  it('names the line of the first invalid byte when only part of a file is not UTF-8', () => {
    const mixed = Buffer.concat([Buffer.from('第1　総則\n1　目的\n'), Buffer.from(shiftJis.subarray(10))]);
    const error = refusal(mixed);
    expect(error).toMatchObject({ code: 'E_NOT_UTF8', line: 3 });
    // Part UTF-8, part something else: no encoding is named, as any name would be a guess.
    expect(error.message).not.toContain('Shift_JIS');
  });

  it('refuses UTF-16', () => {
    expect(refusal(Buffer.from('\uFEFF第1　総則\n', 'utf16le'))).toMatchObject({ code: 'E_NOT_UTF8', line: 1 });
  });

  it('refuses text without any numbered item', () => {
    expect(refusal('情報セキュリティについて\n番号のない文章です。')).toMatchObject({ code: 'E_NO_CLAUSES' });
  });
});

describe('numbering the importer warns about', () => {
  it('reports ア followed by ウ with the line number, and still imports', () => {
    const standard = importText('第1　総則\n1　管理\nア　職員は、管理しなければならない。\nウ　職員は、報告しなければならない。\n');
    expect(standard.clauses.map((clause) => clause.id)).toEqual(['1', '1.1', '1.1.ア', '1.1.ウ']);
    expect(standard.warnings).toEqual([
      { code: 'numbering-jump', line: 4, message: 'line 4: ウ follows ア: イ is missing / 番号が飛んでいます: ア の次が ウ です（イ がありません）' },
    ]);
  });

  it('reports (1) followed by (3)', () => {
    const standard = importText('1　管理\n(1)　職員は、管理しなければならない。\n(3)　職員は、報告しなければならない。');
    expect(standard.warnings).toEqual([expect.objectContaining({ code: 'numbering-jump', line: 3, message: expect.stringContaining('(2) is missing') as unknown })]);
  });

  it('reports a series that starts late, and articles and paragraphs that skip', () => {
    const late = importText('1　管理\n(2)　職員は、管理しなければならない。');
    expect(late.warnings).toEqual([expect.objectContaining({ code: 'numbering-jump', line: 2, message: expect.stringContaining('(1) was expected') as unknown })]);
    const articles = importText('第1条　職員は、守らなければならない。\n第3条　職員は、報告しなければならない。\n2　前項の報告は、書面で行う。\n4　前2項の規定は、準用する。');
    expect(articles.warnings.map((warning) => [warning.code, warning.line])).toEqual([
      ['numbering-jump', 2],
      ['numbering-jump', 4],
    ]);
  });

  it('reports a repeated number and keeps the ids apart', () => {
    const standard = importText('1　管理\n(1)　a。\n(2)　b。\n(2)　c。');
    expect(standard.clauses.map((clause) => clause.id)).toEqual(['1', '1.1', '1.2', '1.2~2']);
    expect(standard.warnings).toEqual([expect.objectContaining({ code: 'numbering-repeat', line: 4 })]);
  });

  it('reads katakana in いろは order when a series starts with イ', () => {
    const standard = importText('第1条　次に掲げる事項を定める。\n一　管理\nイ　分類\nロ　表示\nハ　保管\n');
    expect(standard.warnings).toEqual([]);
    expect(standard.clauses.map((clause) => clause.id)).toEqual(['1', '1.1', '1.1.イ', '1.1.ロ', '1.1.ハ']);
  });

  it('warns about a 附則 date outside its era and one without an effective date', () => {
    const standard = importText('1　目的\nこの基準は、目的を定める。\n附　則(平成31年5月1日第1号)\nこの基準は、公布の日から施行する。\n附　則\nこの基準は、別に定める日から施行する。');
    expect(standard.warnings.map((warning) => [warning.code, warning.line])).toEqual([
      ['date-outside-era', 3],
      ['no-effective-date', 6],
    ]);
  });
});

describe('any input', () => {
  const fragments = ['第1　', '第2条', '（目的）', '1　', '2　', '(1)　', '（２）', 'ア　', '(イ)　', '一　', '\t', '\n', '\n\n', '。', '、', 'ただし、', 'この場合において、', 'しなければならない', '管理区域Ⅰ', '附　則', '附　則(平成17年3月30日第1号)', '令和元年5月1日から施行する', '- 3 -', '職員は', 'ネットワーク管理者'];

  it('gives a draft or a clear refusal, never a crash', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...fragments), fc.string()), { maxLength: 40 }), (parts) => {
        try {
          const standard = importText(parts.join(''));
          expect(new Set(standard.clauses.map((clause) => clause.id)).size).toBe(standard.clauses.length);
        } catch (error) {
          expect(error).toBeInstanceOf(ImportTextError);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('refuses or reads arbitrary bytes, never crashing', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        try {
          importText(bytes);
        } catch (error) {
          expect(error).toBeInstanceOf(ImportTextError);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('branch-numbered articles', () => {
  it('accepts 第3条の2 after 第3条 and reports 第3条の3 without 第3条の2', () => {
    const good = importText('第1条　a。\n第2条　b。\n第3条　c。\n第3条の2　d。\n第4条　e。');
    expect(good.warnings).toEqual([]);
    expect(good.clauses.map((clause) => clause.id)).toEqual(['1', '2', '3', '3の2', '4']);
    const skipped = importText('第1条　a。\n第2条　b。\n第3条　c。\n第3条の3　d。');
    expect(skipped.warnings).toEqual([expect.objectContaining({ code: 'numbering-jump', line: 4, message: expect.stringContaining('第3条の2 is missing') as unknown })]);
  });
});
