import { createHash } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { ActingContext } from '../../../domain/context.js';
import { type Bilingual, type FieldProblem } from '../../../domain/errors.js';
import { forbidden } from '../../../domain/kernel-errors.js';
import type { MediumTable } from '../../media/tables.js';
import { recordAct } from '../../../journal/append.js';
import type { Policy } from '../../../policy/schema.js';
import type { Actor } from '../../../domain/actor.js';
import { requireActor } from '../../auth/require-actor.js';
import { canCreateIn, collectionActions } from '../asset-policy.js';
import { classificationProblems } from '../classification.js';
import { columnHeader, fieldForHeader, headerKey, requiredImportFields, type ImportField } from './import-columns.js';
import { cellText, compareKey, levelChoices, parseCalendarDate, parseCriteria, parseKind, resolveLevel, type CellResult, type ImportCell } from './import-values.js';
import { inImportSlot } from './import-slots.js';
import { importLimits, type ParsedSheet } from './parse-import-file.js';
import { parseImportFileOffThread } from './parse-off-thread.js';
import { assetErrors, headerAndField, listOf, problemOf } from '../errors.js';
import { mediumTrouble } from '../medium-checks.js';
import { createAssetSchema, labelCodeSchema } from '../schemas.js';
import { maxStoredProblems, type ImportMapping, type ImportProblem, type StoredImportRow, type StoredMapping } from './schemas.js';
import type { ReadOnlyDb } from '../../../db/read-only.js';

/** An uploaded file and the column mapping the user chose, if any. */
export interface ImportUpload {
  fileName: string;
  bytes: Buffer;
  mapping?: ImportMapping | undefined;
}

/** A column of the file and the field it was read into (null: ignored). */
export interface ImportColumn {
  index: number;
  header: string;
  field: ImportField | null;
}

/** What validating a file found: its columns, the rows ready to insert and every problem. */
export interface ImportValidation {
  headerRow: number;
  columns: ImportColumn[];
  rowCount: number;
  rows: StoredImportRow[];
  problems: ImportProblem[];
  problemCount: number;
}

type Department = { id: string; code: string; name: string; status: 'active' | 'disabled' };
type Medium = Pick<Selectable<MediumTable>, 'id' | 'code' | 'department_id' | 'status' | 'locked_storage'>;

/** What the rows refer to, loaded once for the whole file. */
export interface ImportReferences {
  departments: Department[];
  /** Media by code. */
  media: Map<string, Medium>;
  /** Label codes already in the register. */
  takenLabelCodes: Set<string>;
}

/**
 * 第2 3, DESIGN §3 (all-or-nothing imports): reads an uploaded 台帳, checks every row as the form would (the
 * same schema, classification rules and 課等 rights) plus what only a file can get wrong (unknown columns,
 * duplicates within the file, formulas), and stores the outcome for its uploader to commit. Writes no asset.
 */
