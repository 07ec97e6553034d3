import { sql } from 'kysely';
import type { ReadOnlyDb } from '../../db/read-only.js';
import type { Actor } from '../../domain/actor.js';
import { notFound } from '../../domain/kernel-errors.js';
import { resourceForAction, type ResourceLoader } from '../../domain/resource-for-action.js';
import { isUuid } from '../../db/text-matching.js';
import type { Policy } from '../../policy/schema.js';
import { can, grantsReaching, type AssetAction, type AssetResource } from './asset-policy.js';
import { levelOf } from './classification.js';
import type { AccessPermission, AssetTable } from './tables.js';
import type { Selectable } from 'kysely';

/** An asset that does not exist, or that the actor may not know of: both answer the same. */
export const assetNotFound = () => notFound({ ja: '情報資産', en: 'The asset' });

/** The strongest access right the actor holds on each of these assets. */
export async function accessOf(db: ReadOnlyDb, actor: Actor, assetIds: string[]): Promise<Map<string, AccessPermission>> {
  const byAsset = new Map<string, AccessPermission>();
  if (assetIds.length === 0) return byAsset;
  const { rows } = await sql<{ asset_id: string; permission: AccessPermission }>`
    SELECT aa.asset_id, max(aa.permission) AS permission FROM asset_access aa
    WHERE aa.asset_id IN (${sql.join(assetIds)}) AND ${grantsReaching(actor)}
    GROUP BY aa.asset_id`.execute(db);
  for (const row of rows) byAsset.set(row.asset_id, row.permission);
  return byAsset;
}

/** The authorization view of an asset row. */
export function assetResource(policy: Policy, row: { department_id: string; status: AssetResource['status']; class_level: string }, access: AccessPermission | null): AssetResource {
  return { departmentId: row.department_id, status: row.status, restricted: levelOf(policy, row.class_level)?.controls.restricted ?? true, access };
}

/** How to load an asset for an act (`resourceForAction`), under the policy in force. */
const assetLoader = (policy: Policy): ResourceLoader<Selectable<AssetTable>, AssetResource, AssetAction> => ({
  row: async (db, id, lock) => {
    if (!isUuid(id)) return undefined;
    const query = db.selectFrom('assets').selectAll().where('id', '=', id);
    return (lock ? query.forUpdate() : query).executeTakeFirst();
  },
  resource: async (db, actor, row) => assetResource(policy, row, (await accessOf(db, actor, [row.id])).get(row.id) ?? null),
  can,
  notFound: assetNotFound,
});

/**
 * Loads an asset (locked for update inside a transaction) and checks the action: an asset the actor may not
 * read is "not found"; one they may read but not change is "forbidden".
 */
export async function assetForAction(db: ReadOnlyDb, actor: Actor, policy: Policy, assetId: string, action: AssetAction) {
  const { row, resource } = await resourceForAction(db, assetLoader(policy), actor, assetId, action);
  return { asset: row, resource };
}
