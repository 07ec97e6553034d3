import { sql, type Kysely } from 'kysely';
import type { Database } from './tables.js';

/**
 * 第5 1(1): the journal is protected from the application itself. Bansho runs as a role that may read and write
 * its tables but may only INSERT into the journal: no UPDATE, DELETE or TRUNCATE, and, not being the owner,
 * it cannot switch the append-only triggers off. Run by the schema owner after each migration. With a
 * password (the embedded server's), the role is created with it, or given it if it had another.
 */
export async function grantAppRole(db: Kysely<Database>, role: string, password?: string): Promise<void> {
  const name = sql.id(role);
  const exists = await sql<{ one: number }>`SELECT 1 AS one FROM pg_roles WHERE rolname = ${role}`.execute(db);
  if (exists.rows.length === 0) {
    if (!password) throw new Error(`Role ${role} does not exist / ロール ${role} がありません`);
    await sql`CREATE ROLE ${name} LOGIN PASSWORD ${sql.lit(password)}`.execute(db);
  } else if (password) {
    await sql`ALTER ROLE ${name} PASSWORD ${sql.lit(password)}`.execute(db);
  }
  await sql`GRANT USAGE ON SCHEMA public TO ${name}`.execute(db);
  await sql`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${name}`.execute(db);
  await sql`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${name}`.execute(db);
  await sql`REVOKE UPDATE, DELETE, TRUNCATE ON journal FROM ${name}`.execute(db);
  await sql`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON kysely_migration, kysely_migration_lock FROM ${name}`.execute(db);
}