export async function validateAssetImport(ctx: ActingContext, upload: ImportUpload): Promise<{ importId: string }> {
  const actor = requireActor(ctx);
  // 第2 3: only a 情報セキュリティ責任者 registers assets (in the 課等 they manage).
  if (!collectionActions(actor).includes('import')) throw forbidden();
  const sheet = await inImportSlot(actor.id, () => parseImportFileOffThread(upload.bytes, upload.fileName, { maxRows: importLimits.maxRows, extraHeaders: Object.keys(upload.mapping ?? {}) }));
  const columns = mapColumns(sheet.headers, upload.mapping);
  const references = await loadReferences(ctx.db, sheet, columns);
  const result = validateSheet(ctx.policy, actor, sheet, columns, references);
  const fileName = cleanFileName(upload.fileName);
  const sha256 = createHash('sha256').update(upload.bytes).digest('hex');
  const mapping: StoredMapping = { headerRow: result.headerRow, columns: result.columns, errorCount: result.problemCount };
  return recordAct(ctx, async (tx) => {
    const row = await tx
      .insertInto('asset_imports')
      .values({
        user_id: actor.id,
        file_name: fileName,
        file_sha256: sha256,
        format: sheet.format,
        status: result.problemCount === 0 ? 'validated' : 'invalid',
        row_count: result.rowCount,
        mapping: JSON.stringify(mapping),
        rows: JSON.stringify(result.rows),
        errors: JSON.stringify(result.problems),
        created_at: ctx.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return {
      value: { importId: row.id },
      events: [{ type: 'asset_import.validated', entityType: 'asset_import', entityId: row.id, data: { fileName, sha256, rows: result.rowCount, errors: result.problemCount } }],
    };
  });
}

/** A file name fit to store and show: no folders, no control characters, at most 255 characters. */
function cleanFileName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what this removes
  const base = (name.split(/[\\/]/).pop() ?? '').normalize('NFC').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return (base.isWellFormed() ? base : base.toWellFormed()).slice(0, 255) || 'upload';
}

/** Columns of the file and their fields: the explicit mapping first, then the known headers. */
export function mapColumns(headers: readonly string[], mapping: ImportMapping | undefined): ImportColumn[] {
  const explicit = new Map(Object.entries(mapping ?? {}).map(([header, field]) => [headerKey(header), field]));
  return headers.map((header, index) => {
    const chosen = explicit.get(headerKey(header));
    return { index, header, field: header === '' ? null : chosen !== undefined ? chosen : fieldForHeader(header) };
  });
}

const chunk = <T>(items: readonly T[], size: number): T[][] => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/** Loads the 課等, the media the file names and the label codes already taken, in a few queries. */
async function loadReferences(db: ReadOnlyDb, sheet: ParsedSheet, columns: ImportColumn[]): Promise<ImportReferences> {
  const indexOf = (field: ImportField) => columns.find((c) => c.field === field)?.index;
  const valuesOf = <T>(field: ImportField, read: (text: string) => T | null): T[] => {
    const index = indexOf(field);
    if (index === undefined) return [];
    const values = new Set<T>();
    for (const { cells } of sheet.rows) {
      const text = cellText(cells[index] ?? null);
      const value = text.ok && text.value !== '' ? read(text.value) : null;
      if (value !== null) values.add(value);
    }
    return [...values];
  };
  const mediumCodes = valuesOf('mediumCode', (text) => text);
  const labelCodes = valuesOf('labelCode', (text) => {
    const parsed = labelCodeSchema.safeParse(text);
    return parsed.success ? parsed.data : null;
  });
  const [departments, media, taken] = await Promise.all([
    db.selectFrom('departments').select(['id', 'code', 'name', 'status']).execute(),
    Promise.all(chunk(mediumCodes, 5_000).map((codes) => db.selectFrom('media').select(['id', 'code', 'department_id', 'status', 'locked_storage']).where('code', 'in', codes).execute())),
    Promise.all(chunk(labelCodes, 5_000).map((codes) => db.selectFrom('assets').select('label_code').where('label_code', 'in', codes).execute())),
  ]);
  return {
    departments,
    media: new Map(media.flat().map((m) => [m.code, m])),
    takenLabelCodes: new Set(taken.flat().map((a) => a.label_code)),
  };
}

// createAssetSchema's paths and the import columns they come from.
const fieldOfPath: Record<string, ImportField> = {
  name: 'name', description: 'description', kind: 'kind', classLevel: 'classLevel', classCriteria: 'classCriteria',
  classJustification: 'classJustification', confidentialityNote: 'confidentialityNote', integrityNote: 'integrityNote',
  availabilityNote: 'availabilityNote', location: 'location', mediumId: 'mediumCode', retentionUntil: 'retentionUntil',
  reviewDue: 'reviewDue', departmentId: 'department',
};

/** A schema message written "日本語 / English" as a bilingual text (zod's own messages are English only). */
function bilingual(message: string): Bilingual {
  const [ja, en] = message.split(' / ');
  return ja && en ? { ja, en } : { ja: message, en: message };
}

// The 課等 is resolved from its code or name before the schema sees the row.
const rowSchema = createAssetSchema.omit({ departmentId: true });

/**
 * Checks every row against the policy, the actor's rights and the references loaded beforehand; pure, so that
 * unit tests call it without a database. Each row reports every bad cell, not only the first.
 */
export function validateSheet(policy: Policy, actor: Actor, sheet: ParsedSheet, columns: ImportColumn[], references: ImportReferences): ImportValidation {
  const problems: ImportProblem[] = [];
  let problemCount = 0;
  const report = (problem: ImportProblem) => {
    problemCount += 1;
    if (problems.length < maxStoredProblems) problems.push(problem);
  };
  const byField = new Map<ImportField, ImportColumn>();
  const headerProblem = (column: string, field: ImportField | null, { code, message }: Problem) => report({ row: sheet.headerRow, column, field, code, message });

  for (const column of columns) {
    if (column.field === null) continue;
    const first = byField.get(column.field);
    if (first) {
      const field = { ja: columnHeader(column.field), en: column.field };
      headerProblem(column.header, column.field, problemOf(assetErrors.E_IMPORT_DUPLICATE_COLUMN, { column: column.header, first: first.header, field }));
    } else byField.set(column.field, column);
  }
  const missing = requiredImportFields.filter((field) => !byField.has(field));
  if (!byField.has('department') && !byField.has('departmentCode')) missing.push('department');
  for (const field of missing) {
    headerProblem(columnHeader(field), field, problemOf(assetErrors.E_IMPORT_MISSING_COLUMN, { column: headerAndField(columnHeader(field), field), headerRow: String(sheet.headerRow) }));
  }

  const departmentsByCode = new Map(references.departments.map((d) => [compareKey(d.code), d]));
  const departmentsByName = new Map<string, Department[]>();
  for (const d of references.departments) departmentsByName.set(compareKey(d.name), [...(departmentsByName.get(compareKey(d.name)) ?? []), d]);
  const labelRows = new Map<string, number>();
  const rows: StoredImportRow[] = [];

  for (const { row, cells } of sheet.rows) {
    const before = problemCount;
    const flagged = new Set<ImportField>();
    const problem = (field: ImportField, { code, message }: Problem) => {
      flagged.add(field);
      report({ row, column: byField.get(field)?.header ?? columnHeader(field), field, code, message });
    };
    const cell = (field: ImportField): ImportCell => {
      const column = byField.get(field);
      return column ? (cells[column.index] ?? null) : null;
    };
    const read = <T>(field: ImportField, result: CellResult<T>, fallback: T): T => {
      if (result.ok) return result.value;
      problem(field, result);
      return fallback;
    };
    const text = (field: ImportField): string => read(field, cellText(cell(field)), '');
    const required = (field: ImportField, value: string): boolean => {
      if (value !== '' || !byField.has(field) || flagged.has(field)) return value !== '';
      problem(field, problemOf(assetErrors.E_IMPORT_REQUIRED, { column: headerAndField(columnHeader(field), field) }));
      return false;
    };
    const name = text('name');
    required('name', name);

    const kindText = text('kind');
    const kind = kindText === '' ? null : parseKind(kindText);
    if (required('kind', kindText) && !kind) {
      problem('kind', problemOf(assetErrors.E_IMPORT_UNKNOWN_KIND, { kind: kindText }));
    }

    const department = resolveDepartment(text('departmentCode'), text('department'), departmentsByCode, departmentsByName, byField, problem);
    if (department && !canCreateIn(actor, department.id)) {
      problem(byField.has('departmentCode') ? 'departmentCode' : 'department', problemOf(assetErrors.E_IMPORT_DEPARTMENT_NOT_MANAGED, { department: department.name }));
    }

    const levelText = text('classLevel');
    const level = levelText === '' ? undefined : resolveLevel(policy, levelText);
    if (required('classLevel', levelText) && !level) {
      const choices = { ja: levelChoices(policy), en: (policy.classification?.levels ?? []).map((l) => `${l.id} (${l.title.en})`).join(', ') };
      problem('classLevel', problemOf(assetErrors.E_IMPORT_UNKNOWN_CLASS, { level: levelText, choices }));
    }
    const criteriaText = text('classCriteria');
    let criteria: string[] = [];
    if (level && criteriaText !== '') {
      const parsed = parseCriteria(level, criteriaText);
      criteria = parsed.ids;
      if (parsed.unknown.length > 0) {
        const markers = level.criteria.map((c) => c.clause?.split('.').pop() ?? c.id);
        problem('classCriteria', problemOf(assetErrors.E_IMPORT_UNKNOWN_CRITERIA, { level: level.title, criteria: listOf(parsed.unknown), markers: listOf(markers, '・') }));
      }
    }
    const justification = text('classJustification');
    if (level && !flagged.has('classCriteria')) {
      for (const found of classificationProblems(policy, { classLevel: level.id, classCriteria: criteria, classJustification: justification })) {
        problem(fieldOfPath[found.path] ?? 'classLevel', { code: found.path === 'classJustification' ? 'E_IMPORT_JUSTIFICATION_REQUIRED' : 'E_IMPORT_CLASSIFICATION', message: found.message });
      }
    }

    const mediumCode = text('mediumCode');
    let mediumId: string | null = null;
    if (mediumCode !== '') {
      const medium = references.media.get(mediumCode);
      const trouble = mediumTrouble(policy, medium, department?.id ?? null, level?.id ?? null, mediumCode);
      if (trouble) problem('mediumCode', trouble);
      else mediumId = medium?.id ?? null;
    }

    const retentionUntil = read('retentionUntil', parseCalendarDate(cell('retentionUntil')), null);
    const reviewDue = read('reviewDue', parseCalendarDate(cell('reviewDue')), null);

    const labelText = text('labelCode');
    let labelCode: string | null = null;
    if (labelText !== '') {
      const parsed = labelCodeSchema.safeParse(labelText);
      if (!parsed.success) {
        problem('labelCode', problemOf(assetErrors.E_IMPORT_INVALID_LABEL_CODE, { label: labelText }));
      } else {
        labelCode = parsed.data;
        const firstRow = labelRows.get(labelCode);
        if (firstRow !== undefined) {
          problem('labelCode', problemOf(assetErrors.E_IMPORT_DUPLICATE_LABEL_CODE, { label: labelCode, row: String(firstRow) }));
        } else if (references.takenLabelCodes.has(labelCode)) {
          problem('labelCode', problemOf(assetErrors.E_IMPORT_LABEL_CODE_TAKEN, { label: labelCode }));
        } else labelRows.set(labelCode, row);
      }
    }

    // The form's own schema: lengths and formats, exactly as for one asset entered by hand.
    const candidate = {
      name, description: text('description'), kind: kind ?? kindText, classLevel: level?.id ?? levelText, classCriteria: criteria, classJustification: justification,
      confidentialityNote: text('confidentialityNote'), integrityNote: text('integrityNote'), availabilityNote: text('availabilityNote'),
      location: text('location'), mediumId, retentionUntil, reviewDue,
    };
    const parsed = rowSchema.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = fieldOfPath[String(issue.path[0])] ?? 'name';
        if (!flagged.has(field) && byField.has(field)) problem(field, problemOf(assetErrors.E_IMPORT_INVALID_VALUE, { detail: bilingual(issue.message) }));
      }
    }
    if (problemCount === before && parsed.success && department) rows.push({ ...parsed.data, departmentId: department.id, row, labelCode });
  }
  return { headerRow: sheet.headerRow, columns, rowCount: sheet.rows.length, rows, problems, problemCount };
}

