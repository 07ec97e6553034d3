import type { Kysely } from 'kysely';
import type { ReadOnlyDb } from './read-only.js';
import type { Database } from './tables.js';

/** A consistent view of the database that stays open across several reads, until `close()`. */
export interface Snapshot {
  db: ReadOnlyDb;
  close(): Promise<void>;
}

/**
 * Opens a read-only REPEATABLE READ transaction: every read through `snapshot.db` sees the database as it was
 * at the snapshot's first statement, whatever commits meanwhile. An export reads its rows from one, so that
 * what it journals as read and what it sends are the same rows. It holds a pooled connection until closed.
 */
export async function openSnapshot(db: ReadOnlyDb): Promise<Snapshot> {
  // Read only, enforced by PostgreSQL: the one kind of transaction a read-only handle may open.
  const trx = await (db as Kysely<Database>).startTransaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute();
  let closed = false;
  return {
    db: trx,
    close: async () => {
      if (closed) return;
      closed = true;
      await trx.commit().execute();
    },
  };
}
