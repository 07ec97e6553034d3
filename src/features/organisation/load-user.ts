import { sql, type Expression, type Selectable } from 'kysely';
import type { ReadOnlyDb } from '../../db/read-only.js';
import type { UserTable } from '../../db/tables.js';
import type { Actor } from '../../domain/actor.js';
import { notFound } from '../../domain/kernel-errors.js';
import { resourceForAction, type ResourceLoader } from '../../domain/resource-for-action.js';
import { isUuid } from '../../db/text-matching.js';
import { can, unprivilegedRoles, type UserAction, type UserResource } from './user-policy.js';

export const userNotFound = () => notFound({ ja: '利用者', en: 'The user' });

/** SQL: does this user hold a live role beyond staff or contractor? */
export function isPrivileged(userId: Expression<string>) {
  return sql<boolean>`EXISTS (SELECT 1 FROM role_assignments pr WHERE pr.user_id = ${userId} AND pr.revoked_at IS NULL
    AND pr.role NOT IN (${sql.join(unprivilegedRoles.map((r) => sql.lit(r)))}))`;
}

/** The authorization view of a user row. */
export const userResource = (row: Pick<Selectable<UserTable>, 'id' | 'department_id' | 'status'> & { privileged: boolean }): UserResource => ({
  id: row.id,
  departmentId: row.department_id,
  status: row.status,
  privileged: row.privileged,
});

const userLoader: ResourceLoader<Selectable<UserTable> & { privileged: boolean }, UserResource, UserAction> = {
  row: async (db, id, lock) => {
    if (!isUuid(id)) return undefined;
    const query = db.selectFrom('users').selectAll().select((eb) => isPrivileged(eb.ref('users.id')).as('privileged')).where('id', '=', id);
    return (lock ? query.forUpdate() : query).executeTakeFirst();
  },
  resource: (_db, _actor, row) => userResource(row),
  can,
  notFound: userNotFound,
};

/**
 * Loads a user (locked for update inside a transaction) and checks the action: a user the actor may not
 * read is "not found"; one they may read but not change is "forbidden".
 */
export async function userForAction(db: ReadOnlyDb, actor: Actor, userId: string, action: UserAction) {
  return (await resourceForAction(db, userLoader, actor, userId, action)).row;
}
