import { sql, type Kysely } from 'kysely';
import { guardJournaledTable } from '../journal-guard.js';

/**
 * The database's own check that every change is journaled, behind `recordAct` and the read-only handles: a
 * transaction that changed a journaled table but appended no journal entry is refused at commit.
 *
 * An act appends its entries last, under the journal's advisory lock, which it holds until it commits; so at
 * commit the newest entry is the act's own exactly when it appended one. Each entry records the transaction that
 * wrote it (`txid`) to tell. The check runs once per transaction: a passing check is remembered in a
 * transaction-local setting. It guards against Bansho's own code forgetting the journal, not against someone
 * who holds the database (who can set that setting, or switch triggers off): the journal's signed checkpoints
 * are the answer to that.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // Existing entries keep a NULL txid: no rewrite of the journal.
  await sql`ALTER TABLE journal ADD COLUMN txid xid8`.execute(db);
  await sql`ALTER TABLE journal ALTER COLUMN txid SET DEFAULT pg_current_xact_id()`.execute(db);

  await sql`
    CREATE FUNCTION journal_guard() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      current_txid text := pg_current_xact_id()::text;
    BEGIN
      IF current_setting('bansho.journal_guard_passed', true) = current_txid THEN
        RETURN NULL;
      END IF;
      IF NOT EXISTS (SELECT 1 FROM (SELECT txid FROM journal ORDER BY seq DESC LIMIT 1) newest WHERE newest.txid::text = current_txid) THEN
        RAISE EXCEPTION 'a change to % was not journaled: every change must be written with its journal entry (recordAct)', TG_TABLE_NAME
          USING ERRCODE = 'integrity_constraint_violation';
      END IF;
      PERFORM set_config('bansho.journal_guard_passed', current_txid, true);
      RETURN NULL;
    END $$`.execute(db);

  for (const table of ['departments', 'users', 'role_assignments', 'policy_versions', 'policy_clauses', 'policy_active', 'policy_drafts', 'media', 'assets', 'asset_access', 'asset_risks', 'asset_saved_filters', 'asset_imports']) {
    await guardJournaledTable(db, table);
  }
  // A session is created and ended by journaled acts; only its `last_seen_at` moves without one (session-actor.ts).
  await guardJournaledTable(db, 'sessions', { exceptColumns: ['last_seen_at'] });
}
