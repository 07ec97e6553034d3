import type { ActingContext } from '../../domain/context.js';
import { recordAct } from '../../journal/append.js';
import { generateInitialPassword, hashPassword } from '../auth/passwords.js';
import { endSessionsOf } from '../auth/sessions.js';
import { requireActor } from '../auth/require-actor.js';
import { userForAction } from './load-user.js';

/** Issues a new one-time password (shown once), ends the user's sessions and clears a lockout. */
export async function resetPassword(ctx: ActingContext, userId: string): Promise<{ initialPassword: string }> {
  const actor = requireActor(ctx);
  const initialPassword = generateInitialPassword();
  const passwordHash = await hashPassword(initialPassword);
  return recordAct(ctx, async (tx) => {
    await userForAction(tx, actor, userId, 'resetPassword');
    await tx
      .updateTable('users')
      .set({ password_hash: passwordHash, must_change_password: true, failed_sign_ins: 0, locked_until: null, updated_at: ctx.now })
      .where('id', '=', userId)
      .execute();
    const sessionsEnded = await endSessionsOf(tx, userId);
    return { value: { initialPassword }, events: [{ type: 'user.password_reset', entityType: 'user', entityId: userId, data: { sessionsEnded } }] };
  });
}
