import type { Selectable } from 'kysely';
import type { ReadOnlyDb } from '../../db/read-only.js';
import type { Actor } from '../../domain/actor.js';
import { notFound } from '../../domain/kernel-errors.js';
import { resourceForAction, type ResourceLoader } from '../../domain/resource-for-action.js';
import { isUuid } from '../../db/text-matching.js';
import { can, type RiskAction, type RiskResource } from './risk-policy.js';
import type { AssetRiskTable } from './tables.js';

/** An entry that does not exist, or that the actor may not know of: both answer the same. */
export const riskNotFound = () => notFound({ ja: 'リスク分析', en: 'The risk entry' });

const riskLoader: ResourceLoader<Selectable<AssetRiskTable>, RiskResource, RiskAction> = {
  row: async (db, id, lock) => {
    if (!isUuid(id)) return undefined;
    const query = db.selectFrom('asset_risks').selectAll().where('id', '=', id);
    return (lock ? query.forUpdate() : query).executeTakeFirst();
  },
  resource: (_db, _actor, row) => ({ departmentId: row.department_id }),
  can,
  notFound: riskNotFound,
};

/**
 * Loads an entry of the risk register (locked for update inside a transaction) and checks the action: an entry
 * the actor may not read is "not found"; one they may read but not change is "forbidden".
 */
export async function riskForAction(db: ReadOnlyDb, actor: Actor, riskId: string, action: RiskAction) {
  return (await resourceForAction(db, riskLoader, actor, riskId, action)).row;
}
