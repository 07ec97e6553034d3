import type { SourceLine } from './draft-types.js';

/** One row of a table copied from Word: its cells and, when the first cell names one, its Roman numeral. */
export interface TableRow {
  /** Ⅰ in 「管理区域Ⅰ」: the row's name in clause ids; absent when the row has none. */
  key?: string;
  cells: string[];
  line: number;
}

export interface ParsedTable {
  header?: string[];
  rows: TableRow[];
}

const romanNumerals = /[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ]/g;

/**
 * True for a line that belongs to a table: Word puts each cell on its own tab-indented line, or a whole
 * row on one line with tabs between cells. `isMarker` keeps tab-indented numbered items out of tables.
 */
export function isTableLine(raw: string, isMarker: (trimmed: string) => boolean): boolean {
  if (/\S\t+\S/.test(raw.trim())) return true;
  return raw.startsWith('\t') && raw.trim() !== '' && !isMarker(raw.trim());
}

/**
 * Reads a table from its lines (blank lines included). One row per line when lines hold several
 * tab-separated cells; otherwise rows are the runs of single-cell lines between blank lines.
 * A first row without a Roman numeral above rows with one is the header.
 */
export function parseTable(lines: readonly SourceLine[]): ParsedTable {
  const cellsOf = (text: string) =>
    text
      .split('\t')
      .map((cell) => cell.trim())
      .filter((cell) => cell !== '');
  const rowPerLine = lines.some((line) => cellsOf(line.text).length > 1);
  const rows: TableRow[] = [];
  let current: TableRow | undefined;
  for (const line of lines) {
    const cells = cellsOf(line.text);
    if (cells.length === 0) {
      current = undefined;
      continue;
    }
    if (rowPerLine || !current) {
      current = { cells: [...cells], line: line.line };
      rows.push(current);
      if (rowPerLine) current = undefined;
    } else current.cells.push(...cells);
  }
  for (const row of rows) {
    const numerals = row.cells[0]?.match(romanNumerals);
    if (numerals) row.key = numerals[numerals.length - 1];
  }
  const [first, ...others] = rows;
  if (first && first.key === undefined && others.length > 0 && others.some((row) => row.key !== undefined)) {
    return { header: first.cells, rows: others };
  }
  return { rows };
}
