import { sql, type Kysely } from 'kysely';

/**
 * Draft policy packages under review: a standard's text as the importer read it, and the clause tree a
 * reviewer corrected (merged, split, re-parented, renamed) before it becomes part of a package.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE policy_drafts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
      source_text text NOT NULL,
      draft jsonb NOT NULL CHECK (jsonb_typeof(draft) = 'object' AND jsonb_typeof(draft -> 'clauses') = 'array'),
      created_by uuid NOT NULL REFERENCES users(id),
      updated_by uuid NOT NULL REFERENCES users(id),
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      CHECK (updated_at >= created_at)
    )`.execute(db);
  await sql`CREATE INDEX policy_drafts_updated ON policy_drafts (updated_at DESC, id)`.execute(db);
}
