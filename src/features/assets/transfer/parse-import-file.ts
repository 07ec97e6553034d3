import { Readable } from 'node:stream';
import { inflateRawSync } from 'node:zlib';
import { parse as parseCsv } from 'csv-parse/sync';
import { DomainError } from '../../../domain/errors.js';
import type { ImportFormat } from '../asset-rules.js';
import { assetErrors, nearLine } from '../errors.js';
import { fieldForHeader, headerKey } from './import-columns.js';
import type { ImportCell } from './import-values.js';

/** An uploaded 台帳 read into a header and data rows, with each row's number as the user sees it (1 = first). */
export interface ParsedSheet {
  format: ImportFormat;
  /** The row that holds the column headers (a title row or two above it is common in 台帳). */
  headerRow: number;
  headers: string[];
  rows: { row: number; cells: ImportCell[] }[];
}

export interface ParseOptions {
  /** More data rows than this refuses the file (the import is all or nothing, in one transaction). */
  maxRows: number;
  /** Headers an explicit mapping names: they count as known when looking for the header row. */
  extraHeaders?: readonly string[];
}

export const importLimits = {
  /** Upload size (also enforced by the multipart parser). */
  maxFileBytes: 20 * 1024 * 1024,
  maxRows: 50_000,
  /** What an xlsx may unpack to: 50,000 rows of 16 columns is far less; more is a zip bomb, not a 台帳. */
  maxUnpackedBytes: 300 * 1024 * 1024,
  maxZipEntries: 10_000,
  /** Columns of a row: a 台帳 has a few dozen; 100,000 is an attack, not a register. */
  maxColumns: 200,
  /** Characters of one cell: Excel's own limit. */
  maxCellCharacters: 32_767,
  /** How far down to look for the header row. */
  headerSearchRows: 10,
} as const;

/** The whole file refused as too large: its own size, what it unpacks to, or what reading it would need. */
export const fileTooLarge = () => assetErrors.E_IMPORT_FILE_TOO_LARGE.error({ max: importLimits.maxFileBytes / 1024 / 1024, unpacked: importLimits.maxUnpackedBytes / 1024 / 1024 });

const errors = {
  empty: () => assetErrors.E_IMPORT_EMPTY_FILE.error(),
  noRows: () => assetErrors.E_IMPORT_NO_ROWS.error(),
  tooManyRows: (max: number) => assetErrors.E_IMPORT_TOO_MANY_ROWS.error({ max }),
  unpackedTooLarge: fileTooLarge,
  tooManyColumns: (row: number, max: number) => assetErrors.E_IMPORT_TOO_MANY_COLUMNS.error({ row: String(row), max }),
  cellTooLong: (row: number, max: number) => assetErrors.E_IMPORT_CELL_TOO_LONG.error({ row: String(row), max }),
  unsupported: () => assetErrors.E_IMPORT_UNSUPPORTED_TYPE.error(),
  legacyXls: () => assetErrors.E_IMPORT_LEGACY_XLS.error(),
  notXlsx: () => assetErrors.E_IMPORT_NOT_XLSX.error(),
  shiftJis: () => assetErrors.E_IMPORT_SHIFT_JIS.error(),
  utf16: () => assetErrors.E_IMPORT_UTF16.error(),
  notUtf8: () => assetErrors.E_IMPORT_NOT_UTF8.error(),
  malformedCsv: (line: number | undefined) => assetErrors.E_IMPORT_MALFORMED_CSV.error({ near: nearLine(line) }),
};

const startsWith = (bytes: Buffer, signature: readonly number[]): boolean => signature.every((byte, i) => bytes[i] === byte);
const zipSignature = [0x50, 0x4b, 0x03, 0x04];
const oleSignature = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** Files people pick by mistake: images, PDF, gzip. Recognised by content, whatever their name says. */
const binarySignatures = [
  [0x89, 0x50, 0x4e, 0x47],
  [0xff, 0xd8, 0xff],
  [0x47, 0x49, 0x46, 0x38],
  [0x25, 0x50, 0x44, 0x46],
  [0x1f, 0x8b],
];

/**
 * Reads an uploaded 台帳. The kind is decided by the bytes, not the name: an xlsx is a zip holding
 * xl/workbook.xml; anything else must be UTF-8 text (BOM allowed) to be read as CSV. Refusals are specific, so
 * that a user who saved Shift_JIS or .xls learns what to do.
 */
export async function parseImportFile(bytes: Buffer, fileName: string, options: ParseOptions): Promise<ParsedSheet> {
  if (bytes.length === 0) throw errors.empty();
  if (startsWith(bytes, zipSignature)) return parseXlsx(bytes, options);
  if (startsWith(bytes, oleSignature)) throw errors.legacyXls();
  if (/\.xls[xm]?$/i.test(fileName) || binarySignatures.some((s) => startsWith(bytes, s))) throw errors.unsupported();
  return parseCsvBytes(bytes, options);
}

