import type { Bilingual } from '../../../domain/errors.js';
import { assetKinds, type AssetKind } from '../asset-rules.js';
import { assetErrors, problemOf, type AssetErrorCode } from '../errors.js';
import type { Policy } from '../../../policy/schema.js';
import type { ClassificationLevel } from '../classification.js';
import { assetKindTitles } from './import-columns.js';

/**
 * One cell of an uploaded sheet as the parser found it: text, a number, a date cell, a boolean, a formula (with
 * the expression Excel would evaluate) or an error value (#N/A). CSV cells are always text.
 */
export type ImportCell = null | string | number | boolean | Date | { formula: string } | { error: string };

/** A value read from a cell, or why it cannot be read (a stable code and a message in both languages). */
export type CellResult<T> = { ok: true; value: T } | { ok: false; code: AssetErrorCode; message: Bilingual };

const refuse = <T>(problem: { code: AssetErrorCode; message: Bilingual }): CellResult<T> => ({ ok: false, ...problem });

/**
 * Characters that make a spreadsheet treat a cell as a formula (=, +, -, @) or that some programs strip and then
 * evaluate what follows (tab, CR). OWASP "CSV injection".
 */
const formulaStart = /^[=+\-@\t\r]/;

/** Would a spreadsheet program read this text as a formula? */
export function looksLikeFormula(text: string): boolean {
  return formulaStart.test(text);
}

/**
 * A value for a CSV cell that no spreadsheet evaluates: text starting like a formula gets a leading single
 * quote, which Excel and LibreOffice show as text (the value is visibly marked, not silently changed).
 */
export function neutraliseFormula(text: string): string {
  return looksLikeFormula(text) ? `'${text}` : text;
}

// A cell holding only a dash or similar ("-", "－", "ー", "―", "─") is how 台帳 kept by hand say "none".
const placeholder = /^[-－ー―─‐]+$/;

/** YYYY-MM-DD of a date's UTC calendar day (exceljs gives date cells as UTC midnight). */
const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

/**
 * The text of a cell for a text field: trimmed, in Unicode NFC (as the API's input guard does), "-" read as
 * empty. Refused: formulas and error values (a computed cell is not a record), text that starts like a formula
 * (it would run when the file is opened again), and characters PostgreSQL cannot store.
 */
export function cellText(cell: ImportCell): CellResult<string> {
  if (cell === null) return { ok: true, value: '' };
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? refuse(problemOf(assetErrors.E_IMPORT_UNREADABLE_VALUE)) : { ok: true, value: isoDay(cell) };
  if (typeof cell === 'number') return { ok: true, value: String(cell) };
  if (typeof cell === 'boolean') return { ok: true, value: cell ? 'TRUE' : 'FALSE' };
  if (typeof cell === 'object' && 'formula' in cell) {
    return refuse(problemOf(assetErrors.E_IMPORT_FORMULA, { formula: cell.formula.slice(0, 40) }));
  }
  if (typeof cell === 'object') return refuse(problemOf(assetErrors.E_IMPORT_CELL_ERROR, { error: cell.error }));
  if (cell.includes('\u0000') || !cell.isWellFormed()) {
    return refuse(problemOf(assetErrors.E_IMPORT_UNSTORABLE_TEXT));
  }
  const text = cell.normalize('NFC').trim();
  if (placeholder.test(text)) return { ok: true, value: '' };
  if (looksLikeFormula(text)) {
    return refuse(problemOf(assetErrors.E_IMPORT_FORMULA_TEXT, { text: text.slice(0, 20) }));
  }
  return { ok: true, value: text };
}

/** Text reduced for comparing names people type: width-folded (NFKC), without spaces, lower case. */
export const compareKey = (text: string): string => text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

/** 和暦 eras, newest first: name, one-letter abbreviation, first day, and the year before 元年. */
const eras = [
  { name: '令和', letter: 'r', start: '2019-05-01', base: 2018 },
  { name: '平成', letter: 'h', start: '1989-01-08', base: 1988 },
  { name: '昭和', letter: 's', start: '1926-12-25', base: 1925 },
  { name: '大正', letter: 't', start: '1912-07-30', base: 1911 },
  { name: '明治', letter: 'm', start: '1868-01-25', base: 1867 },
] as const;

const gregorianPattern = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;
const compactPattern = /^(\d{4})(\d{2})(\d{2})$/;
const japanesePattern = /^(令和|平成|昭和|大正|明治|[rhstm])\s*(元|\d{1,2})\s*[年./-]\s*(\d{1,2})\s*[月./-]\s*(\d{1,2})\s*日?$/;

// Excel serial days for 1970-01-01 and 2099-12-31: a bare number outside them is not a date someone meant.
const serialRange = { min: 25_569, max: 73_050 };

/** A valid calendar day as YYYY-MM-DD, or null (2026-02-30 is not a day). */
function calendarDay(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1000 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return isoDay(date);
}

/**
 * A date cell as 'YYYY-MM-DD': an Excel date cell, 2026-04-01, 2026/4/1, 2026.4.1, 2026年4月1日, 20260401,
 * or 和暦 (令和8年4月1日, R8.4.1, 令和元年5月1日). Empty is null. A 和暦 date before its era began is refused.
 */
