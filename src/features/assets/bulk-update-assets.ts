import type { ActingContext } from '../../domain/context.js';
import type { JournalEvent } from '../../journal/events.js';
import { recordAct } from '../../journal/append.js';
import { requireActor } from '../auth/require-actor.js';
import { requireAccessSubject, upsertGrant } from './asset-access.js';
import { moveAssetStatus } from './asset-status.js';
import { can } from './asset-policy.js';
import { assetErrors } from './errors.js';
import { assetResource } from './load-asset.js';
import type { BulkAssetsInput } from './schemas.js';

/**
 * A 責任者's act on many assets of their own 課等 at once: every asset must be theirs to manage and not
 * disposed, or nothing changes. Each asset gets its own journal entry, as if changed one by one.
 */
export async function bulkUpdateAssets(ctx: ActingContext, input: BulkAssetsInput): Promise<{ updated: number }> {
  const actor = requireActor(ctx);
  const ids = [...new Set(input.assetIds)];
  return recordAct(ctx, async (tx) => {
    const assets = await tx.selectFrom('assets').select(['id', 'department_id', 'status', 'class_level', 'location', 'review_due', 'label_code']).where('id', 'in', ids).orderBy('id').forUpdate().execute();
    const found = new Set(assets.map((a) => a.id));
    const refused = [
      ...ids.filter((id) => !found.has(id)),
      ...assets.filter((a) => !can(actor, 'update', assetResource(ctx.policy, a, null))).map((a) => a.id),
    ];
    if (refused.length > 0) {
      const fields = refused.map((id) => ({ path: `assetIds.${ids.indexOf(id)}`, message: assetErrors.E_BULK_ASSET_REFUSED.message() }));
      throw assetErrors.E_BULK_NOT_MANAGED.error({ count: refused.length }, { fields });
    }
    const { action } = input;
    if (action.type === 'grantAccess') await requireAccessSubject(tx, action);
    const events: JournalEvent[] = [];
    for (const asset of assets) {
      if (action.type === 'changeStatus' && asset.status !== action.status) {
        events.push(await moveAssetStatus(tx, ctx, asset, action.status, action.note));
      } else if (action.type === 'setReviewDue' && asset.review_due !== action.reviewDue) {
        events.push({ type: 'asset.updated', entityType: 'asset', entityId: asset.id, data: { changes: { reviewDue: { from: asset.review_due, to: action.reviewDue } } } });
      } else if (action.type === 'setLocation' && asset.location !== action.location) {
        events.push({ type: 'asset.updated', entityType: 'asset', entityId: asset.id, data: { changes: { location: { from: asset.location, to: action.location } } } });
      } else if (action.type === 'grantAccess') {
        const event = await upsertGrant(tx, ctx, asset.id, action);
        if (event) events.push(event);
      }
    }
    const [first, ...rest] = events;
    if (!first) throw assetErrors.E_BULK_NOTHING_TO_CHANGE.error();
    const changed = [...new Set(events.map((e) => e.entityId))];
    // A status moved asset by asset above; the other fields change in one statement.
    const set = action.type === 'setReviewDue' ? { review_due: action.reviewDue } : action.type === 'setLocation' ? { location: action.location } : {};
    if (action.type !== 'changeStatus') await tx.updateTable('assets').set({ ...set, updated_at: ctx.now }).where('id', 'in', changed).execute();
    return { value: { updated: changed.length }, events: [first, ...rest] };
  });
}
