import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../domain/errors.js';
import { parseImportFile, zipDirectory } from './parse-import-file.js';
import { mapColumns } from './validate-import.js';

const options = { maxRows: 100 };
const utf8 = (text: string) => Buffer.from(text, 'utf8');

/** The code a refusal carries. */
async function refusal(bytes: Buffer, name: string, parseOptions = options): Promise<string> {
  try {
    await parseImportFile(bytes, name, parseOptions);
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  throw new Error('the file was accepted');
}

async function workbook(rows: unknown[][], build?: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('台帳');
  for (const row of rows) sheet.addRow(row);
  build?.(sheet);
  book.addWorksheet('メモ').addRow(['名称', '種別', 'ここは読まない']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('CSV files', () => {
  it('reads UTF-8 with and without BOM, quoted line breaks kept in their cell, row numbers as Excel shows them', async () => {
    const text = '資産名,種別,所管課\r\n住民票,電子データ,戸籍住民課\r\n\r\n"複数\n行",紙,税務課\r\n';
    for (const bytes of [utf8(text), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(text)])]) {
      const sheet = await parseImportFile(bytes, 'daicho.csv', options);
      expect(sheet.format).toBe('csv');
      expect(sheet.headers).toEqual(['資産名', '種別', '所管課']);
      expect(sheet.rows).toEqual([
        { row: 2, cells: ['住民票', '電子データ', '戸籍住民課'] },
        { row: 4, cells: ['複数\n行', '紙', '税務課'] },
      ]);
    }
  });

  it('finds the header below title rows', async () => {
    const sheet = await parseImportFile(utf8('情報資産台帳,,\r\n令和8年度,,\r\n名称,種別,課等\r\nA,紙,総務課\r\n'), 'a.csv', options);
    expect(sheet.headerRow).toBe(3);
    expect(sheet.rows).toEqual([{ row: 4, cells: ['A', '紙', '総務課'] }]);
  });

  it('reads a tab-separated file', async () => {
    const sheet = await parseImportFile(utf8('名称\t種別\nA\t紙\n'), 'a.txt', options);
    expect(sheet.headers).toEqual(['名称', '種別']);
  });

  it('refuses Shift_JIS, UTF-16, binary files, empty files and too many rows, each with its own code', async () => {
    // 名称,種別 / 住民票,紙 in Shift_JIS.
    const shiftJis = Buffer.from('96bc8fcc2c8ee095ca0d0a8fd796af955b2c8e860d0a', 'hex');
    expect(await refusal(shiftJis, 'daicho.csv')).toBe('E_IMPORT_SHIFT_JIS');
    expect(await refusal(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('名称,種別', 'utf16le')]), 'daicho.txt')).toBe('E_IMPORT_UTF16');
    expect(await refusal(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'daicho.xlsx')).toBe('E_IMPORT_UNSUPPORTED_TYPE');
    expect(await refusal(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'daicho.csv')).toBe('E_IMPORT_UNSUPPORTED_TYPE');
    expect(await refusal(Buffer.from('d0cf11e0a1b11ae1000000', 'hex'), 'daicho.xls')).toBe('E_IMPORT_LEGACY_XLS');
    expect(await refusal(utf8('名称,種別\r\n'), 'daicho.xlsx')).toBe('E_IMPORT_UNSUPPORTED_TYPE');
    expect(await refusal(Buffer.alloc(0), 'daicho.csv')).toBe('E_IMPORT_EMPTY_FILE');
    expect(await refusal(utf8('\r\n\r\n'), 'daicho.csv')).toBe('E_IMPORT_EMPTY_FILE');
    expect(await refusal(utf8('名称,種別\r\n'), 'daicho.csv')).toBe('E_IMPORT_NO_ROWS');
    expect(await refusal(utf8('名称,種別\r\n"a,紙\r\n'), 'daicho.csv')).toBe('E_IMPORT_MALFORMED_CSV');
    const many = `名称,種別\r\n${'A,紙\r\n'.repeat(11)}`;
    expect(await refusal(utf8(many), 'daicho.csv', { maxRows: 10 })).toBe('E_IMPORT_TOO_MANY_ROWS');
  });
});

describe('xlsx files', () => {
  it('reads the first sheet: text, rich text, numbers, dates, and formulas as formulas', async () => {
    const bytes = await workbook(
      [
        ['情報資産台帳'],
        [],
        ['名称', '種別', '見直し期限', '記録媒体', '備考'],
        [{ richText: [{ text: '住民' }, { text: '票' }] }, '電子データ', new Date(Date.UTC(2026, 3, 1)), 12, { formula: 'A4&"!"', result: '住民票!' }],
      ],
      (sheet) => {
        sheet.getColumn(3).numFmt = 'yyyy/mm/dd';
      },
    );
    const sheet = await parseImportFile(bytes, 'renamed.bin', options);
    expect(sheet.format).toBe('xlsx');
    expect(sheet.headerRow).toBe(3);
    expect(sheet.headers).toEqual(['名称', '種別', '見直し期限', '記録媒体', '備考']);
    expect(sheet.rows).toHaveLength(1);
    expect(sheet.rows[0]?.row).toBe(4);
    expect(sheet.rows[0]?.cells.slice(0, 4)).toEqual(['住民票', '電子データ', new Date(Date.UTC(2026, 3, 1)), 12]);
    expect(sheet.rows[0]?.cells[4]).toEqual({ formula: 'A4&"!"' });
  });

  it('refuses a zip that is not a workbook and a damaged workbook', async () => {
    const bytes = await workbook([['名称', '種別'], ['A', '紙']]);
    const directory = zipDirectory(bytes);
    expect(directory?.names).toContain('xl/workbook.xml');
    expect(directory?.unpackedBytes).toBeGreaterThan(0);
    // A zip without xl/workbook.xml (a renamed .docx, say).
    const renamed = Buffer.from(bytes.toString('latin1').replaceAll('xl/workbook.xml', 'xl/workbook.xmm'), 'latin1');
    expect(await refusal(renamed, 'a.xlsx')).toBe('E_IMPORT_NOT_XLSX');
    expect(await refusal(bytes.subarray(0, bytes.length - 200), 'a.xlsx')).toBe('E_IMPORT_NOT_XLSX');
  });
});

describe('column mapping', () => {
  it('maps known headers, lets an explicit mapping win, and ignores the rest', () => {
    const columns = mapColumns(['情報資産名', '区分', '重要性分類', '備考', ''], { 区分: 'kind', 重要性分類: null });
    expect(columns.map((c) => c.field)).toEqual(['name', 'kind', null, null, null]);
  });
});
