import type { ActingContext } from '../../domain/context.js';
import { forbidden } from '../../domain/kernel-errors.js';
import { recordAct } from '../../journal/append.js';
import { requireActor } from '../auth/require-actor.js';
import { requireDepartment } from '../organisation/require-department.js';
import { activePolicyVersionId } from '../policy/active-policy.js';
import { canCopyInto } from './asset-policy.js';
import { insertWithFreshLabel } from './create-asset.js';
import { assetForAction } from './load-asset.js';
import { requireMediumFor } from './medium-checks.js';
import type { CopyAssetInput } from './schemas.js';
import { relatedTo } from '../../journal/event.js';

/**
 * 第2 1(2): a copy or transmission is an asset of its own, managed by the 情報セキュリティ責任者 of the 課等
 * that now holds it. Either side's officer records it: the holder's (a copy received) or the source's (a
 * transmission sent). The copy keeps the source's classification and points back to it.
 */
export async function copyAsset(ctx: ActingContext, sourceId: string, input: CopyAssetInput): Promise<{ assetId: string }> {
  const actor = requireActor(ctx);
  await requireDepartment(ctx.db, input.departmentId);
  return recordAct(ctx, async (tx) => {
    const { asset: source, resource } = await assetForAction(tx, actor, ctx.policy, sourceId, 'copy');
    if (!canCopyInto(actor, resource, input.departmentId)) throw forbidden();
    if (input.mediumId) await requireMediumFor(tx, ctx.policy, { mediumId: input.mediumId, departmentId: input.departmentId, classLevel: source.class_level });
    const policyVersionId = await activePolicyVersionId(tx);
    const { id, labelCode } = await insertWithFreshLabel(tx, (labelCode) => ({
      label_code: labelCode,
      name: source.name,
      description: input.note ? `${source.description}\n${input.note}`.trim() : source.description,
      kind: source.kind,
      department_id: input.departmentId,
      class_level: source.class_level,
      class_criteria: source.class_criteria,
      class_justification: source.class_justification,
      policy_version_id: source.policy_version_id ?? policyVersionId,
      confidentiality_note: source.confidentiality_note,
      integrity_note: source.integrity_note,
      availability_note: source.availability_note,
      location: input.location,
      medium_id: input.mediumId,
      retention_until: source.retention_until,
      review_due: source.review_due,
      source_asset_id: source.id,
      source_kind: input.kind,
      created_by: actor.id,
      created_at: ctx.now,
      updated_at: ctx.now,
    }));
    return {
      value: { assetId: id },
      events: [{
        type: 'asset.created', entityType: 'asset', entityId: id,
        data: { name: source.name, kind: source.kind, departmentId: input.departmentId, classLevel: source.class_level, labelCode, source: input.kind, sourceAssetId: source.id },
        // The copy shows in its source's history (第2 1(2): where the information went).
        ...relatedTo(['asset', source.id]),
      }],
    };
  });
}