/** A problem found in a row or the header: its code and words (errors.ts `problemOf`). */
type Problem = Pick<ImportProblem, 'code' | 'message'>;
type ProblemAt = (field: ImportField, found: Problem) => void;

/** The 課等 of a row, by code (課等コード) or by code or name (課等); reports what does not resolve. */
function resolveDepartment(
  codeText: string,
  nameText: string,
  byCode: Map<string, Department>,
  byName: Map<string, Department[]>,
  columns: Map<ImportField, ImportColumn>,
  problem: ProblemAt,
): Department | null {
  if (!columns.has('departmentCode') && !columns.has('department')) return null;
  const field: ImportField = codeText !== '' || !columns.has('department') ? 'departmentCode' : 'department';
  const given = codeText !== '' ? codeText : nameText;
  if (given === '') {
    problem(field, problemOf(assetErrors.E_IMPORT_REQUIRED, { column: headerAndField(columnHeader('department'), 'department') }));
    return null;
  }
  let found: Department | undefined = byCode.get(compareKey(given));
  if (!found && codeText === '') {
    const named = byName.get(compareKey(given)) ?? [];
    if (named.length > 1) {
      problem(field, problemOf(assetErrors.E_IMPORT_DEPARTMENT_AMBIGUOUS, { department: given }));
      return null;
    }
    found = named[0];
  }
  if (found && codeText !== '' && nameText !== '' && compareKey(nameText) !== compareKey(found.name) && compareKey(nameText) !== compareKey(found.code)) {
    problem('department', problemOf(assetErrors.E_IMPORT_DEPARTMENT_MISMATCH, { code: codeText, found: found.name, given: nameText }));
    return null;
  }
  if (!found || found.status !== 'active') {
    problem(field, problemOf(assetErrors.E_IMPORT_UNKNOWN_DEPARTMENT, { department: given }));
    return null;
  }
  return found;
}


/** Field problems for a refusal that lists rows (the commit's re-check), at most `limit` of them. */
export function rowProblemsAsFields(problems: readonly ImportProblem[], limit = 20): FieldProblem[] {
  return problems.slice(0, limit).map((p) => ({ path: `row ${p.row} ${p.column}`, message: assetErrors.E_IMPORT_ROW_PROBLEM.message({ row: String(p.row), column: p.column, problem: p.message }) }));
}
