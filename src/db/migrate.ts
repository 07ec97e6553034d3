import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as foundation from './migrations/001-foundation.js';
import * as policyClauses from './migrations/002-policy-clauses.js';
import * as policyDrafts from './migrations/003-policy-drafts.js';
import * as assets from './migrations/004-assets.js';
import type { Database } from './tables.js';

// Listed explicitly so that the same code runs from TypeScript sources and from the compiled build.
const migrations: Record<string, Migration> = {
  '001-foundation': foundation,
  '002-policy-clauses': policyClauses,
  '003-policy-drafts': policyDrafts,
  '004-assets': assets,
};

const provider: MigrationProvider = { getMigrations: () => Promise.resolve(migrations) };

/** Brings the schema up to date; several instances starting at once are serialised by Kysely's lock. */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(`migration failed: ${JSON.stringify(error)}`);
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
