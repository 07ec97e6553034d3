import type { Insertable, Transaction } from 'kysely';
import type { ActingContext } from '../../domain/context.js';
import { forbidden } from '../../domain/kernel-errors.js';
import type { AssetTable } from './tables.js';
import type { Database } from '../../db/tables.js';
import { recordAct } from '../../journal/append.js';
import { requireActor } from '../auth/require-actor.js';
import { requireDepartment } from '../organisation/require-department.js';
import { activePolicyVersionId } from '../policy/active-policy.js';
import { canCreateIn } from './asset-policy.js';
import { requireSoundClassification } from './classification.js';
import { requireMediumFor } from './medium-checks.js';
import { generateLabelCode } from './label-code.js';
import type { CreateAssetInput } from './schemas.js';

/**
 * 第2 1(1), 3: the 情報セキュリティ責任者 of the creating 課等 registers an asset in the 目録 with its
 * classification; the asset gets a fresh opaque label code (第2 4(1)).
 */
export async function createAsset(ctx: ActingContext, input: CreateAssetInput): Promise<{ assetId: string }> {
  const actor = requireActor(ctx);
  await requireDepartment(ctx.db, input.departmentId);
  if (!canCreateIn(actor, input.departmentId)) throw forbidden();
  requireSoundClassification(ctx.policy, input);
  return recordAct(ctx, async (tx) => {
    if (input.mediumId) await requireMediumFor(tx, ctx.policy, { mediumId: input.mediumId, departmentId: input.departmentId, classLevel: input.classLevel });
    const policyVersionId = await activePolicyVersionId(tx);
    const { id, labelCode } = await insertWithFreshLabel(tx, (labelCode) => ({
      label_code: labelCode,
      name: input.name,
      description: input.description,
      kind: input.kind,
      department_id: input.departmentId,
      class_level: input.classLevel,
      class_criteria: input.classCriteria,
      class_justification: input.classJustification,
      policy_version_id: policyVersionId,
      confidentiality_note: input.confidentialityNote,
      integrity_note: input.integrityNote,
      availability_note: input.availabilityNote,
      location: input.location,
      medium_id: input.mediumId,
      retention_until: input.retentionUntil,
      review_due: input.reviewDue,
      created_by: actor.id,
      created_at: ctx.now,
      updated_at: ctx.now,
    }));
    return {
      value: { assetId: id },
      events: [{ type: 'asset.created', entityType: 'asset', entityId: id, data: { name: input.name, kind: input.kind, departmentId: input.departmentId, classLevel: input.classLevel, labelCode, source: 'form' } }],
    };
  });
}

/**
 * Inserts an asset under a fresh label code; a code already taken (one chance in a trillion per asset) is
 * skipped by ON CONFLICT and another drawn, so the surrounding act goes on.
 */
export async function insertWithFreshLabel(tx: Transaction<Database>, values: (labelCode: string) => Insertable<AssetTable>): Promise<{ id: string; labelCode: string }> {
  for (let attempt = 0; attempt < 8; attempt += 1) {
    const labelCode = generateLabelCode();
    const row = await tx
      .insertInto('assets')
      .values(values(labelCode))
      .onConflict((oc) => oc.column('label_code').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (row) return { id: row.id, labelCode };
  }
  throw new Error('no free label code after 8 draws');
}
