import type { ActingContext } from '../../domain/context.js';
import { recordAct } from '../../journal/append.js';
import { authErrors, notSignedIn } from './errors.js';
import { contextWords, hashPassword, passwordProblems, verifyPassword } from './passwords.js';
import { endSessionsOf } from './sessions.js';

/**
 * 第5 3(6)(7): the user changes their password (forced at first sign-in). Other sessions end; this one stays.
 */
export async function changePassword(ctx: ActingContext, sessionId: string, input: { currentPassword: string; newPassword: string }): Promise<void> {
  if (!ctx.actor) throw notSignedIn();
  const userId = ctx.actor.id;
  const user = await ctx.db
    .selectFrom('users')
    .select(['password_hash', 'must_change_password', 'login', 'name', 'kana', 'staff_number', 'email'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  if (!user.password_hash || !(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw authErrors.E_CURRENT_PASSWORD_WRONG.error({ field: 'currentPassword' });
  }
  const problems = passwordProblems(input.newPassword, [user.login, user.name, user.kana, user.staff_number, user.email], contextWords(ctx.policy.municipality));
  if (input.newPassword === input.currentPassword) {
    problems.push({ path: 'newPassword', message: authErrors.E_PASSWORD_UNCHANGED.message() });
  }
  if (problems.length > 0) {
    throw authErrors.E_PASSWORD_POLICY.error({ fields: problems });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await recordAct(ctx, async (tx) => {
    await tx
      .updateTable('users')
      .set({ password_hash: passwordHash, must_change_password: false, password_changed_at: ctx.now, updated_at: ctx.now })
      .where('id', '=', userId)
      .execute();
    await endSessionsOf(tx, userId, sessionId);
    return { value: undefined, events: [{ type: 'auth.password_changed', entityType: 'user', entityId: userId, data: { forced: user.must_change_password } }] };
  });
}
