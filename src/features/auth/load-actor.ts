import type { CanonicalRole } from '../../policy/schema.js';
import type { Actor } from '../../domain/actor.js';
import type { ReadOnlyDb } from '../../db/read-only.js';

/** A user as authorization sees them, outside a session (the demo seed acting as its 責任者, the CLI). */
export async function loadActor(db: ReadOnlyDb, userId: string): Promise<Actor> {
  const user = await db.selectFrom('users').select(['id', 'name', 'login', 'department_id']).where('id', '=', userId).executeTakeFirstOrThrow();
  const roles = await db.selectFrom('role_assignments').select(['role', 'scope_type', 'scope_id']).where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
  return { id: user.id, name: user.name, login: user.login, departmentId: user.department_id, roles: roles.map((r) => ({ role: r.role as CanonicalRole, scopeType: r.scope_type, scopeId: r.scope_id })) };
}
