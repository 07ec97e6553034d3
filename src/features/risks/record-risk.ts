import type { ActingContext } from '../../domain/context.js';
import { forbidden } from '../../domain/kernel-errors.js';
import { recordAct } from '../../journal/append.js';
import { requireActor } from '../auth/require-actor.js';
import { requireDepartment } from '../organisation/require-department.js';
import { requireRiskSubject, requireThreat } from './risk-rules.js';
import { canRecordIn } from './risk-policy.js';
import type { RecordRiskInput } from './schemas.js';
import { relatedTo } from '../../journal/event.js';

/**
 * 第2 2: the 情報セキュリティ責任者 records an analysed threat — which threat of 第1 3, to which asset or group,
 * how likely and how harmful (the score is their product), what prevents it and what to do if it happens.
 */
export async function recordRisk(ctx: ActingContext, input: RecordRiskInput): Promise<{ riskId: string }> {
  const actor = requireActor(ctx);
  await requireDepartment(ctx.db, input.departmentId);
  if (!canRecordIn(actor, input.departmentId)) throw forbidden();
  requireThreat(ctx.policy, input.threatId);
  return recordAct(ctx, async (tx) => {
    await requireRiskSubject(tx, actor, ctx.policy, { departmentId: input.departmentId, assetId: input.assetId, assetGroup: input.assetGroup, assetChanged: true });
    const row = await tx
      .insertInto('asset_risks')
      .values({
        department_id: input.departmentId,
        asset_id: input.assetId,
        asset_group: input.assetGroup,
        threat_id: input.threatId,
        description: input.description,
        likelihood: input.likelihood,
        impact: input.impact,
        countermeasures: input.countermeasures,
        response_procedure: input.responseProcedure,
        status: input.status,
        review_due: input.reviewDue,
        created_by: actor.id,
        created_at: ctx.now,
        updated_at: ctx.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return {
      value: { riskId: row.id },
      events: [
        {
          type: 'risk.recorded',
          entityType: 'risk',
          entityId: row.id,
          data: { departmentId: input.departmentId, assetId: input.assetId, assetGroup: input.assetGroup, threatId: input.threatId, likelihood: input.likelihood, impact: input.impact },
          // The analysis shows in the asset's history.
          ...relatedTo(['asset', input.assetId]),
        },
      ],
    };
  });
}
