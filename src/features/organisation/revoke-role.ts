import type { ActingContext } from '../../domain/context.js';
import { notFound } from '../../domain/kernel-errors.js';
import { recordAct } from '../../journal/append.js';
import { requireActor } from '../auth/require-actor.js';
import { userForAction } from './load-user.js';

/** Ends a role assignment; the row stays as history (revoked_at, revoked_by). */
export async function revokeRole(ctx: ActingContext, userId: string, assignmentId: string): Promise<void> {
  const actor = requireActor(ctx);
  await recordAct(ctx, async (tx) => {
    await userForAction(tx, actor, userId, 'revokeRole');
    const row = await tx
      .updateTable('role_assignments')
      .set({ revoked_at: ctx.now, revoked_by: actor.id })
      .where('id', '=', assignmentId)
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .returning(['id', 'role', 'scope_type', 'scope_id'])
      .executeTakeFirst();
    if (!row) throw notFound({ ja: '役割の付与', en: 'The role assignment' });
    return {
      value: undefined,
      events: [{ type: 'role.revoked', entityType: 'user', entityId: userId, data: { assignmentId: row.id, role: row.role, scopeType: row.scope_type, scopeId: row.scope_id } }],
    };
  });
}
