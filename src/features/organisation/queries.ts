import { sql } from 'kysely';
import type { ScopeType } from '../../db/tables.js';
import type { Actor } from '../../domain/actor.js';
import type { ListUsersQuery } from './schemas.js';
import { isPrivileged } from './guards.js';
import { userReadScope } from './user-policy.js';
import { likePattern } from '../../db/text-matching.js';
import type { ReadOnlyDb } from '../../db/read-only.js';

export interface UserSummary {
  id: string;
  login: string;
  staffNumber: string;
  name: string;
  kana: string;
  email: string;
  departmentId: string;
  departmentName: string;
  status: 'active' | 'disabled';
  roles: { id: string; role: string; scopeType: ScopeType; scopeId: string }[];
}

/** Users the actor may read, filtered and paginated in SQL by the same rule as `canOnUser(…, 'read', …)`. */
export async function listUsers(db: ReadOnlyDb, actor: Actor, query: ListUsersQuery): Promise<{ items: UserSummary[]; total: number }> {
  const scope = userReadScope(actor);
  let base = db.selectFrom('users').innerJoin('departments', 'departments.id', 'users.department_id');
  if (!scope.all) {
    const { departmentIds, selfId } = scope;
    base = base.where((eb) => eb.or([eb('users.id', '=', selfId), ...(departmentIds.length ? [eb('users.department_id', 'in', departmentIds)] : [])]));
  }
  if (query.departmentId) base = base.where('users.department_id', '=', query.departmentId);
  if (query.status) base = base.where('users.status', '=', query.status);
  if (query.q) {
    // Japanese has no word boundaries: a trigram index serves partial matches of name, kana, number and login.
    const pattern = likePattern(query.q);
    base = base.where(sql<boolean>`(users.name || ' ' || users.kana || ' ' || users.staff_number || ' ' || users.login) ILIKE ${pattern}`);
  }
  const [rows, count] = await Promise.all([
    base
      .select([
        'users.id', 'users.login', 'users.staff_number', 'users.name', 'users.kana', 'users.email',
        'users.department_id', 'departments.name as department_name', 'users.status',
      ])
      .orderBy('users.kana')
      .orderBy('users.id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const roles = await rolesOf(db, rows.map((r) => r.id));
  return {
    total: Number(count.n),
    items: rows.map((r) => ({
      id: r.id,
      login: r.login,
      staffNumber: r.staff_number,
      name: r.name,
      kana: r.kana,
      email: r.email,
      departmentId: r.department_id,
      departmentName: r.department_name,
      status: r.status,
      roles: roles.get(r.id) ?? [],
    })),
  };
}

/** Live role assignments of the given users, by user id. */
export async function rolesOf(db: ReadOnlyDb, userIds: string[]): Promise<Map<string, UserSummary['roles']>> {
  const byUser = new Map<string, UserSummary['roles']>();
  if (userIds.length === 0) return byUser;
  const rows = await db
    .selectFrom('role_assignments')
    .select(['id', 'user_id', 'role', 'scope_type', 'scope_id'])
    .where('user_id', 'in', userIds)
    .where('revoked_at', 'is', null)
    .orderBy('granted_at')
    .execute();
  for (const row of rows) {
    const list = byUser.get(row.user_id) ?? [];
    list.push({ id: row.id, role: row.role, scopeType: row.scope_type, scopeId: row.scope_id });
    byUser.set(row.user_id, list);
  }
  return byUser;
}

/** A user's record with department name, or undefined. Callers check read permission. */
export async function findUser(db: ReadOnlyDb, id: string) {
  return db
    .selectFrom('users')
    .innerJoin('departments', 'departments.id', 'users.department_id')
    .select([
      'users.id', 'users.login', 'users.staff_number', 'users.name', 'users.kana', 'users.email', 'users.department_id',
      'departments.name as department_name', 'users.status', 'users.disabled_reason', 'users.created_at',
    ])
    .select((eb) => isPrivileged(eb.ref('users.id')).as('privileged'))
    .where('users.id', '=', id)
    .executeTakeFirst();
}

/** Live assignments of one user with who granted them. */
export async function roleAssignmentsOf(db: ReadOnlyDb, userId: string) {
  return db
    .selectFrom('role_assignments')
    .leftJoin('users as granter', 'granter.id', 'role_assignments.granted_by')
    .leftJoin('departments', (join) =>
      join.on('role_assignments.scope_type', '=', 'department').on(sql`departments.id::text`, '=', sql.ref('role_assignments.scope_id')),
    )
    .select([
      'role_assignments.id', 'role_assignments.role', 'role_assignments.scope_type', 'role_assignments.scope_id',
      'role_assignments.granted_at', 'granter.name as granted_by_name', 'departments.name as department_name',
    ])
    .where('role_assignments.user_id', '=', userId)
    .where('role_assignments.revoked_at', 'is', null)
    .orderBy('role_assignments.granted_at')
    .execute();
}

export async function listDepartments(db: ReadOnlyDb) {
  return db.selectFrom('departments').selectAll().orderBy('code').execute();
}
