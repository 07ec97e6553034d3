import { sql } from 'kysely';
import { z } from 'zod';
import type { Policy } from '../../../policy/schema.js';
import type { Actor } from '../../../domain/actor.js';
import { importNotFound } from './commit-import.js';
import { assetKindTitles, columnHeader, criteriaCell, levelTitle } from './import-columns.js';
import { idSchema } from '../schemas.js';
import { importProblemSchema, storedImportRowSchema, storedMappingSchema, type AssetImportView } from './schemas.js';
import type { ReadOnlyDb } from '../../../db/read-only.js';

/** Rows shown before the commit, so the user sees how the file was read. */
export const previewRows = 20;

/**
 * An import as its uploader sees it; anyone else is told it does not exist (STYLE habit 3): an upload may
 * hold another 課等's draft register.
 */
export async function assetImportView(db: ReadOnlyDb, actor: Actor, policy: Policy, importId: string): Promise<AssetImportView> {
  if (!idSchema.safeParse(importId).success) throw importNotFound();
  // The rows of a large file stay in the database: only their number and the first few are read.
  const stored = await db
    .selectFrom('asset_imports')
    .select(['id', 'user_id', 'file_name', 'format', 'status', 'row_count', 'mapping', 'errors', 'created_at', 'committed_at'])
    .select([sql<number>`jsonb_array_length(rows)`.as('valid_rows'), sql<unknown>`jsonb_path_query_array(rows, ${`$[0 to ${previewRows - 1}]`}::jsonpath)`.as('preview_rows')])
    .where('id', '=', importId)
    .executeTakeFirst();
  if (!stored || stored.user_id !== actor.id) throw importNotFound();
  const mapping = storedMappingSchema.parse(stored.mapping);
  const preview = z.array(storedImportRowSchema).parse(stored.preview_rows);
  const departmentIds = [...new Set(preview.map((r) => r.departmentId))];
  const departments = departmentIds.length > 0 ? await db.selectFrom('departments').select(['id', 'name']).where('id', 'in', departmentIds).execute() : [];
  const departmentName = new Map(departments.map((d) => [d.id, d.name]));
  return {
    id: stored.id,
    fileName: stored.file_name,
    format: stored.format,
    status: stored.status,
    rowCount: stored.row_count,
    validRows: stored.valid_rows,
    headerRow: mapping.headerRow,
    columns: mapping.columns.map((c) => ({ header: c.header, field: c.field, fieldHeader: c.field ? columnHeader(c.field) : null })),
    errors: z.array(importProblemSchema).parse(stored.errors),
    errorCount: mapping.errorCount,
    preview: preview.map((r) => ({
      row: r.row,
      labelCode: r.labelCode,
      name: r.name,
      kind: r.kind,
      kindTitle: { ja: assetKindTitles[r.kind].ja, en: assetKindTitles[r.kind].en },
      departmentName: departmentName.get(r.departmentId) ?? '',
      classLevel: r.classLevel,
      classTitle: levelTitle(policy, r.classLevel),
      classCriteria: criteriaCell(policy, r.classLevel, r.classCriteria),
      location: r.location,
      reviewDue: r.reviewDue,
    })),
    createdAt: stored.created_at.toISOString(),
    committedAt: stored.committed_at?.toISOString() ?? null,
    createdAssets: stored.status === 'committed' ? stored.valid_rows : 0,
  };
}
