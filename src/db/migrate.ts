import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { features } from '../features/index.js';
import * as foundation from './migrations/001-foundation.js';
import * as policyClauses from './migrations/002-policy-clauses.js';
import * as journalGuard from './migrations/005-journal-guard.js';
import * as journalRelations from './migrations/006-journal-relations.js';
import type { Database } from './tables.js';

/** The kernel's own migrations: the organisation, accounts, sessions, the journal, policy versions, the journal's guard and relations. */
const kernelMigrations: Record<string, Migration> = {
  '001-foundation': foundation,
  '002-policy-clauses': policyClauses,
  '005-journal-guard': journalGuard,
  '006-journal-relations': journalRelations,
};

/**
 * The kernel's migrations and every feature's, by name (imported, not read from a folder, so that the same code
 * runs from TypeScript sources and from the build). A name used twice stops Bansho before anything runs.
 */
export function allMigrations(): Record<string, Migration> {
  const all: Record<string, Migration> = { ...kernelMigrations };
  for (const feature of features) {
    for (const [name, migration] of Object.entries(feature.migrations)) {
      if (name in all) throw new Error(`migration ${name} of feature ${feature.name} is declared twice`);
      all[name] = migration;
    }
  }
  return all;
}

const provider: MigrationProvider = { getMigrations: () => Promise.resolve(allMigrations()) };

/** Brings the schema up to date; several instances starting at once are serialised by Kysely's lock. */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(`migration failed: ${JSON.stringify(error)}`);
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
