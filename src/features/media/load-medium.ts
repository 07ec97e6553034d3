import type { Selectable } from 'kysely';
import type { ReadOnlyDb } from '../../db/read-only.js';
import type { Actor } from '../../domain/actor.js';
import { notFound } from '../../domain/kernel-errors.js';
import { resourceForAction, type ResourceLoader } from '../../domain/resource-for-action.js';
import { isUuid } from '../../db/text-matching.js';
import { can, type MediumAction, type MediumResource } from './medium-policy.js';
import type { MediumTable } from './tables.js';

/** A medium that does not exist, or that the actor may not know of: both answer the same. */
export const mediumNotFound = () => notFound({ ja: '記録媒体', en: 'The medium' });

/** The authorization view of a medium row. */
export const mediumResource = (row: Pick<Selectable<MediumTable>, 'department_id' | 'holder_id' | 'status'>): MediumResource => ({
  departmentId: row.department_id,
  holderId: row.holder_id,
  status: row.status,
});

const mediumLoader: ResourceLoader<Selectable<MediumTable>, MediumResource, MediumAction> = {
  row: async (db, id, lock) => {
    if (!isUuid(id)) return undefined;
    const query = db.selectFrom('media').selectAll().where('id', '=', id);
    return (lock ? query.forUpdate() : query).executeTakeFirst();
  },
  resource: (_db, _actor, row) => mediumResource(row),
  can,
  notFound: mediumNotFound,
};

/**
 * Loads a medium (locked for update inside a transaction) and checks the action: a medium the actor may not
 * read is "not found"; one they may read but not change is "forbidden".
 */
export async function mediumForAction(db: ReadOnlyDb, actor: Actor, mediumId: string, action: MediumAction) {
  return (await resourceForAction(db, mediumLoader, actor, mediumId, action)).row;
}
