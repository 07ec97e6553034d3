import { sql } from 'kysely';
import type { Actor } from '../../domain/actor.js';
import type { Policy } from '../../policy/schema.js';
import * as departmentPolicy from './department-policy.js';
import type { DepartmentList, ListUsersQuery, UserDetail, UserList, UserSummary } from './schemas.js';
import { isPrivileged, userNotFound, userResource } from './load-user.js';
import { allowedActions, can, collectionActions, readableWhere } from './user-policy.js';
import { isUuid, likePattern } from '../../db/text-matching.js';
import type { ReadOnlyDb } from '../../db/read-only.js';

/** A live role assignment as the users list gives it, before the policy's title is added. */
type ListedRoleRow = Omit<UserSummary['roles'][number], 'title'>;

/** A role's title under the policy in force (the canonical name when the package does not map it). */
const titleOf = (policy: Policy, role: string) => policy.roles.find((r) => r.role === role)?.title ?? { ja: role, en: role };

/** Users the actor may read (the policy's `readableWhere`), filtered and paginated, with what the actor may do. */
export async function listUsers(db: ReadOnlyDb, actor: Actor, policy: Policy, query: ListUsersQuery): Promise<UserList> {
  let base = db.selectFrom('users').innerJoin('departments', 'departments.id', 'users.department_id').where(readableWhere(actor));
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
    page: query.page,
    pageSize: query.pageSize,
    allowedActions: collectionActions(actor),
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
      roles: (roles.get(r.id) ?? []).map((role) => ({ ...role, title: titleOf(policy, role.role) })),
    })),
  };
}

/** Live role assignments of the given users, by user id. */
export async function rolesOf(db: ReadOnlyDb, userIds: string[]): Promise<Map<string, ListedRoleRow[]>> {
  const byUser = new Map<string, ListedRoleRow[]>();
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

/** One user with their roles under the policy's titles and what the actor may do; "not found" when they may not read it. */
export async function userDetail(db: ReadOnlyDb, actor: Actor, policy: Policy, id: string): Promise<UserDetail> {
  const user = await findUser(db, id);
  if (!user || !can(actor, 'read', userResource(user))) throw userNotFound();
  const roles = await roleAssignmentsOf(db, id);
  return {
    user: {
      id: user.id, login: user.login, staffNumber: user.staff_number, name: user.name, kana: user.kana, email: user.email,
      departmentId: user.department_id, departmentName: user.department_name, status: user.status,
      disabledReason: user.disabled_reason, createdAt: user.created_at.toISOString(),
    },
    roles: roles.map((r) => ({
      id: r.id, role: r.role, title: titleOf(policy, r.role), scopeType: r.scope_type, scopeId: r.scope_type === 'global' ? null : r.scope_id,
      scopeName: r.scope_type === 'department' ? (r.department_name ?? r.scope_id) : r.scope_type === 'global' ? null : r.scope_id,
      grantedAt: r.granted_at.toISOString(), grantedByName: r.granted_by_name,
    })),
    allowedActions: allowedActions(actor, userResource(user)),
  };
}

/** A user's record with department name, or undefined. */
async function findUser(db: ReadOnlyDb, id: string) {
  if (!isUuid(id)) return undefined;
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
async function roleAssignmentsOf(db: ReadOnlyDb, userId: string) {
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

/** The 課等 tree, with what the actor may do with it and with each 課等. */
export async function departmentTree(db: ReadOnlyDb, actor: Actor): Promise<DepartmentList> {
  const rows = await db.selectFrom('departments').selectAll().orderBy('code').execute();
  const each = departmentPolicy.allowedActions(actor);
  return {
    items: rows.map((d) => ({ id: d.id, code: d.code, name: d.name, kana: d.kana, parentId: d.parent_id, level: d.level, status: d.status, allowedActions: each })),
    allowedActions: departmentPolicy.collectionActions(actor),
  };
}
