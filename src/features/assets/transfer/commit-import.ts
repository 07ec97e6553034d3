import type { Insertable, Transaction } from 'kysely';
import { z } from 'zod';
import type { ActingContext } from '../../../domain/context.js';
import { forbidden, notFound } from '../../../domain/kernel-errors.js';
import type { AssetTable } from '../tables.js';
import type { Database } from '../../../db/tables.js';
import { recordAct } from '../../../journal/append.js';
import type { JournalEvent } from '../../../journal/events.js';
import type { Actor } from '../../../domain/actor.js';
import { requireActor } from '../../auth/require-actor.js';
import { activePolicyVersionId } from '../../policy/active-policy.js';
import { canCreateIn, collectionActions } from '../asset-policy.js';
import { classificationProblems } from '../classification.js';
import { assetErrors, problemOf } from '../errors.js';
import { columnHeader, type ImportField } from './import-columns.js';
import { generateLabelCode } from '../label-code.js';
import { idSchema } from '../schemas.js';
import { storedImportRowSchema, type ImportProblem, type StoredImportRow } from './schemas.js';
import { mediumTrouble } from '../medium-checks.js';
import { rowProblemsAsFields } from './validate-import.js';

export const importNotFound = () => notFound({ ja: '取り込み', en: 'The import' });

// 1,000 rows of ~20 columns stay well under PostgreSQL's 65,535 bind parameters.
const insertBatch = 1_000;

/**
 * DESIGN §3 (all-or-nothing imports), 第2 3: writes every row of a validated import in one transaction, with one
 * `asset.created` per asset and the import's own entry — or, if anything changed since the validation (a label
 * code taken, a 課等 no longer yours, a medium lost), nothing at all. Only the uploader sees their import.
 */
export async function commitAssetImport(ctx: ActingContext, importId: string): Promise<{ importId: string; created: number }> {
  const actor = requireActor(ctx);
  if (!idSchema.safeParse(importId).success) throw importNotFound();
  return recordAct(ctx, async (tx) => {
    const stored = await tx.selectFrom('asset_imports').selectAll().where('id', '=', importId).forUpdate().executeTakeFirst();
    if (!stored || stored.user_id !== actor.id) throw importNotFound();
    if (!collectionActions(actor).includes('import')) throw forbidden();
    if (stored.status === 'committed') throw assetErrors.E_IMPORT_ALREADY_COMMITTED.error();
    if (stored.status === 'invalid') throw assetErrors.E_IMPORT_INVALID.error();
    const rows = z.array(storedImportRowSchema).parse(stored.rows);
    await recheck(ctx, tx, actor, rows);
    const policyVersionId = await activePolicyVersionId(tx);
    const created = await insertRows(tx, rows, (row, labelCode) => ({
      label_code: labelCode,
      name: row.name,
      description: row.description,
      kind: row.kind,
      department_id: row.departmentId,
      class_level: row.classLevel,
      class_criteria: row.classCriteria,
      class_justification: row.classJustification,
      policy_version_id: policyVersionId,
      confidentiality_note: row.confidentialityNote,
      integrity_note: row.integrityNote,
      availability_note: row.availabilityNote,
      location: row.location,
      medium_id: row.mediumId,
      retention_until: row.retentionUntil,
      review_due: row.reviewDue,
      created_by: actor.id,
      created_at: ctx.now,
      updated_at: ctx.now,
    }));
    await tx.updateTable('asset_imports').set({ status: 'committed', committed_at: ctx.now }).where('id', '=', importId).execute();
    const events: JournalEvent[] = created.map(({ id, labelCode, row }) => ({
      type: 'asset.created',
      entityType: 'asset',
      entityId: id,
      data: { name: row.name, kind: row.kind, departmentId: row.departmentId, classLevel: row.classLevel, labelCode, source: 'import', importId },
    }));
    return {
      value: { importId, created: created.length },
      // The import's entry first, then each asset it created, in the file's order.
      events: [{ type: 'asset_import.committed', entityType: 'asset_import', entityId: importId, data: { fileName: stored.file_name, rows: created.length } }, ...events],
    };
  });
}

const stale = (problems: ImportProblem[]) => assetErrors.E_IMPORT_STALE.error({ fields: rowProblemsAsFields(problems) });

/**
 * What may have changed since the validation, checked again inside the commit's transaction: the actor's
 * 課等 (a role revoked), the 課等 itself (disabled), the policy's classification scheme, the media, and the
 * label codes the file gave.
 */
