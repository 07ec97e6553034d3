import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/db/tables.js';

/** Row counts and a digest of every row of the tables an act may change, to prove that nothing changed. */
export interface TableState {
  users: number;
  roleAssignments: number;
  departments: number;
  journal: number;
  digest: string;
}

export async function tableState(db: Kysely<Database>): Promise<TableState> {
  const { rows } = await sql<{ users: string; role_assignments: string; departments: string; journal: string; digest: string }>`
    SELECT
      (SELECT count(*) FROM users) AS users,
      (SELECT count(*) FROM role_assignments) AS role_assignments,
      (SELECT count(*) FROM departments) AS departments,
      (SELECT count(*) FROM journal) AS journal,
      md5(
        coalesce((SELECT string_agg(t::text, '|' ORDER BY t.id) FROM users t), '') || '#' ||
        coalesce((SELECT string_agg(t::text, '|' ORDER BY t.id) FROM role_assignments t), '') || '#' ||
        coalesce((SELECT string_agg(t::text, '|' ORDER BY t.id) FROM departments t), '') || '#' ||
        coalesce((SELECT max(hash) FILTER (WHERE seq = (SELECT max(seq) FROM journal)) FROM journal), '')
      ) AS digest`.execute(db);
  const row = rows[0];
  if (!row) throw new Error('no state');
  return { users: Number(row.users), roleAssignments: Number(row.role_assignments), departments: Number(row.departments), journal: Number(row.journal), digest: row.digest };
}

/** The journal entries after a given length, oldest first. */
export async function journalSince(db: Kysely<Database>, length: number) {
  return db.selectFrom('journal').selectAll().where('seq', '>', String(length)).orderBy('seq').execute();
}
