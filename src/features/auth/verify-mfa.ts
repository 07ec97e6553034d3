import type { ActingContext } from '../../domain/context.js';
import { recordAct } from '../../journal/append.js';
import { notSignedIn, signInFailed } from './errors.js';
import { createSession, hashSessionId } from './sessions.js';
import { countFailure, type SignedIn, type SignInSettings } from './sign-in.js';
import { checkTotp } from './totp.js';

/**
 * Second step of sign-in: a TOTP code turns an MFA-pending session into a full one (with a new id). The user's
 * row is locked from the lockout check to the use of the code: a code is accepted once, whatever number of
 * password-verified sessions send it at the same moment, and guesses count one after another.
 */
export async function verifyMfa(ctx: ActingContext, sessionId: string, code: string, settings: SignInSettings): Promise<SignedIn> {
  const pending = await ctx.db
    .selectFrom('sessions')
    .select('user_id')
    .where('id_hash', '=', hashSessionId(sessionId))
    .where('mfa_pending', '=', true)
    .where('expires_at', '>', ctx.now)
    .executeTakeFirst();
  if (!pending) throw notSignedIn();
  const signedIn = await recordAct<SignedIn | null>({ ...ctx, actor: null }, async (tx) => {
    const row = await tx
      .selectFrom('users')
      .select(['id', 'login', 'name', 'totp_secret', 'totp_last_step', 'failed_sign_ins', 'locked_until', 'status'])
      .where('id', '=', pending.user_id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (!row.totp_secret || row.status !== 'active') throw notSignedIn();
    const locked = row.locked_until !== null && row.locked_until > ctx.now;
    // totp_last_step is a bigint column, which pg returns as a string; otplib wants an integer.
    const lastStep = row.totp_last_step === null ? null : Number(row.totp_last_step);
    const step = locked ? null : await checkTotp(row.totp_secret, code, ctx.now, lastStep);
    if (step === null) {
      return { value: null, events: await countFailure(tx, ctx.now, { id: row.id, login: row.login, failures: row.failed_sign_ins, countIt: !locked }, locked ? 'locked' : 'mfa', settings) };
    }
    // The pending session is used up; had a concurrent request used it first, this one signs nobody in.
    const used = await tx.deleteFrom('sessions').where('id_hash', '=', hashSessionId(sessionId)).where('mfa_pending', '=', true).returning('user_id').executeTakeFirst();
    if (!used) throw notSignedIn();
    await tx.updateTable('users').set({ totp_last_step: step, failed_sign_ins: 0 }).where('id', '=', row.id).execute();
    const full = await createSession(tx, { userId: row.id, mfaPending: false, now: ctx.now, request: ctx.request, settings: settings.session });
    return {
      value: { sessionId: full.id, csrfToken: full.csrfToken, userId: row.id, mfaPending: false },
      events: [{ type: 'auth.signed_in', entityType: 'user', entityId: row.id, data: { mfa: true } }],
      actor: { id: row.id, name: row.name, login: row.login, departmentId: '', roles: [] },
    };
  });
  if (!signedIn) throw signInFailed();
  return signedIn;
}
