import { sql, type Kysely } from 'kysely';

/**
 * The standard as data: the clauses of each loaded policy version (searchable with trigrams, Japanese
 * substrings included), and which version is in force.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE policy_clauses (
      version_id uuid NOT NULL REFERENCES policy_versions(id),
      clause_id text NOT NULL CHECK (length(clause_id) BETWEEN 1 AND 60),
      position integer NOT NULL CHECK (position >= 0),
      parent_id text,
      depth integer NOT NULL CHECK (depth >= 1),
      kind text NOT NULL CHECK (kind IN ('heading', 'obligation', 'prohibition', 'approval-required', 'definition',
        'classification', 'record-keeping', 'reporting', 'contract-clause', 'condition', 'permission')),
      heading text NOT NULL DEFAULT '',
      text text NOT NULL,
      actor_roles text[] NOT NULL DEFAULT '{}',
      approver_roles text[] NOT NULL DEFAULT '{}',
      other_actors text[] NOT NULL DEFAULT '{}',
      capabilities text[] NOT NULL DEFAULT '{}',
      policy_text_only text,
      interpretation text,
      PRIMARY KEY (version_id, clause_id),
      UNIQUE (version_id, position),
      FOREIGN KEY (version_id, parent_id) REFERENCES policy_clauses (version_id, clause_id),
      CHECK (kind = 'heading' OR cardinality(capabilities) > 0 OR policy_text_only IS NOT NULL)
    )`.execute(db);
  // Search: id, heading and text in one trigram index; LIKE '%施錠%' uses it.
  await sql`CREATE INDEX policy_clauses_search ON policy_clauses USING gin ((clause_id || ' ' || heading || ' ' || text) gin_trgm_ops)`.execute(db);
  // A clause's history across versions.
  await sql`CREATE INDEX policy_clauses_history ON policy_clauses (clause_id, version_id)`.execute(db);
  await sql`CREATE INDEX policy_clauses_capabilities ON policy_clauses USING gin (capabilities)`.execute(db);

  // The version in force: one row. Records made under a version keep its id (policy_versions.id).
  await sql`
    CREATE TABLE policy_active (
      singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
      version_id uuid NOT NULL REFERENCES policy_versions(id),
      activated_at timestamptz NOT NULL
    )`.execute(db);
}
