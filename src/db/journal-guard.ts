import { sql, type Kysely } from 'kysely';

/**
 * Puts a table under the journal guard (migration 005): a transaction that changes it must also append to the
 * journal, or its commit is refused. Every table of journaled records gets one, in the migration that creates
 * it; `journal-guard.db.test.ts` fails for a table without. `exceptColumns` names the columns that may change
 * without an entry (the session's `last_seen_at`, the one such column).
 */
export async function guardJournaledTable(db: Kysely<unknown>, table: string, options: { exceptColumns?: readonly string[] } = {}): Promise<void> {
  const except = options.exceptColumns ?? [];
  let events = sql`INSERT OR UPDATE OR DELETE`;
  if (except.length > 0) {
    const { rows } = await sql<{ column_name: string }>`
      SELECT column_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = ${table} ORDER BY ordinal_position`.execute(db);
    const watched = rows.map((r) => r.column_name).filter((name) => !except.includes(name));
    events = sql`INSERT OR DELETE OR UPDATE OF ${sql.join(watched.map((name) => sql.id(name)))}`;
  }
  await sql`
    CREATE CONSTRAINT TRIGGER journal_guard AFTER ${events} ON ${sql.table(table)}
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION journal_guard()`.execute(db);
}
