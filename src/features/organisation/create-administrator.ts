import type { ActingContext } from '../../domain/context.js';
import { recordAct } from '../../journal/append.js';
import { generateInitialPassword, hashPassword } from '../auth/passwords.js';
import { uniqueUserError } from './create-user.js';
import { organisationErrors } from './errors.js';

const ADMIN_DEPARTMENT_CODE = 'bansho-admin';

/**
 * Creates an administrator (app_admin) with a one-time password that must be changed at first sign-in
 * (第5 3(7): no privileged ID keeps its initial credentials). Run by `bansho start` when there is no user
 * yet, and by `bansho user create-admin` from the server's console. Without a 課等 tree, a 番所管理 unit is made.
 */
export async function createAdministrator(ctx: ActingContext, input: { login: string; name: string }): Promise<{ userId: string; initialPassword: string }> {
  const topLevel = ctx.policy.departmentLevels[0];
  if (!topLevel) throw organisationErrors.E_POLICY_NO_LEVELS.error();
  const initialPassword = generateInitialPassword();
  const passwordHash = await hashPassword(initialPassword);
  try {
    return await recordAct(ctx, async (tx) => {
      let department = await tx.selectFrom('departments').select('id').where('code', '=', ADMIN_DEPARTMENT_CODE).executeTakeFirst();
      department ??= await tx
        .insertInto('departments')
        .values({ code: ADMIN_DEPARTMENT_CODE, name: '番所管理', kana: 'ばんしょかんり', parent_id: null, level: topLevel.id, status: 'active' })
        .returning('id')
        .executeTakeFirstOrThrow();
      const staffNumber = `ADMIN-${input.login}`.slice(0, 32).replace(/[^A-Za-z0-9-]/g, '-');
      const user = await tx
        .insertInto('users')
        .values({
          login: input.login,
          staff_number: staffNumber,
          name: input.name,
          department_id: department.id,
          password_hash: passwordHash,
          must_change_password: true,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const grants = await tx
        .insertInto('role_assignments')
        .values([
          { user_id: user.id, role: 'app_admin', scope_type: 'global', scope_id: '', granted_at: ctx.now, granted_by: null },
          { user_id: user.id, role: 'staff', scope_type: 'department', scope_id: department.id, granted_at: ctx.now, granted_by: null },
        ])
        .returning(['id', 'role', 'scope_type', 'scope_id'])
        .execute();
      return {
        value: { userId: user.id, initialPassword },
        events: [
          { type: 'system.initialised', entityType: 'system', entityId: user.id, data: { adminLogin: input.login } },
          { type: 'user.created', entityType: 'user', entityId: user.id, data: { login: input.login, staffNumber, name: input.name, departmentId: department.id } },
          ...grants.map((g) => ({ type: 'role.granted' as const, entityType: 'user' as const, entityId: user.id, data: { assignmentId: g.id, role: g.role, scopeType: g.scope_type, scopeId: g.scope_id } })),
        ],
      };
    });
  } catch (error) {
    throw uniqueUserError(error) ?? error;
  }
}
