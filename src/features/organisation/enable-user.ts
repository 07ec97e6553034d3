import type { ActingContext } from '../../domain/context.js';
import { recordAct } from '../../journal/append.js';
import { requireActor } from '../auth/require-actor.js';
import { userForAction } from './load-user.js';

/** Re-enables a disabled user. */
export async function enableUser(ctx: ActingContext, userId: string): Promise<void> {
  const actor = requireActor(ctx);
  await recordAct(ctx, async (tx) => {
    await userForAction(tx, actor, userId, 'enable');
    await tx.updateTable('users').set({ status: 'active', disabled_reason: null, updated_at: ctx.now }).where('id', '=', userId).execute();
    return { value: undefined, events: [{ type: 'user.enabled', entityType: 'user', entityId: userId, data: {} }] };
  });
}
