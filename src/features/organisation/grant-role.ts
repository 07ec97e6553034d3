import type { ActingContext } from '../../domain/context.js';
import { DomainError } from '../../domain/errors.js';
import { isUniqueViolation } from '../../db/errors.js';
import { recordAct } from '../../journal/append.js';
import { requireActor } from '../auth/require-actor.js';
import { userForAction } from './load-user.js';
import { requireDepartment } from './require-department.js';
import type { GrantRoleInput } from './schemas.js';

const invalidScope = (ja: string, en: string) => new DomainError('invalid', 'E_ROLE_SCOPE_INVALID', { ja, en }, [{ path: 'scopeId', message: { ja, en } }]);

/**
 * Grants a canonical role with the scope the policy package gives it (a 課等, an information system, a
 * network, or everything). Only roles the policy titles can be granted.
 */
export async function grantRole(ctx: ActingContext, userId: string, input: GrantRoleInput): Promise<{ assignmentId: string }> {
  const actor = requireActor(ctx);
  const policyRole = ctx.policy.roles.find((r) => r.role === input.role);
  if (!policyRole) {
    const message = { ja: 'この役割は現在のポリシーにありません。', en: 'This role is not defined by the current policy.' };
    throw new DomainError('invalid', 'E_ROLE_UNKNOWN', message, [{ path: 'role', message }]);
  }
  if (policyRole.scope !== input.scopeType) {
    throw invalidScope(`${policyRole.title.ja}の範囲は「${policyRole.scope}」です。`, `${policyRole.title.en} is granted with scope "${policyRole.scope}".`);
  }
  const scopeId = input.scopeType === 'global' ? '' : (input.scopeId ?? '');
  if (input.scopeType !== 'global' && scopeId === '') throw invalidScope('範囲を指定してください。', 'Choose the scope.');
  try {
    return await recordAct(ctx, async (tx) => {
      await userForAction(tx, actor, userId, 'grantRole');
      if (input.scopeType === 'department') {
        const department = await requireDepartment(tx, scopeId, 'scopeId');
        // The package says at which organisation level the role sits (a 課等 in one city, a 部 in another).
        if (policyRole.scopeLevel && department.level !== policyRole.scopeLevel) {
          const level = ctx.policy.departmentLevels.find((l) => l.id === policyRole.scopeLevel)?.title ?? { ja: policyRole.scopeLevel, en: policyRole.scopeLevel };
          throw invalidScope(`${policyRole.title.ja}は${level.ja}に置く役割です。`, `${policyRole.title.en} is held for a ${level.en}.`);
        }
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
    if (isUniqueViolation(error, 'role_assignments_live')) {
      throw new DomainError('conflict', 'E_ROLE_ALREADY_GRANTED', { ja: 'この役割は既に付与されています。', en: 'The user already holds this role with this scope.' });
    }
    throw error;
  }
}
