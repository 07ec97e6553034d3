import type { Selectable } from 'kysely';
import type { ReadOnlyDb } from '../../db/read-only.js';
import type { Actor } from '../../domain/actor.js';
import { notFound } from '../../domain/kernel-errors.js';
import { resourceForAction, type ResourceLoader } from '../../domain/resource-for-action.js';
import { isUuid } from '../../db/text-matching.js';
import { can, type ContactAction } from './contact-policy.js';
import type { ContactTable } from './tables.js';

export const contactNotFound = () => notFound({ ja: '連絡先', en: 'The contact' });

const contactLoader: ResourceLoader<Selectable<ContactTable>, null, ContactAction> = {
  row: async (db, id, lock) => {
    if (!isUuid(id)) return undefined;
    const query = db.selectFrom('contacts').selectAll().where('id', '=', id);
    return (lock ? query.forUpdate() : query).executeTakeFirst();
  },
  // Every entry is alike to the policy: the directory is read and kept as a whole.
  resource: () => null,
  can: (actor, action) => can(actor, action),
  notFound: contactNotFound,
};

/** Loads an entry (locked inside an act) and checks the action: unreadable is "not found", unchangeable "forbidden". */
export async function contactForAction(db: ReadOnlyDb, actor: Actor, id: string, action: ContactAction) {
  return (await resourceForAction(db, contactLoader, actor, id, action)).row;
}