/** Decodes CSV bytes as UTF-8 (BOM allowed), or says which encoding it is instead. */
export function decodeCsvText(bytes: Buffer): string {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) throw errors.utf16();
  if (bytes.includes(0)) throw errors.unsupported();
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    // Excel on Japanese Windows saves "CSV (コンマ区切り)" in Shift_JIS (cp932): say so precisely.
    try {
      new TextDecoder('shift_jis', { fatal: true }).decode(bytes);
    } catch {
      throw errors.notUtf8();
    }
    throw errors.shiftJis();
  }
}

function parseCsvBytes(bytes: Buffer, options: ParseOptions): ParsedSheet {
  const text = decodeCsvText(bytes);
  if (text.trim() === '') throw errors.empty();
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  // A tab-separated export pasted into a .csv: its first line has tabs and no commas.
  const delimiter = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  let records: ImportCell[][];
  try {
    records = parseCsv(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: false,
      max_record_size: 1024 * 1024,
      // Refused as soon as a record is read, not after the whole file.
      on_record: (record: string[], context: { records: number }) => {
        boundedCells(context.records, record);
        return record;
      },
    });
  } catch (error) {
    if (error instanceof DomainError) throw error;
    const line = typeof error === 'object' && error !== null && 'lines' in error && typeof error.lines === 'number' ? error.lines : undefined;
    throw errors.malformedCsv(line);
  }
  // Excel shows each record as one row, so row numbers are record numbers (a quoted line break stays in its cell).
  const rows = records.map((cells, index) => ({ row: index + 1, cells: boundedCells(index + 1, cells) }));
  return sheetFromRows('csv', rows, options);
}

/** A row's cells, refused when there are more of them, or longer ones, than any 台帳 has. */
function boundedCells(row: number, cells: ImportCell[]): ImportCell[] {
  if (cells.length > importLimits.maxColumns) throw errors.tooManyColumns(row, importLimits.maxColumns);
  if (cells.some((cell) => typeof cell === 'string' && cell.length > importLimits.maxCellCharacters)) throw errors.cellTooLong(row, importLimits.maxCellCharacters);
  return cells;
}

/** Is a row empty (every cell blank)? Such rows are skipped, as Excel users leave gaps. */
const isBlankRow = (cells: readonly ImportCell[]): boolean => cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));

/**
 * Finds the header row among the first rows (the first with at least two known headers, else the first non-blank
 * row) and returns the rows below it, refusing more than `maxRows`.
 */
function sheetFromRows(format: ParsedSheet['format'], all: Iterable<{ row: number; cells: ImportCell[] }>, options: ParseOptions): ParsedSheet {
  const extra = new Set((options.extraHeaders ?? []).map(headerKey));
  const known = (cell: ImportCell) => typeof cell === 'string' && (fieldForHeader(cell) !== null || extra.has(headerKey(cell)));
  const leading: { row: number; cells: ImportCell[] }[] = [];
  let header: { row: number; cells: ImportCell[] } | undefined;
  const rows: ParsedSheet['rows'] = [];
  for (const entry of all) {
    if (isBlankRow(entry.cells)) continue;
    if (!header) {
      leading.push(entry);
      if (entry.cells.filter(known).length >= 2) header = entry;
      else if (leading.length >= importLimits.headerSearchRows) header = leading[0];
      if (header) rows.push(...leading.filter((r) => r.row > (header?.row ?? 0)));
      continue;
    }
    rows.push(entry);
    if (rows.length > options.maxRows) throw errors.tooManyRows(options.maxRows);
  }
  if (!header) {
    header = leading[0];
    if (!header) throw errors.empty();
    rows.push(...leading.filter((r) => r.row > (header?.row ?? 0)));
  }
  if (rows.length > options.maxRows) throw errors.tooManyRows(options.maxRows);
  if (rows.length === 0) throw errors.noRows();
  const headers = header.cells.map((cell) => (cell === null ? '' : typeof cell === 'string' ? cell.normalize('NFC').trim() : cell instanceof Date ? cell.toISOString().slice(0, 10) : typeof cell === 'object' ? '' : String(cell)));
  return { format, headerRow: header.row, headers, rows };
}

/**
 * The entries a zip's central directory lists, with their unpacked sizes: checked before the workbook is
 * unpacked, so that a zip bomb is refused without inflating it. Null when there is no readable directory.
 */
