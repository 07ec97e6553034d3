import type { Selectable } from 'kysely';
import type { ReadOnlyDb } from '../../db/read-only.js';
import type { Actor } from '../../domain/actor.js';
import { forbidden } from '../../domain/kernel-errors.js';
import { allowedActions, can, collectionActions, readableWhere } from './contact-policy.js';
import type { Contact, ContactList } from './schemas.js';
import type { ContactTable } from './tables.js';

/** An entry as the API presents it. */
export function presentContact(actor: Actor, row: Selectable<ContactTable>): Contact {
  return {
    id: row.id,
    name: row.name,
    organisation: row.organisation,
    kind: row.kind,
    purpose: row.purpose,
    phone: row.phone,
    email: row.email,
    notes: row.notes,
    priority: row.priority,
    active: row.active,
    updatedAt: row.updated_at.toISOString(),
    allowedActions: allowedActions(actor),
  };
}

/** The directory: those in use first, then by purpose and the order of calling. Refused to those who may not read it. */
export async function listContacts(db: ReadOnlyDb, actor: Actor): Promise<ContactList> {
  if (!can(actor, 'read')) throw forbidden();
  const rows = await db
    .selectFrom('contacts')
    .selectAll()
    .where(readableWhere(actor))
    .orderBy('active', 'desc')
    .orderBy('purpose')
    .orderBy('priority')
    .orderBy('name')
    .limit(1000)
    .execute();
  return { items: rows.map((row) => presentContact(actor, row)), allowedActions: collectionActions(actor) };
}
