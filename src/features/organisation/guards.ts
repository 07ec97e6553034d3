import { sql, type Expression } from 'kysely';
import { DomainError, forbidden, notFound } from '../../domain/errors.js';
import type { Actor } from '../../domain/actor.js';
import { canOnUser, unprivilegedRoles, type UserAction } from './user-policy.js';
import { isUuid } from '../../db/text-matching.js';
import type { ReadOnlyDb } from '../../db/read-only.js';

export const userNotFound = () => notFound({ ja: '利用者', en: 'The user' });

/** SQL: does this user hold a live role beyond staff or contractor? */
export function isPrivileged(userId: Expression<string>) {
  return sql<boolean>`EXISTS (SELECT 1 FROM role_assignments pr WHERE pr.user_id = ${userId} AND pr.revoked_at IS NULL
    AND pr.role NOT IN (${sql.join(unprivilegedRoles.map((r) => sql.lit(r)))}))`;
}

/**
 * Loads a user (locked for update inside a transaction) and checks the action: a user the actor may not
 * read is "not found"; one they may read but not change is "forbidden".
 */
export async function userForAction(db: ReadOnlyDb, actor: Actor, userId: string, action: UserAction) {
  let query = db.selectFrom('users').selectAll().select((eb) => isPrivileged(eb.ref('users.id')).as('privileged')).where('id', '=', userId);
  if ('isTransaction' in db && db.isTransaction) query = query.forUpdate();
  const user = await query.executeTakeFirst();
  if (!user) throw userNotFound();
  const resource = { id: user.id, departmentId: user.department_id, status: user.status, privileged: user.privileged };
  if (!canOnUser(actor, 'read', resource)) throw userNotFound();
  if (!canOnUser(actor, action, resource)) throw forbidden();
  return user;
}

/** The department must exist and be active; otherwise a field error on `departmentId`. */
export async function requireDepartment(db: ReadOnlyDb, departmentId: string, path = 'departmentId') {
  const department = isUuid(departmentId)
    ? await db.selectFrom('departments').selectAll().where('id', '=', departmentId).executeTakeFirst()
    : undefined;
  if (!department || department.status !== 'active') {
    const message = { ja: '指定された課等がありません。', en: 'No such department.' };
    throw new DomainError('invalid', 'E_DEPARTMENT_NOT_FOUND', message, [{ path, message }]);
  }
  return department;
}
