import type { ReadOnlyDb } from '../db/read-only.js';
import type { Actor } from './actor.js';
import type { DomainError } from './errors.js';
import { forbidden } from './kernel-errors.js';

/** How to load one kind of record for an act on it: the row, its authorization view, and the entity's policy. */
export interface ResourceLoader<Row, Resource, Action extends string> {
  /** The row by id, locked for update when `lock` (inside an act's transaction); undefined when there is none. */
  row: (db: ReadOnlyDb, id: string, lock: boolean) => Promise<Row | undefined>;
  /** What the policy needs to know of the row (the actor's own rights on it, say). */
  resource: (db: ReadOnlyDb, actor: Actor, row: Row) => Resource | Promise<Resource>;
  /** The entity's policy (`<entity>-policy.ts`'s `can`). */
  can: (actor: Actor, action: Action | 'read', resource: Resource) => boolean;
  /** The "not found" of this kind of record. */
  notFound: () => DomainError;
}

/**
 * Loads a record for an act and checks the act (STYLE habit 3): a record that does not exist, or that the actor
 * may not read, is "not found"; one they may read but not act on this way is "forbidden". Inside a transaction
 * the row is locked for update, so the check and the change see the same row.
 */
export async function resourceForAction<Row, Resource, Action extends string>(
  db: ReadOnlyDb,
  loader: ResourceLoader<Row, Resource, Action>,
  actor: Actor,
  id: string,
  action: Action | 'read',
): Promise<{ row: Row; resource: Resource }> {
  const row = await loader.row(db, id, db.isTransaction);
  if (!row) throw loader.notFound();
  const resource = await loader.resource(db, actor, row);
  if (!loader.can(actor, 'read', resource)) throw loader.notFound();
  if (!loader.can(actor, action, resource)) throw forbidden();
  return { row, resource };
}
