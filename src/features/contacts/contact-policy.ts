import { sql, type RawBuilder } from 'kysely';
import { holdsRole, type Actor } from '../../domain/actor.js';

/**
 * Who may do what with the emergency contact directory. 第5 8(3): the ネットワーク管理者 calls the contacts
 * of the emergency plan, so keeps them; those who act in an incident, and oversight, read them. Nobody else
 * sees the directory (it holds people's direct numbers).
 */

export const contactActions = ['read', 'update'] as const;
export type ContactAction = (typeof contactActions)[number];

const keepers = ['network_admin'] as const;
const readers = ['network_admin', 'system_admin', 'security_officer', 'chief_security_officer', 'cio', 'auditor'] as const;

/** Who may do what to an entry. Deny by default. */
export function can(actor: Actor, action: ContactAction): boolean {
  switch (action) {
    case 'read':
      return holdsRole(actor, ...readers);
    case 'update':
      return holdsRole(actor, ...keepers);
    default:
      return false;
  }
}

/** The actions the UI may offer on an entry. */
export function allowedActions(actor: Actor): 'update'[] {
  return can(actor, 'update') ? ['update'] : [];
}

/** What the actor may do with the directory as a whole. */
export function collectionActions(actor: Actor): 'create'[] {
  return holdsRole(actor, ...keepers) ? ['create'] : [];
}

/** Does the directory belong in the actor's menu? */
export function canList(actor: Actor): boolean {
  return can(actor, 'read');
}

/** `can(actor, 'read', entry)` in SQL, for any query with the `contacts` table in scope. */
export function readableWhere(actor: Actor): RawBuilder<boolean> {
  return can(actor, 'read') ? sql<boolean>`TRUE` : sql<boolean>`FALSE`;
}
