import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../src/db/tables.js';

/**
 * Writes the state a test starts from straight into the database, past the use cases and their journal. The
 * journal guard would refuse such a commit (migration 005), so the fixture's transaction runs with triggers
 * off (`session_replication_role = replica`, which needs the superuser the tests connect as). Foreign keys are
 * triggers too: a fixture must name rows that exist. Given a transaction (inside an act a test records), it writes
 * there, and the act's own journal entry covers it.
 */
export async function fixture<T>(db: Kysely<Database>, write: (tx: Transaction<Database>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return write(db as Transaction<Database>);
  return db.transaction().execute(async (tx) => {
    await sql`SET LOCAL session_replication_role = replica`.execute(tx);
    return write(tx);
  });
}
