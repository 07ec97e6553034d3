import type { ActingContext } from '../../domain/context.js';
import type { DomainError } from '../../domain/errors.js';
import { forbidden } from '../../domain/kernel-errors.js';
import { isUniqueViolation } from '../../db/errors.js';
import { recordAct } from '../../journal/append.js';
import { generateInitialPassword, hashPassword } from '../auth/passwords.js';
import { requireActor } from '../auth/require-actor.js';
import { organisationErrors } from './errors.js';
import { requireDepartment } from './require-department.js';
import type { CreateUserInput } from './schemas.js';
import { canCreateIn } from './user-policy.js';

/**
 * 第5 3(1): registers a user in a 課等 with the staff role there and a one-time password that must be changed
 * at first sign-in. The password is returned once and never stored in clear.
 */
export async function createUser(ctx: ActingContext, input: CreateUserInput): Promise<{ userId: string; initialPassword: string }> {
  const actor = requireActor(ctx);
  await requireDepartment(ctx.db, input.departmentId);
  if (!canCreateIn(actor, input.departmentId)) throw forbidden();
  const initialPassword = generateInitialPassword();
  const passwordHash = await hashPassword(initialPassword);
  try {
    return await recordAct(ctx, async (tx) => {
      const user = await tx
        .insertInto('users')
        .values({
          login: input.login,
          staff_number: input.staffNumber,
          name: input.name,
          kana: input.kana,
          email: input.email,
          department_id: input.departmentId,
          password_hash: passwordHash,
          must_change_password: true,
          updated_at: ctx.now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const grant = await tx
        .insertInto('role_assignments')
        .values({ user_id: user.id, role: 'staff', scope_type: 'department', scope_id: input.departmentId, granted_at: ctx.now, granted_by: actor.id })
        .returning('id')
        .executeTakeFirstOrThrow();
      return {
        value: { userId: user.id, initialPassword },
        events: [
          { type: 'user.created', entityType: 'user', entityId: user.id, data: { login: input.login, staffNumber: input.staffNumber, name: input.name, departmentId: input.departmentId } },
          { type: 'role.granted', entityType: 'user', entityId: user.id, data: { assignmentId: grant.id, role: 'staff', scopeType: 'department', scopeId: input.departmentId } },
        ],
      };
    });
  } catch (error) {
    throw uniqueUserError(error) ?? error;
  }
}

/** Turns a unique-index violation on login or staff number into a field error. */
export function uniqueUserError(error: unknown): DomainError | null {
  if (isUniqueViolation(error, 'users_login')) return organisationErrors.E_LOGIN_TAKEN.error({ field: 'login' });
  if (isUniqueViolation(error, 'users_staff_number')) return organisationErrors.E_STAFF_NUMBER_TAKEN.error({ field: 'staffNumber' });
  return null;
}
