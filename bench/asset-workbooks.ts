// Spreadsheets for the asset benchmark: a 台帳 to import, written in the columns and cell formats of Bansho's own
// export (src/features/assets/import-columns.ts, so that the file is what a 課等 would upload); the raw import
// it is compared with; and a row count of an exported workbook.
import { randomInt } from 'node:crypto';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../src/db/tables.js';
import { assetColumns, assetKindTitles, criteriaCell, levelTitle, type ImportField } from '../src/features/assets/transfer/import-columns.js';
import { readPolicyPackage } from '../src/policy/loader.js';
import { projectRoot } from '../src/config.js';
import { inventAsset } from './generate-assets.js';
import { prng } from './generate-journal.js';

const policy = readPolicyPackage(path.join(projectRoot, 'policies', 'shinjuku')).policy;
const importColumns = assetColumns.filter((c) => c.importable);

/** A calendar day as an Excel date cell (exceljs writes a Date at UTC midnight as that day). */
const dateCell = (day: string | null): Date | null => (day ? new Date(`${day}T00:00:00Z`) : null);

/**
 * An .xlsx of `rows` new assets of one 課等, with a header row of the export's Japanese headers. Label codes are
 * left empty (a 台帳 kept in Excel has none yet: Bansho issues them); dates are date cells, as Excel keeps them.
 */
export async function buildImportWorkbook(rows: number, department: { code: string; name: string }, seed: number): Promise<Buffer> {
  const random = prng(seed);
  const now = Date.now();
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('情報資産目録');
  sheet.addRow(importColumns.map((c) => c.header));
  for (let i = 0; i < rows; i += 1) {
    const asset = inventAsset(random, department.name, now);
    const cells: Record<ImportField, string | Date | null> = {
      labelCode: null,
      name: asset.name,
      kind: assetKindTitles[asset.kind].ja,
      departmentCode: department.code,
      department: department.name,
      classLevel: levelTitle(policy, asset.classLevel).ja,
      classCriteria: criteriaCell(policy, asset.classLevel, asset.classCriteria) || null,
      classJustification: asset.classJustification || null,
      description: asset.description,
      confidentialityNote: asset.classLevel === 'class-1' ? '個人情報を含むため取扱者を限定' : null,
      integrityNote: null,
      availabilityNote: asset.kind === 'system' ? '窓口時間中は停止不可' : null,
      location: asset.location,
      mediumCode: null,
      retentionUntil: dateCell(asset.retentionUntil),
      reviewDue: dateCell(asset.reviewDue),
    };
    sheet.addRow(importColumns.map((c) => cells[c.field]));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The number of rows (the header included) of every sheet of a workbook, read with exceljs's streaming reader. */
export async function countXlsxRows(file: Buffer): Promise<number> {
  const input = new PassThrough();
  input.end(file);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { worksheets: 'emit', sharedStrings: 'cache', styles: 'ignore', hyperlinks: 'ignore' });
  let rows = 0;
  for await (const sheet of reader) {
    for await (const _row of sheet) rows += 1;
  }
  return rows;
}

const crockford = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const randomLabel = () => {
  let code = '';
  for (let i = 0; i < 8; i += 1) code += crockford[randomInt(32)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
};

/**
 * The raw import the real one is compared with: read the same file with exceljs, map the cells by header with
 * plain lookups, and insert every row with one INSERT … unnest into `assets_raw` (a copy of `assets` with the same
 * indexes, trigram index included; no foreign keys, no journal, no validation beyond the casts). Returns seconds;
 * the rows are removed afterwards.
 */
export async function rawImport(db: Kysely<Database>, file: Buffer, departmentId: string): Promise<number> {
  await sql`CREATE TABLE IF NOT EXISTS assets_raw (LIKE assets INCLUDING ALL)`.execute(db);
  const kindByTitle = new Map(Object.entries(assetKindTitles).map(([kind, t]) => [t.ja, kind]));
  const levels = policy.classification?.levels ?? [];
  const levelByTitle = new Map(levels.map((l) => [l.title.ja, l]));
  const started = performance.now();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(file).buffer);
  const sheet = workbook.worksheets[0]!;
  const header = (sheet.getRow(1).values as unknown[]).map((v) => (typeof v === 'string' ? v : ''));
  const at = (field: ImportField) => header.indexOf(importColumns.find((c) => c.field === field)!.header);
  const col = Object.fromEntries(importColumns.map((c) => [c.field, at(c.field)])) as Record<ImportField, number>;
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const day = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : null);
  const r = { label: [] as string[], name: [] as string[], description: [] as string[], kind: [] as string[], level: [] as string[], criteria: [] as string[], justification: [] as string[], location: [] as string[], retention: [] as (string | null)[], review: [] as (string | null)[] };
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const v = row.values as unknown[];
    const level = levelByTitle.get(text(v[col.classLevel]))!;
    const markers = text(v[col.classCriteria]).split('、').filter(Boolean);
    r.label.push(randomLabel());
    r.name.push(text(v[col.name]));
    r.description.push(text(v[col.description]));
    r.kind.push(kindByTitle.get(text(v[col.kind])) ?? 'other');
    r.level.push(level.id);
    r.criteria.push(`{${level.criteria.filter((c) => markers.includes(c.clause?.split('.').pop() ?? '')).map((c) => c.id).join(',')}}`);
    r.justification.push(text(v[col.classJustification]));
    r.location.push(text(v[col.location]));
    r.retention.push(day(v[col.retentionUntil]));
    r.review.push(day(v[col.reviewDue]));
  });
  await db.transaction().execute(async (tx) => {
    await sql`
      INSERT INTO assets_raw (id, label_code, name, description, kind, department_id, class_level, class_criteria, class_justification, location,
                              retention_until, review_due, created_at, updated_at)
      SELECT gen_random_uuid(), label, name, description, kind, ${departmentId}::uuid, level, criteria::text[], justification, location, retention, review, now(), now()
      FROM unnest(${r.label}::text[], ${r.name}::text[], ${r.description}::text[], ${r.kind}::text[], ${r.level}::text[], ${r.criteria}::text[],
                  ${r.justification}::text[], ${r.location}::text[], ${r.retention}::date[], ${r.review}::date[])
           AS t(label, name, description, kind, level, criteria, justification, location, retention, review)`.execute(tx);
  });
  const seconds = (performance.now() - started) / 1000;
  await sql`TRUNCATE assets_raw`.execute(db);
  return seconds;
}