export function parseCalendarDate(cell: ImportCell): CellResult<string | null> {
  const invalid = (shown: string) => refuse<string | null>(problemOf(assetErrors.E_IMPORT_INVALID_DATE, { date: shown }));
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? invalid('?') : { ok: true, value: isoDay(cell) };
  if (typeof cell === 'number') {
    if (Number.isInteger(cell) && compactPattern.test(String(cell))) return parseCalendarDate(String(cell));
    if (cell >= serialRange.min && cell <= serialRange.max) return { ok: true, value: isoDay(new Date(Math.round((cell - 25_569) * 86_400_000))) };
    return invalid(String(cell));
  }
  const text = cellText(cell);
  if (!text.ok) return text;
  if (text.value === '') return { ok: true, value: null };
  const normal = text.value.normalize('NFKC').toLowerCase();
  const western = gregorianPattern.exec(normal) ?? compactPattern.exec(normal);
  if (western) {
    const day = calendarDay(Number(western[1]), Number(western[2]), Number(western[3]));
    return day ? { ok: true, value: day } : invalid(text.value);
  }
  const japanese = japanesePattern.exec(normal);
  if (japanese) {
    const index = eras.findIndex((e) => e.name === japanese[1] || e.letter === japanese[1]);
    const era = eras[index];
    if (!era) return invalid(text.value);
    const year = era.base + (japanese[2] === '元' ? 1 : Number(japanese[2]));
    const day = calendarDay(year, Number(japanese[3]), Number(japanese[4]));
    const next = eras[index - 1];
    if (!day || day < era.start || (next && day >= next.start)) return invalid(text.value);
    return { ok: true, value: day };
  }
  return invalid(text.value);
}

const kindIndex: Map<string, AssetKind> = (() => {
  const index = new Map<string, AssetKind>();
  for (const kind of assetKinds) {
    const titles = assetKindTitles[kind];
    for (const name of [kind, titles.ja, titles.en, ...titles.aliases]) index.set(compareKey(name), kind);
  }
  return index;
})();

/** 種別 from its id (electronic_data), its Japanese or English title, or a common variant (紙, システム). */
export function parseKind(text: string): AssetKind | null {
  return kindIndex.get(compareKey(text)) ?? null;
}

const romanNumerals: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, v: 5, vi: 6, vii: 7, viii: 8, ix: 9, x: 10 };

/**
 * The names a level answers to: its id, its titles, and its title without the scheme's name (重要性分類Ⅰ → Ⅰ,
 * which NFKC reads as "I"), and for a Roman numeral also the number (1).
 */
function levelNames(scheme: NonNullable<Policy['classification']>, level: ClassificationLevel): string[] {
  const names = [level.id, level.title.ja, level.title.en];
  for (const [title, prefix] of [[level.title.ja, scheme.scheme.ja], [level.title.en, scheme.scheme.en]] as const) {
    const key = compareKey(title);
    const schemeKey = compareKey(prefix);
    const short = key.startsWith(schemeKey) ? key.slice(schemeKey.length) : key.replace(/^class/, '');
    if (short && short !== key) names.push(short);
    const number = romanNumerals[short];
    if (number !== undefined) names.push(String(number));
  }
  return names;
}

/** The level a cell names under the scheme in force (id, title, "Ⅰ", "1"), or undefined. */
export function resolveLevel(policy: Policy, text: string): ClassificationLevel | undefined {
  const scheme = policy.classification;
  if (!scheme) return undefined;
  const key = compareKey(text);
  return scheme.levels.find((level) => levelNames(scheme, level).some((name) => compareKey(name) === key));
}

/** The ways a cell may write the levels, for messages: "重要性分類Ⅰ（Ⅰ）". */
export function levelChoices(policy: Policy): string {
  return (policy.classification?.levels ?? []).map((l) => l.title.ja).join('、');
}

const listSeparator = /[\n、,，;；/／]+/;
/** A criterion token without brackets or a trailing full stop ("(ア)", "ア." → "ア"); NFKC has made them ASCII. */
const markerKey = (text: string): string => compareKey(text).replace(/^[([]/, '').replace(/[)\].]$/, '');

/**
 * 該当基準 of a level from a cell: criterion ids, the clause's last part (ア … オ, "(ア)"), the clause id
 * (2.3.1.ア) or the criterion's whole text, separated by 、 , ; / or new lines. Returns the ids and what did not
 * match.
 */
export function parseCriteria(level: ClassificationLevel, text: string): { ids: string[]; unknown: string[] } {
  let rest = text;
  // Whole criterion texts may themselves hold 、: take them out before splitting.
  const found = new Set<string>();
  for (const criterion of level.criteria) {
    for (const whole of [criterion.text, criterion.en].filter((t): t is string => Boolean(t))) {
      if (rest.includes(whole)) {
        rest = rest.split(whole).join('\n');
        found.add(criterion.id);
      }
    }
  }
  const unknown: string[] = [];
  for (const token of rest.split(listSeparator).map((t) => t.trim()).filter(Boolean)) {
    const key = markerKey(token);
    const criterion = level.criteria.find(
      (c) => compareKey(c.id) === key || (c.clause !== undefined && (compareKey(c.clause) === key || markerKey(c.clause.split('.').pop() ?? '') === key)),
    );
    if (criterion) found.add(criterion.id);
    else unknown.push(token);
  }
  // Keep the scheme's order, whatever order the cell used.
  return { ids: level.criteria.filter((c) => found.has(c.id)).map((c) => c.id), unknown };
}
