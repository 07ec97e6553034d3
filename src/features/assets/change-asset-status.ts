import { today } from '../../domain/calendar.js';
import type { ActingContext } from '../../domain/context.js';
import { recordAct } from '../../journal/append.js';
import { requireActor } from '../auth/require-actor.js';
import { assetErrors } from './errors.js';
import { moveAssetStatus } from './asset-status.js';
import { assetForAction } from './load-asset.js';
import type { ChangeAssetStatusInput, DisposeAssetInput } from './schemas.js';

/** Marks an asset as in use or out (taken out of its 課等's premises, lent, sent for repair). */
export async function changeAssetStatus(ctx: ActingContext, assetId: string, input: ChangeAssetStatusInput): Promise<void> {
  const actor = requireActor(ctx);
  await recordAct(ctx, async (tx) => {
    const { asset } = await assetForAction(tx, actor, ctx.policy, assetId, 'changeStatus');
    if (asset.status === input.status) throw assetErrors.E_STATUS_UNCHANGED.error();
    return { value: undefined, events: [await moveAssetStatus(tx, ctx, asset, input.status, input.note)] };
  });
}

/**
 * 第2 4(4): records that an asset was disposed of, how, and the evidence (an erasure certificate, a witness).
 * The record stays in the 目録 as history; the approval for class Ⅰ media comes with the approvals workflow.
 */
export async function disposeAsset(ctx: ActingContext, assetId: string, input: DisposeAssetInput): Promise<void> {
  const actor = requireActor(ctx);
  await recordAct(ctx, async (tx) => {
    const { asset } = await assetForAction(tx, actor, ctx.policy, assetId, 'dispose');
    // A date of the municipality's calendar: at 01:00 in Tokyo it is already the new day there.
    if (input.disposedOn > today(ctx)) throw assetErrors.E_DISPOSAL_IN_FUTURE.error({ field: 'disposedOn' });
    await tx
      .updateTable('assets')
      .set({ status: 'disposed', disposal_method: input.method, disposal_evidence: input.evidence, disposed_on: input.disposedOn, updated_at: ctx.now })
      .where('id', '=', asset.id)
      .execute();
    return { value: undefined, events: [{ type: 'asset.disposed', entityType: 'asset', entityId: asset.id, data: { method: input.method, evidence: input.evidence, disposedOn: input.disposedOn } }] };
  });
}
