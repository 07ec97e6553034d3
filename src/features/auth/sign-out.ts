import type { ActingContext } from '../../domain/context.js';
import { recordAct } from '../../journal/append.js';
import { endSession } from './sessions.js';

/** Ends the current session. */
export async function signOut(ctx: ActingContext, sessionId: string, userId: string): Promise<void> {
  await recordAct(ctx, async (tx) => {
    await endSession(tx, sessionId);
    return { value: undefined, events: [{ type: 'auth.signed_out', entityType: 'user', entityId: userId, data: {} }] };
  });
}
