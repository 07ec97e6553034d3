import type { ActingContext } from '../../domain/context.js';
import { recordAct } from '../../journal/append.js';
import { endSessionsOf } from '../auth/sessions.js';
import { requireActor } from '../auth/require-actor.js';
import { userForAction } from './load-user.js';

/** Disables a user: they can no longer sign in, and every session they have ends at once. */
export async function disableUser(ctx: ActingContext, userId: string, reason: string): Promise<void> {
  const actor = requireActor(ctx);
  await recordAct(ctx, async (tx) => {
    await userForAction(tx, actor, userId, 'disable');
    await tx.updateTable('users').set({ status: 'disabled', disabled_reason: reason, updated_at: ctx.now }).where('id', '=', userId).execute();
    const sessionsEnded = await endSessionsOf(tx, userId);
    return { value: undefined, events: [{ type: 'user.disabled', entityType: 'user', entityId: userId, data: { reason, sessionsEnded } }] };
  });
}
