import type { ActingContext } from '../../domain/context.js';
import { recordAct } from '../../journal/append.js';
import { mfaCodeInvalid, notSignedIn } from './errors.js';
import { checkTotp } from './totp.js';

/** Finishes TOTP enrolment once the user proves their app shows the right code. */
export async function confirmMfa(ctx: ActingContext, code: string): Promise<void> {
  const actor = ctx.actor;
  if (!actor) throw notSignedIn();
  const user = await ctx.db.selectFrom('users').select(['totp_secret', 'totp_enabled_at']).where('id', '=', actor.id).executeTakeFirstOrThrow();
  const step = user.totp_secret && !user.totp_enabled_at ? await checkTotp(user.totp_secret, code, ctx.now, null) : null;
  if (step === null) throw mfaCodeInvalid();
  await recordAct(ctx, async (tx) => {
    await tx.updateTable('users').set({ totp_enabled_at: ctx.now, totp_last_step: step, updated_at: ctx.now }).where('id', '=', actor.id).execute();
    return { value: undefined, events: [{ type: 'auth.mfa_enrolled', entityType: 'user', entityId: actor.id, data: { method: 'totp' } }] };
  });
}
