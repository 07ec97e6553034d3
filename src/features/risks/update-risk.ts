import type { ActingContext } from '../../domain/context.js';
import type { RiskStatus } from './tables.js';
import { recordAct } from '../../journal/append.js';
import { requireActor } from '../auth/require-actor.js';
import { riskForAction } from './load-risk.js';
import { requireRiskSubject, requireThreat } from './risk-rules.js';
import type { UpdateRiskInput } from './schemas.js';
import { relatedTo } from '../../journal/event.js';

/** What an update may change, named as the input names it. */
interface RiskState {
  assetId: string | null;
  assetGroup: string | null;
  threatId: string;
  description: string;
  likelihood: number;
  impact: number;
  countermeasures: string;
  responseProcedure: string;
  status: RiskStatus;
  reviewDue: string | null;
}

/**
 * Revises an entry of the risk register (re-rated, treated, accepted, closed, …); the journal keeps each before
 * and after. The 課等 of an entry does not change: another 課等's analysis is a new entry.
 */
export async function updateRisk(ctx: ActingContext, riskId: string, input: UpdateRiskInput): Promise<void> {
  const actor = requireActor(ctx);
  await recordAct(ctx, async (tx) => {
    const risk = await riskForAction(tx, actor, riskId, 'update');
    const before: RiskState = {
      assetId: risk.asset_id,
      assetGroup: risk.asset_group,
      threatId: risk.threat_id,
      description: risk.description,
      likelihood: risk.likelihood,
      impact: risk.impact,
      countermeasures: risk.countermeasures,
      responseProcedure: risk.response_procedure,
      status: risk.status,
      reviewDue: risk.review_due,
    };
    const given = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as Partial<RiskState>;
    const after: RiskState = { ...before, ...given };

    // A threat the package has since dropped stays on old entries; only a newly chosen one is checked.
    if (after.threatId !== before.threatId) requireThreat(ctx.policy, after.threatId);
    await requireRiskSubject(tx, actor, ctx.policy, {
      departmentId: risk.department_id,
      assetId: after.assetId,
      assetGroup: after.assetGroup,
      assetChanged: after.assetId !== before.assetId,
    });

    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of Object.keys(before) as (keyof RiskState)[]) {
      if (after[key] !== before[key]) changes[key] = { from: before[key], to: after[key] };
    }
    if (Object.keys(changes).length > 0) {
      await tx
        .updateTable('asset_risks')
        .set({
          asset_id: after.assetId,
          asset_group: after.assetGroup,
          threat_id: after.threatId,
          description: after.description,
          likelihood: after.likelihood,
          impact: after.impact,
          countermeasures: after.countermeasures,
          response_procedure: after.responseProcedure,
          status: after.status,
          review_due: after.reviewDue,
          updated_at: ctx.now,
        })
        .where('id', '=', riskId)
        .execute();
    }
    // A revision shows in the history of the asset it covers, and of the one it covered before.
    const related = relatedTo(['asset', after.assetId], ['asset', before.assetId]);
    return { value: undefined, events: [{ type: 'risk.updated', entityType: 'risk', entityId: riskId, data: { changes }, ...related }] };
  });
}
