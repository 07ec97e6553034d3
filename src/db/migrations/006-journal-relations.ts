import { sql, type Kysely } from 'kysely';

/**
 * Journal entries name the other records they concern (`related`: a risk names its asset, a copy its source),
 * so that a record's history holds what was done about it elsewhere. Part of each entry's hash where present.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE journal ADD COLUMN related jsonb CHECK (related IS NULL OR jsonb_typeof(related) = 'array')`.execute(db);
  await sql`CREATE INDEX journal_related ON journal USING gin (related jsonb_path_ops) WHERE related IS NOT NULL`.execute(db);
}