async function recheck(ctx: ActingContext, tx: Transaction<Database>, actor: Actor, rows: StoredImportRow[]): Promise<void> {
  const problems: ImportProblem[] = [];
  const at = (row: StoredImportRow, field: ImportField, { code, message }: Pick<ImportProblem, 'code' | 'message'>) =>
    problems.push({ row: row.row, column: columnHeader(field), field, code, message });
  const departmentIds = [...new Set(rows.map((r) => r.departmentId))];
  const mediumIds = [...new Set(rows.flatMap((r) => (r.mediumId ? [r.mediumId] : [])))];
  const labelCodes = rows.flatMap((r) => (r.labelCode ? [r.labelCode] : []));
  const [departments, media, taken] = await Promise.all([
    tx.selectFrom('departments').select(['id', 'name', 'status']).where('id', 'in', departmentIds).execute(),
    mediumIds.length > 0 ? tx.selectFrom('media').select(['id', 'code', 'department_id', 'status', 'locked_storage']).where('id', 'in', mediumIds).execute() : Promise.resolve([]),
    labelCodes.length > 0 ? tx.selectFrom('assets').select('label_code').where('label_code', 'in', labelCodes).execute() : Promise.resolve([]),
  ]);
  const departmentById = new Map(departments.map((d) => [d.id, d]));
  const mediumById = new Map(media.map((m) => [m.id, m]));
  const takenCodes = new Set(taken.map((t) => t.label_code));
  for (const row of rows) {
    const department = departmentById.get(row.departmentId);
    if (!department || department.status !== 'active') at(row, 'department', problemOf(assetErrors.E_IMPORT_UNKNOWN_DEPARTMENT, { department: department?.name ?? '?' }));
    else if (!canCreateIn(actor, row.departmentId)) at(row, 'department', problemOf(assetErrors.E_IMPORT_DEPARTMENT_NOT_MANAGED, { department: department.name }));
    for (const found of classificationProblems(ctx.policy, row)) {
      const field = found.path === 'classJustification' ? 'classJustification' : found.path === 'classCriteria' ? 'classCriteria' : 'classLevel';
      at(row, field, { code: field === 'classJustification' ? 'E_IMPORT_JUSTIFICATION_REQUIRED' : 'E_IMPORT_CLASSIFICATION', message: found.message });
    }
    if (row.mediumId) {
      const medium = mediumById.get(row.mediumId);
      const trouble = mediumTrouble(ctx.policy, medium, row.departmentId, row.classLevel, medium?.code);
      if (trouble) at(row, 'mediumCode', trouble);
    }
    if (row.labelCode && takenCodes.has(row.labelCode)) {
      at(row, 'labelCode', problemOf(assetErrors.E_IMPORT_LABEL_CODE_TAKEN, { label: row.labelCode }));
    }
  }
  if (problems.length > 0) throw stale(problems);
}

/**
 * Inserts the rows in multi-row batches. Rows without a label code get fresh ones; a drawn code already taken
 * (one chance in a trillion) is skipped by ON CONFLICT and drawn again. A code the file gave that was taken
 * meanwhile refuses the whole import.
 */
async function insertRows(
  tx: Transaction<Database>,
  rows: StoredImportRow[],
  values: (row: StoredImportRow, labelCode: string) => Insertable<AssetTable>,
): Promise<{ id: string; labelCode: string; row: StoredImportRow }[]> {
  const given = new Set(rows.flatMap((r) => (r.labelCode ? [r.labelCode] : [])));
  const used = new Set(given);
  const draw = (): string => {
    for (;;) {
      const code = generateLabelCode();
      if (!used.has(code)) {
        used.add(code);
        return code;
      }
    }
  };
  const created: { id: string; labelCode: string; row: StoredImportRow }[] = [];
  for (let start = 0; start < rows.length; start += insertBatch) {
    let pending = rows.slice(start, start + insertBatch).map((row) => ({ row, labelCode: row.labelCode ?? draw() }));
    for (let attempt = 0; pending.length > 0; attempt += 1) {
      if (attempt >= 8) throw new Error('no free label codes after 8 draws');
      const inserted = await tx
        .insertInto('assets')
        .values(pending.map((p) => values(p.row, p.labelCode)))
        .onConflict((oc) => oc.column('label_code').doNothing())
        .returning(['id', 'label_code'])
        .execute();
      const idByCode = new Map(inserted.map((r) => [r.label_code, r.id]));
      const missed: typeof pending = [];
      for (const p of pending) {
        const id = idByCode.get(p.labelCode);
        if (id) created.push({ id, labelCode: p.labelCode, row: p.row });
        else if (p.row.labelCode) throw stale([{ row: p.row.row, column: columnHeader('labelCode'), field: 'labelCode', ...problemOf(assetErrors.E_IMPORT_LABEL_CODE_TAKEN, { label: p.labelCode }) }]);
        else missed.push({ row: p.row, labelCode: draw() });
      }
      pending = missed;
    }
  }
  // Events and answers follow the file's order.
  return created.sort((a, b) => a.row.row - b.row.row);
}
