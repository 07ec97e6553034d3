import type { ActingContext } from '../../domain/context.js';
import { recordAct } from '../../journal/append.js';
import { requireActor } from '../auth/require-actor.js';
import { organisationErrors } from './errors.js';
import { userForAction } from './load-user.js';
import { requireDepartment } from './require-department.js';

/**
 * Moves a user to another 課等 (異動). Their staff role follows them; roles scoped to the old 課等 end,
 * since they were granted for that 課等's work.
 */
export async function moveUser(ctx: ActingContext, userId: string, departmentId: string): Promise<void> {
  const actor = requireActor(ctx);
  await recordAct(ctx, async (tx) => {
    const user = await userForAction(tx, actor, userId, 'move');
    await requireDepartment(tx, departmentId);
    if (user.department_id === departmentId) throw organisationErrors.E_SAME_DEPARTMENT.error({ field: 'departmentId' });
    const from = user.department_id;
    await tx.updateTable('users').set({ department_id: departmentId, updated_at: ctx.now }).where('id', '=', userId).execute();
    const ended = await tx
      .updateTable('role_assignments')
      .set({ revoked_at: ctx.now, revoked_by: actor.id })
      .where('user_id', '=', userId)
      .where('scope_type', '=', 'department')
      .where('scope_id', '=', from)
      .where('revoked_at', 'is', null)
      .returning(['id', 'role', 'scope_type', 'scope_id'])
      .execute();
    const staff = await tx
      .insertInto('role_assignments')
      .values({ user_id: userId, role: 'staff', scope_type: 'department', scope_id: departmentId, granted_at: ctx.now, granted_by: actor.id })
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .executeTakeFirst();
    return {
      value: undefined,
      events: [
        { type: 'user.moved', entityType: 'user', entityId: userId, data: { fromDepartmentId: from, toDepartmentId: departmentId } },
        ...ended.map((r) => ({ type: 'role.revoked' as const, entityType: 'user' as const, entityId: userId, data: { assignmentId: r.id, role: r.role, scopeType: r.scope_type, scopeId: r.scope_id } })),
        ...(staff ? [{ type: 'role.granted' as const, entityType: 'user' as const, entityId: userId, data: { assignmentId: staff.id, role: 'staff', scopeType: 'department', scopeId: departmentId } }] : []),
      ],
    };
  });
}
