import type { Transaction } from 'kysely';
import type { Database } from '../../db/tables.js';
import type { ActingContext } from '../../domain/context.js';
import type { RelatedEntity } from '../../journal/event.js';
import type { JournalEvent } from '../../journal/events.js';
import type { AssetStatus } from './tables.js';

/** The statuses an asset moves between while it exists; disposal is its own act (`disposeAsset`). */
export type LiveAssetStatus = Exclude<AssetStatus, 'disposed'>;

/**
 * The one place an asset moves between in use and out (taken out of its 課等's premises, lent, sent for repair;
 * 第2 4(2)イ for class Ⅰ). Runs inside the caller's act, on its transaction, with the asset already loaded and
 * checked: the register's own status change and bulk act call it, and so will a carry-out request when it goes
 * into effect and when the asset comes back (naming the request in `related`). Returns the act's journal event.
 */
export async function moveAssetStatus(
  tx: Transaction<Database>,
  ctx: Pick<ActingContext, 'now'>,
  asset: { id: string; status: AssetStatus },
  to: LiveAssetStatus,
  note: string,
  related?: RelatedEntity[],
): Promise<JournalEvent> {
  await tx.updateTable('assets').set({ status: to, updated_at: ctx.now }).where('id', '=', asset.id).execute();
  return { type: 'asset.status_changed', entityType: 'asset', entityId: asset.id, data: { from: asset.status, to, note }, ...(related ? { related } : {}) };
}
