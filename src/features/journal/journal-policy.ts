import { sql, type RawBuilder } from 'kysely';
import { holdsRole, type Actor } from '../../domain/actor.js';

/**
 * Roles that read the whole journal: oversight and audit (第6 1, 第7). The 情報化戦略本部 receives reports
 * rather than reading personal records, so it is not among them.
 */
export const journalReaderRoles = ['app_admin', 'cio', 'chief_security_officer', 'network_admin', 'auditor'] as const;

/** What authorization needs to know of a journal entry. */
export interface JournalEntryResource {
  actorId: string | null;
  entityType: string;
  entityId: string;
}

/** Does the actor read the whole journal? */
export function readsEverything(actor: Actor): boolean {
  return holdsRole(actor, ...journalReaderRoles);
}

/** Everyone may read the entries of their own acts and about themselves; oversight roles read everything. */
export function can(actor: Actor, action: 'read', entry: JournalEntryResource): boolean {
  return action === 'read' && (readsEverything(actor) || entry.actorId === actor.id || (entry.entityType === 'user' && entry.entityId === actor.id));
}

/**
 * `can(actor, 'read', entry)` in SQL, for any query with the `journal` table in scope. (The journal's list walks
 * its two clauses on their own indexes: journal/queries.ts.)
 */
export function readableWhere(actor: Actor): RawBuilder<boolean> {
  if (readsEverything(actor)) return sql<boolean>`TRUE`;
  return sql<boolean>`(journal.actor_id = ${actor.id} OR (journal.entity_type = 'user' AND journal.entity_id = ${actor.id}))`;
}
