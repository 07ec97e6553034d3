import type { ActingContext } from '../../domain/context.js';
import { recordAct } from '../../journal/append.js';
import { authErrors, notSignedIn } from './errors.js';
import type { MfaSetup } from './schemas.js';
import { newTotpSecret, totpEnrolment } from './totp.js';

/** Starts TOTP enrolment: a new secret, kept until confirmed with a code. */
export async function setUpMfa(ctx: ActingContext): Promise<MfaSetup> {
  const actor = ctx.actor;
  if (!actor) throw notSignedIn();
  const user = await ctx.db.selectFrom('users').select(['totp_enabled_at']).where('id', '=', actor.id).executeTakeFirstOrThrow();
  if (user.totp_enabled_at) {
    throw authErrors.E_MFA_ALREADY_ENROLLED.error();
  }
  const secret = newTotpSecret();
  const enrolment = await totpEnrolment(secret, actor.login, `Bansho ${ctx.policy.municipality.ja}`);
  await recordAct(ctx, async (tx) => {
    await tx.updateTable('users').set({ totp_secret: secret, updated_at: ctx.now }).where('id', '=', actor.id).execute();
    return { value: undefined, events: [{ type: 'auth.mfa_setup_started', entityType: 'user', entityId: actor.id, data: { method: 'totp' } }] };
  });
  return { secret, ...enrolment };
}
