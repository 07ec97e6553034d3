import type { Transaction } from 'kysely';
import type { ActingContext } from '../../domain/context.js';
import type { Database } from '../../db/tables.js';
import { recordAct, type Events } from '../../journal/append.js';
import type { JournalEvent } from '../../journal/events.js';
import { signInFailed } from './errors.js';
import { decoyPasswordHash, verifyPassword } from './passwords.js';
import { createSession, endSession, type SessionSettings } from './sessions.js';

export interface SignInSettings {
  session: SessionSettings;
  maxFailures: number;
  lockoutMinutes: number;
}

export interface SignedIn {
  sessionId: string;
  csrfToken: string;
  userId: string;
  mfaPending: boolean;
}

/**
 * Checks a login and password and opens a session (MFA-pending when the user has TOTP). Failures are
 * journaled and counted; too many lock the account for a while. The error never says which part was wrong.
 * The session the browser held before (`replacesSessionId`) ends with the sign-in: a new id at each sign-in.
 *
 * The account's row is locked for the whole attempt, from the lockout check through the password check to the
 * count: attempts on one account, from any address and any Bansho instance, are judged one after another, so
 * that no more than `maxFailures` wrong passwords are ever checked before the lockout.
 */
export async function signIn(
  ctx: ActingContext,
  input: { login: string; password: string },
  settings: SignInSettings,
  replacesSessionId?: string,
): Promise<SignedIn> {
  const login = input.login.trim().toLowerCase();
  const signedIn = await recordAct<SignedIn | null>({ ...ctx, actor: null }, async (tx) => {
    const user = await tx
      .selectFrom('users')
      .select(['id', 'name', 'status', 'password_hash', 'failed_sign_ins', 'locked_until', 'totp_enabled_at'])
      .where('login', '=', login)
      .forUpdate()
      .executeTakeFirst();
    if (!user) {
      await verifyPassword(await decoyPasswordHash(), input.password); // as long as for a real login
      return { value: null, events: [{ type: 'auth.sign_in_failed', entityType: 'user', entityId: 'unknown', data: { login, reason: 'unknown', failures: 0 } }] };
    }
    const locked = user.locked_until !== null && user.locked_until > ctx.now;
    // A locked or disabled account's password is not even checked.
    const passwordOk = !locked && user.status === 'active' && user.password_hash !== null && (await verifyPassword(user.password_hash, input.password));
    if (!passwordOk) {
      const reason = user.status !== 'active' ? 'disabled' : locked ? 'locked' : 'password';
      return { value: null, events: await countFailure(tx, ctx.now, { id: user.id, login, failures: user.failed_sign_ins, countIt: reason === 'password' }, reason, settings) };
    }
    const mfaPending = user.totp_enabled_at !== null;
    await tx.updateTable('users').set({ failed_sign_ins: 0, locked_until: null }).where('id', '=', user.id).execute();
    if (replacesSessionId) await endSession(tx, replacesSessionId);
    const session = await createSession(tx, { userId: user.id, mfaPending, now: ctx.now, request: ctx.request, settings: settings.session });
    const event: JournalEvent = mfaPending
      ? { type: 'auth.password_verified', entityType: 'user', entityId: user.id, data: { mfaPending: true } }
      : { type: 'auth.signed_in', entityType: 'user', entityId: user.id, data: { mfa: false } };
    const actor = { id: user.id, name: user.name, login, departmentId: '', roles: [] };
    return { value: { sessionId: session.id, csrfToken: session.csrfToken, userId: user.id, mfaPending }, events: [event], actor };
  });
  if (!signedIn) throw signInFailed();
  return signedIn;
}

/**
 * Counts a failed attempt (inside the attempt's transaction, which holds the account's row) and locks the
 * account when the count reaches the limit; returns the journal events that say so.
 */
export async function countFailure(
  tx: Transaction<Database>,
  now: Date,
  user: { id: string; login: string; failures: number; countIt: boolean },
  reason: 'password' | 'mfa' | 'locked' | 'disabled',
  settings: Pick<SignInSettings, 'maxFailures' | 'lockoutMinutes'>,
): Promise<Events> {
  if (!user.countIt) {
    return [{ type: 'auth.sign_in_failed', entityType: 'user', entityId: user.id, data: { login: user.login, reason, failures: user.failures } }];
  }
  const updated = await tx
    .updateTable('users')
    .set((eb) => ({ failed_sign_ins: eb('failed_sign_ins', '+', 1) }))
    .where('id', '=', user.id)
    .returning('failed_sign_ins')
    .executeTakeFirstOrThrow();
  const failures = updated.failed_sign_ins;
  const failed: JournalEvent = { type: 'auth.sign_in_failed', entityType: 'user', entityId: user.id, data: { login: user.login, reason, failures } };
  if (failures < settings.maxFailures) return [failed];
  const until = new Date(now.getTime() + settings.lockoutMinutes * 60_000);
  await tx.updateTable('users').set({ locked_until: until, failed_sign_ins: 0 }).where('id', '=', user.id).execute();
  return [failed, { type: 'auth.locked_out', entityType: 'user', entityId: user.id, data: { until: until.toISOString(), failures } }];
}
