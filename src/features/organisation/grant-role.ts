import type { ActingContext } from '../../domain/context.js';
import { isUniqueViolation } from '../../db/errors.js';
import { recordAct } from '../../journal/append.js';
import { requireActor } from '../auth/require-actor.js';
import { organisationErrors, scopeTypeNames } from './errors.js';
import { userForAction } from './load-user.js';
import { requireDepartment } from './require-department.js';
import type { GrantRoleInput } from './schemas.js';

/**
 * Grants a canonical role with the scope the policy package gives it (a 課等, an information system, a
 * network, or everything). Only roles the policy titles can be granted.
 */
export async function grantRole(ctx: ActingContext, userId: string, input: GrantRoleInput): Promise<{ assignmentId: string }> {
  const actor = requireActor(ctx);
  const policyRole = ctx.policy.roles.find((r) => r.role === input.role);
  if (!policyRole) throw organisationErrors.E_ROLE_UNKNOWN.error({ field: 'role' });
  // The package says at which organisation level a 課等-scoped role sits (a 課等 in one city, a 部 in another).
  const level = policyRole.scopeLevel ? ctx.policy.departmentLevels.find((l) => l.id === policyRole.scopeLevel) : undefined;
  const invalidScope = () =>
    organisationErrors.E_ROLE_SCOPE_INVALID.error({ role: policyRole.title, scope: level?.title ?? scopeTypeNames[policyRole.scope] }, { field: 'scopeId' });
  if (policyRole.scope !== input.scopeType) throw invalidScope();
  const scopeId = input.scopeType === 'global' ? '' : (input.scopeId ?? '');
  if (input.scopeType !== 'global' && scopeId === '') throw invalidScope();
  try {
    return await recordAct(ctx, async (tx) => {
      await userForAction(tx, actor, userId, 'grantRole');
      if (input.scopeType === 'department') {
        const department = await requireDepartment(tx, scopeId, 'scopeId');
        if (policyRole.scopeLevel && department.level !== policyRole.scopeLevel) throw invalidScope();
      }
      const row = await tx
        .insertInto('role_assignments')
        .values({ user_id: userId, role: input.role, scope_type: input.scopeType, scope_id: scopeId, granted_at: ctx.now, granted_by: actor.id })
        .returning('id')
        .executeTakeFirstOrThrow();
      return {
        value: { assignmentId: row.id },
        events: [{ type: 'role.granted', entityType: 'user', entityId: userId, data: { assignmentId: row.id, role: input.role, scopeType: input.scopeType, scopeId } }],
      };
    });
  } catch (error) {
    if (isUniqueViolation(error, 'role_assignments_live')) throw organisationErrors.E_ROLE_ALREADY_GRANTED.error();
    throw error;
  }
}
