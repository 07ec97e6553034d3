import { sql } from 'kysely';
import type { Policy } from '../../policy/schema.js';
import { features } from '../index.js';
import type { Actor } from '../../domain/actor.js';
import type { SessionState } from './session-actor.js';
import type { ReadOnlyDb } from '../../db/read-only.js';
import type { Me } from './schemas.js';

/** Does any of the actor's roles oblige them to use a second factor (policy `mfaRequired`)? */
export function mfaRequiredFor(policy: Policy, actor: Actor): boolean {
  return actor.roles.some((grant) => policy.roles.find((r) => r.role === grant.role)?.mfaRequired === true);
}

/** The signed-in user as the web UI needs them: identity, roles under the policy's titles, duties, preferences. */
export async function describeMe(db: ReadOnlyDb, policy: Policy, state: SessionState): Promise<Me> {
  const user = await db
    .selectFrom('users')
    .innerJoin('departments', 'departments.id', 'users.department_id')
    .select(['users.id', 'users.login', 'users.name', 'users.kana', 'users.department_id', 'departments.name as department_name', 'users.locale', 'users.calendar'])
    .where('users.id', '=', state.actor.id)
    .executeTakeFirstOrThrow();
  const assignments = await db
    .selectFrom('role_assignments')
    .leftJoin('departments', (join) =>
      join.on('role_assignments.scope_type', '=', 'department').on(sql`departments.id::text`, '=', sql.ref('role_assignments.scope_id')),
    )
    .select(['role_assignments.id', 'role_assignments.role', 'role_assignments.scope_type', 'role_assignments.scope_id', 'departments.name as department_name'])
    .where('role_assignments.user_id', '=', state.actor.id)
    .where('role_assignments.revoked_at', 'is', null)
    .execute();
  const actor = state.actor;
  return {
    id: user.id,
    login: user.login,
    name: user.name,
    kana: user.kana,
    departmentId: user.department_id,
    departmentName: user.department_name,
    roles: assignments.map((a) => ({
      id: a.id,
      role: a.role,
      title: policy.roles.find((r) => r.role === a.role)?.title ?? { ja: a.role, en: a.role },
      scopeType: a.scope_type,
      scopeId: a.scope_type === 'global' ? null : a.scope_id,
      scopeName: a.scope_type === 'department' ? (a.department_name ?? a.scope_id) : a.scope_type === 'global' ? null : a.scope_id,
    })),
    mustChangePassword: state.mustChangePassword,
    mfaEnrolled: state.mfaEnrolled,
    mfaRequired: mfaRequiredFor(policy, actor),
    mfaPending: state.mfaPending,
    preferences: { locale: user.locale, calendar: user.calendar },
    navigation: navigationFor(actor),
  };
}

/** The menu entries of every feature, each true when the actor may use it. */
function navigationFor(actor: Actor): Me['navigation'] {
  return Object.fromEntries(features.flatMap((feature) => Object.entries(feature.navigation).map(([key, shows]) => [key, shows(actor)])));
}
