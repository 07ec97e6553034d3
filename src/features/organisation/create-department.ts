import type { ActingContext } from '../../domain/context.js';
import { forbidden } from '../../domain/kernel-errors.js';
import { isUniqueViolation } from '../../db/errors.js';
import { recordAct } from '../../journal/append.js';
import { can } from './department-policy.js';
import { organisationErrors } from './errors.js';
import { requireActor } from '../auth/require-actor.js';
import { requireDepartment } from './require-department.js';
import type { CreateDepartmentInput } from './schemas.js';

/** The level must be one the policy package defines (部, 課等, …). */
export function requireLevel(ctx: ActingContext, level: string): void {
  if (!ctx.policy.departmentLevels.some((l) => l.id === level)) throw organisationErrors.E_DEPARTMENT_LEVEL_UNKNOWN.error({ field: 'level' });
}

/** Adds a 部 or 課等 to the organisation tree. */
export async function createDepartment(ctx: ActingContext, input: CreateDepartmentInput): Promise<{ departmentId: string }> {
  const actor = requireActor(ctx);
  if (!can(actor, 'create')) throw forbidden();
  requireLevel(ctx, input.level);
  try {
    return await recordAct(ctx, async (tx) => {
      if (input.parentId) await requireDepartment(tx, input.parentId, 'parentId');
      const row = await tx
        .insertInto('departments')
        .values({ code: input.code, name: input.name, kana: input.kana, parent_id: input.parentId, level: input.level, status: 'active' })
        .returning('id')
        .executeTakeFirstOrThrow();
      return {
        value: { departmentId: row.id },
        events: [{ type: 'department.created', entityType: 'department', entityId: row.id, data: { code: input.code, name: input.name, parentId: input.parentId, level: input.level } }],
      };
    });
  } catch (error) {
    if (isUniqueViolation(error, 'departments_code_key')) throw organisationErrors.E_DEPARTMENT_CODE_TAKEN.error({ field: 'code' });
    throw error;
  }
}