export function zipDirectory(bytes: Buffer): { names: string[]; unpackedBytes: number; entries: ZipEntry[] } | null {
  const endSignature = 0x06054b50;
  // The end record is 22 bytes plus a comment of at most 65,535.
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65_535); at -= 1) {
    if (bytes.readUInt32LE(at) !== endSignature) continue;
    const count = bytes.readUInt16LE(at + 10);
    let offset = bytes.readUInt32LE(at + 16);
    const names: string[] = [];
    const entries: ZipEntry[] = [];
    let unpackedBytes = 0;
    for (let i = 0; i < count; i += 1) {
      if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== 0x02014b50) return null;
      unpackedBytes += bytes.readUInt32LE(offset + 24);
      const nameLength = bytes.readUInt16LE(offset + 28);
      const extraLength = bytes.readUInt16LE(offset + 30);
      const commentLength = bytes.readUInt16LE(offset + 32);
      names.push(bytes.toString('utf8', offset + 46, offset + 46 + nameLength));
      entries.push({ method: bytes.readUInt16LE(offset + 10), compressedBytes: bytes.readUInt32LE(offset + 20), localHeader: bytes.readUInt32LE(offset + 42) });
      offset += 46 + nameLength + extraLength + commentLength;
    }
    return { names, unpackedBytes, entries };
  }
  return null;
}

interface ZipEntry {
  /** 0 stored, 8 deflated. */
  method: number;
  compressedBytes: number;
  localHeader: number;
}

/**
 * How many bytes the entries really unpack to, counted by inflating them with a ceiling: the sizes a zip's
 * directory declares may lie (a 3 MB file that declares 1,000 bytes and unpacks to 1.5 GB), and the reader
 * would then inflate without limit. Stops at `limit` and returns null; an entry that cannot be read counts as
 * damage (null too).
 */
export function inflatedSizeWithin(bytes: Buffer, entries: readonly ZipEntry[], limit: number): number | null {
  let total = 0;
  for (const entry of entries) {
    const at = entry.localHeader;
    if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== 0x04034b50) return null;
    const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
    const data = bytes.subarray(start, Math.min(bytes.length, start + entry.compressedBytes));
    if (entry.method === 0) {
      total += data.length;
    } else if (entry.method === 8) {
      try {
        total += inflateRawSync(data, { maxOutputLength: Math.max(1, limit - total + 1) }).length;
      } catch {
        return null; // over the ceiling (ERR_BUFFER_TOO_LARGE), or not a deflate stream
      }
    } else {
      return null;
    }
    if (total > limit) return null;
  }
  return total;
}

/** A cell of exceljs' reader as an ImportCell: rich text and hyperlinks become their text. */
export function excelCell(value: unknown): ImportCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value !== 'object') return null;
  if ('formula' in value || 'sharedFormula' in value) {
    const formula = 'formula' in value && typeof value.formula === 'string' ? value.formula : 'sharedFormula' in value && typeof value.sharedFormula === 'string' ? value.sharedFormula : '';
    return { formula };
  }
  if ('error' in value) return { error: String(value.error) };
  if ('richText' in value && Array.isArray(value.richText)) {
    return value.richText.map((part: unknown) => (typeof part === 'object' && part !== null && 'text' in part ? String(part.text) : '')).join('');
  }
  if ('text' in value) {
    const text: unknown = value.text;
    // A hyperlink's text may itself be rich text.
    return typeof text === 'string' ? text : excelCell(text);
  }
  return null;
}

async function parseXlsx(bytes: Buffer, options: ParseOptions): Promise<ParsedSheet> {
  const directory = zipDirectory(bytes);
  if (!directory || !directory.names.includes('xl/workbook.xml')) throw errors.notXlsx();
  if (directory.unpackedBytes > importLimits.maxUnpackedBytes || directory.names.length > importLimits.maxZipEntries) throw errors.unpackedTooLarge();
  if (inflatedSizeWithin(bytes, directory.entries, importLimits.maxUnpackedBytes) === null) throw errors.unpackedTooLarge();
  const rows: { row: number; cells: ImportCell[] }[] = [];
  try {
    // Streaming: a 50,000-row sheet is read row by row, not built as a workbook in memory. Styles are read so
    // that date cells come as dates; only the first sheet is the register (a template's notes sheet follows it).
    // exceljs is loaded on the first xlsx read (the worker that reads uploads; a CSV does without it).
    const { default: ExcelJS } = await import('exceljs');
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(bytes), { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
    for await (const sheet of reader) {
      let dataRows = 0;
      for await (const row of sheet) {
        const values = Array.isArray(row.values) ? row.values.slice(1) : [];
        if (values.length > importLimits.maxColumns) throw errors.tooManyColumns(row.number, importLimits.maxColumns);
        const cells = boundedCells(row.number, Array.from({ length: values.length }, (_, i) => excelCell(values[i])));
        if (isBlankRow(cells)) continue;
        rows.push({ row: row.number, cells });
        dataRows += 1;
        // The header and a few title rows above it, then at most maxRows: stop reading a runaway sheet early.
        if (dataRows > options.maxRows + importLimits.headerSearchRows) throw errors.tooManyRows(options.maxRows);
      }
      break;
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw errors.notXlsx();
  }
  return sheetFromRows('xlsx', rows, options);
}
