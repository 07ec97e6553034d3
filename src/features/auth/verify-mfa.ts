import type { ActingContext } from '../../domain/context.js';
import { recordAct } from '../../journal/append.js';
import { notSignedIn, signInFailed } from './errors.js';
import { createSession, hashSessionId } from './sessions.js';
import { recordFailure, type SignedIn, type SignInSettings } from './sign-in.js';
import { checkTotp } from './totp.js';

/** Second step of sign-in: a TOTP code turns an MFA-pending session into a full one (with a new id). */
export async function verifyMfa(ctx: ActingContext, sessionId: string, code: string, settings: SignInSettings): Promise<SignedIn> {
  const row = await ctx.db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['users.id', 'users.login', 'users.name', 'users.totp_secret', 'users.totp_last_step', 'users.failed_sign_ins', 'users.locked_until', 'users.status'])
    .where('sessions.id_hash', '=', hashSessionId(sessionId))
    .where('sessions.mfa_pending', '=', true)
    .where('sessions.expires_at', '>', ctx.now)
    .executeTakeFirst();
  if (!row?.totp_secret || row.status !== 'active') throw notSignedIn();
  const locked = row.locked_until !== null && row.locked_until > ctx.now;
  // totp_last_step is a bigint column, which pg returns as a string; otplib wants an integer.
  const lastStep = row.totp_last_step === null ? null : Number(row.totp_last_step);
  const step = locked ? null : await checkTotp(row.totp_secret, code, ctx.now, lastStep);
  if (step === null) {
    await recordFailure(ctx, { id: row.id, login: row.login, failures: row.failed_sign_ins, countIt: !locked }, locked ? 'locked' : 'mfa', settings);
    throw signInFailed();
  }
  const asUser = { ...ctx, actor: { id: row.id, name: row.name, login: row.login, departmentId: '', roles: [] } };
  return recordAct(asUser, async (tx) => {
    await tx.deleteFrom('sessions').where('id_hash', '=', hashSessionId(sessionId)).execute();
    await tx.updateTable('users').set({ totp_last_step: step, failed_sign_ins: 0 }).where('id', '=', row.id).execute();
    const session = await createSession(tx, { userId: row.id, mfaPending: false, now: ctx.now, request: ctx.request, settings: settings.session });
    return {
      value: { sessionId: session.id, csrfToken: session.csrfToken, userId: row.id, mfaPending: false },
      events: [{ type: 'auth.signed_in', entityType: 'user', entityId: row.id, data: { mfa: true } }],
    };
  });
}
