import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { contextFor, makeDepartment, makeUser, TEST_PASSWORD } from '../../../test/helpers/factories.js';
import { clientFrom, enrolTotp } from '../../../test/helpers/signed-in.js';
import { journalSince, tableState } from '../../../test/helpers/table-state.js';
import { bilingual } from '../../../test/helpers/matchers.js';
import { loadConfig } from '../../config.js';
import { verifyJournal } from '../../journal/verify.js';
import { hashSessionId } from './sessions.js';
import { signIn } from './sign-in.js';
import { fixture } from '../../../test/helpers/fixtures.js';

let t: TestApp;
let departmentId: string;
beforeAll(async () => {
  t = await createTestApp();
  departmentId = (await makeDepartment(t.database.db)).id;
});
afterAll(async () => t.close());

const db = () => t.database.db;
const config = loadConfig({});
const settings = { session: config.session, maxFailures: config.signIn.maxFailures, lockoutMinutes: config.signIn.lockoutMinutes };

/** A request carrying only the given session cookie, as a second browser holding a copied cookie would send. */
const withSessionCookie = (sessionId: string, url = '/api/users') => t.app.inject({ method: 'GET', url, cookies: { bansho_session: sessionId } });

describe('sign-in', () => {
  it('sets an HttpOnly SameSite=Strict session cookie and a readable CSRF cookie, and journals the sign-in', async () => {
    const user = await makeUser(db(), { departmentId });
    const client = clientFrom(t.app);
    const before = await tableState(db());
    const response = await client.post('/api/session', { login: user.login, password: TEST_PASSWORD });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ user: { id: user.id, login: user.login, mustChangePassword: false, mfaPending: false } });

    const session = response.cookies.find((c) => c.name === 'bansho_session');
    const csrf = response.cookies.find((c) => c.name === 'bansho_csrf');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(session?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(csrf).toMatchObject({ sameSite: 'Strict', path: '/' });
    expect(csrf?.httpOnly).toBeFalsy();

    // The id is stored only hashed, with the CSRF token that was handed out.
    const row = await db().selectFrom('sessions').selectAll().where('id_hash', '=', hashSessionId(session?.value ?? '')).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ user_id: user.id, csrf_token: csrf?.value, mfa_pending: false });
    expect(await db().selectFrom('sessions').select('id_hash').where('id_hash', '=', session?.value ?? '').executeTakeFirst()).toBeUndefined();

    const added = await journalSince(db(), before.journal);
    expect(added.map((e) => [e.type, e.entity_id, e.actor_id, e.data])).toEqual([['auth.signed_in', user.id, user.id, { mfa: false }]]);
    expect((await client.get('/api/users')).statusCode).toBe(200);
  });

  it('accepts the login in any case and with surrounding spaces', async () => {
    const user = await makeUser(db(), { departmentId });
    const response = await clientFrom(t.app).post('/api/session', { login: `  ${user.login.toUpperCase()} `, password: TEST_PASSWORD });
    expect(response.statusCode).toBe(200);
  });

  it('rotates the session id at each sign-in: the old cookie no longer works', async () => {
    const user = await makeUser(db(), { departmentId });
    const client = await clientFrom(t.app).signIn(user.login);
    const first = client.cookie('bansho_session') ?? '';
    expect((await withSessionCookie(first)).statusCode).toBe(200);

    await client.signIn(user.login);
    const second = client.cookie('bansho_session') ?? '';
    expect(second).not.toBe('');
    expect(second).not.toBe(first);
    expect((await withSessionCookie(second)).statusCode).toBe(200);
    const old = await withSessionCookie(first);
    expect(old.statusCode).toBe(401);
    expect(old.json()).toMatchObject({ error: { code: 'E_NOT_SIGNED_IN' } });
    expect(await db().selectFrom('sessions').select('id_hash').where('id_hash', '=', hashSessionId(first)).executeTakeFirst()).toBeUndefined();
  });

  it('keeps the sessions of other browsers when the same user signs in elsewhere', async () => {
    const user = await makeUser(db(), { departmentId });
    const office = await clientFrom(t.app).signIn(user.login);
    const phone = await clientFrom(t.app).signIn(user.login);
    expect((await office.get('/api/users')).statusCode).toBe(200);
    expect((await phone.get('/api/users')).statusCode).toBe(200);
  });

  it('answers a wrong password and an unknown login with the same 401 body, and journals both', async () => {
    const user = await makeUser(db(), { departmentId });
    const before = await tableState(db());
    const sessionsBefore = await db().selectFrom('sessions').select('id_hash').execute();

    const wrongPassword = await clientFrom(t.app).post('/api/session', { login: user.login, password: 'not-the-password' });
    const unknownLogin = await clientFrom(t.app).post('/api/session', { login: 'nobody-here', password: TEST_PASSWORD });
    for (const response of [wrongPassword, unknownLogin]) {
      expect(response.statusCode).toBe(401);
      expect(response.cookies.find((c) => c.name === 'bansho_session')).toBeUndefined();
    }
    expect(wrongPassword.json()).toMatchObject({ error: { code: 'E_SIGN_IN_FAILED', message: bilingual() } });
    expect(unknownLogin.body).toBe(wrongPassword.body);

    const added = await journalSince(db(), before.journal);
    expect(added.map((e) => [e.type, e.entity_id, e.actor_id, e.data])).toEqual([
      ['auth.sign_in_failed', user.id, null, { login: user.login, reason: 'password', failures: 1 }],
      ['auth.sign_in_failed', 'unknown', null, { login: 'nobody-here', reason: 'unknown', failures: 0 }],
    ]);
    expect(await db().selectFrom('sessions').select('id_hash').execute()).toHaveLength(sessionsBefore.length);
  });

  it('refuses a disabled user with the same answer and journals why', async () => {
    const user = await makeUser(db(), { departmentId, status: 'disabled' });
    const before = await tableState(db());
    const response = await clientFrom(t.app).post('/api/session', { login: user.login, password: TEST_PASSWORD });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ error: { code: 'E_SIGN_IN_FAILED' } });
    const added = await journalSince(db(), before.journal);
    expect(added.map((e) => [e.type, e.data])).toEqual([['auth.sign_in_failed', { login: user.login, reason: 'disabled', failures: 0 }]]);
  });
});

describe('lockout after repeated failures (第5 3(6))', () => {
  it('locks the account at the fifth failure, refuses the right password while locked, and opens again afterwards', async () => {
    const user = await makeUser(db(), { departmentId });
    const client = clientFrom(t.app);
    const before = await tableState(db());
    for (let i = 0; i < 5; i += 1) {
      const response = await client.post('/api/session', { login: user.login, password: `wrong-${i}` });
      expect(response.statusCode).toBe(401);
    }
    const added = await journalSince(db(), before.journal);
    expect(added.map((e) => e.type)).toEqual([...Array<string>(5).fill('auth.sign_in_failed'), 'auth.locked_out']);
    expect(added.slice(0, 5).map((e) => (e.data as { failures: number }).failures)).toEqual([1, 2, 3, 4, 5]);
    const locked = await db().selectFrom('users').select(['locked_until', 'failed_sign_ins']).where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(locked.locked_until).not.toBeNull();
    const minutes = ((locked.locked_until?.getTime() ?? 0) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);
    expect((added[5]?.data as { until: string }).until).toBe(locked.locked_until?.toISOString());

    // The right password is refused while locked, with the same answer; the refusal is journaled as "locked".
    const whileLocked = await client.post('/api/session', { login: user.login, password: TEST_PASSWORD });
    expect(whileLocked.statusCode).toBe(401);
    expect(whileLocked.json()).toMatchObject({ error: { code: 'E_SIGN_IN_FAILED' } });
    const lockedEntry = (await journalSince(db(), before.journal + 6))[0];
    expect(lockedEntry).toMatchObject({ type: 'auth.sign_in_failed', data: { reason: 'locked' } });

    // When the lockout has passed, the right password works and the counters are cleared.
    await fixture(db(), (tx) => tx.updateTable('users').set({ locked_until: new Date(Date.now() - 1000) }).where('id', '=', user.id).execute());
    const after = await client.post('/api/session', { login: user.login, password: TEST_PASSWORD });
    expect(after.statusCode).toBe(200);
    const cleared = await db().selectFrom('users').select(['locked_until', 'failed_sign_ins']).where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(cleared).toEqual({ locked_until: null, failed_sign_ins: 0 });
  });

  it('lets the lockout run out with the clock (the context time decides)', async () => {
    const user = await makeUser(db(), { departmentId });
    const start = new Date();
    const at = (minutes: number) => contextFor(db(), t.policy, null, new Date(start.getTime() + minutes * 60_000));
    for (let i = 0; i < 5; i += 1) {
      await expect(signIn(at(0), { login: user.login, password: 'wrong' }, settings)).rejects.toMatchObject({ code: 'E_SIGN_IN_FAILED' });
    }
    await expect(signIn(at(14), { login: user.login, password: TEST_PASSWORD }, settings)).rejects.toMatchObject({ code: 'E_SIGN_IN_FAILED' });
    const signedIn = await signIn(at(15.1), { login: user.login, password: TEST_PASSWORD }, settings);
    expect(signedIn.userId).toBe(user.id);
  });

  it('does not count failures after a success: four failures, a success, four failures do not lock', async () => {
    const user = await makeUser(db(), { departmentId });
    const client = clientFrom(t.app);
    for (let i = 0; i < 4; i += 1) await client.post('/api/session', { login: user.login, password: 'wrong' });
    await client.signIn(user.login);
    for (let i = 0; i < 4; i += 1) await client.post('/api/session', { login: user.login, password: 'wrong' });
    const row = await db().selectFrom('users').select(['locked_until', 'failed_sign_ins']).where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ locked_until: null, failed_sign_ins: 4 });
  });
});

describe('rate limit on sign-in', () => {
  it('answers 429 E_RATE_LIMITED after 20 tries a minute from one address, and does not journal the refused ones', async () => {
    const user = await makeUser(db(), { departmentId });
    const client = clientFrom(t.app, '192.0.2.77');
    const before = await tableState(db());
    for (let i = 0; i < 20; i += 1) {
      const response = await client.post('/api/session', { login: `nobody-${i}`, password: 'whatever' });
      expect(response.statusCode).toBe(401);
    }
    const limited = await client.post('/api/session', { login: user.login, password: TEST_PASSWORD });
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ error: { code: 'E_RATE_LIMITED', message: bilingual() } });
    expect(limited.cookies.find((c) => c.name === 'bansho_session')).toBeUndefined();
    expect((await journalSince(db(), before.journal)).map((e) => e.type)).toEqual(Array<string>(20).fill('auth.sign_in_failed'));

    // Another address is not affected.
    expect((await clientFrom(t.app, '192.0.2.78').post('/api/session', { login: user.login, password: TEST_PASSWORD })).statusCode).toBe(200);
  });
});

describe('sign-out', () => {
  it('ends the session: the cookie is cleared, the row removed, the act journaled, and the old id refused', async () => {
    const user = await makeUser(db(), { departmentId });
    const client = await clientFrom(t.app).signIn(user.login);
    const sessionId = client.cookie('bansho_session') ?? '';
    const before = await tableState(db());

    const response = await client.delete('/api/session');
    expect(response.statusCode).toBe(204);
    expect(response.cookies.find((c) => c.name === 'bansho_session')?.value).toBe('');
    expect(await db().selectFrom('sessions').select('id_hash').where('id_hash', '=', hashSessionId(sessionId)).executeTakeFirst()).toBeUndefined();
    const added = await journalSince(db(), before.journal);
    expect(added.map((e) => [e.type, e.entity_id, e.actor_id])).toEqual([['auth.signed_out', user.id, user.id]]);

    expect((await withSessionCookie(sessionId)).statusCode).toBe(401);
    expect((await client.get('/api/session')).json()).toEqual({ user: null });
    expect((await client.get('/api/users')).statusCode).toBe(401);
  });

  it('leaves the journal verifiable', async () => {
    expect(await verifyJournal(db())).toMatchObject({ ok: true });
  });
});

describe('sign-in under concurrent attempts', () => {
  it('accepts a fresh TOTP code once, when four password-verified sessions send it at the same moment', async () => {
    const user = await makeUser(db(), { departmentId });
    const secret = await enrolTotp(db(), user.id);
    const clients = await Promise.all(Array.from({ length: 4 }, async () => {
      const client = clientFrom(t.app);
      const response = await client.post('/api/session', { login: user.login, password: TEST_PASSWORD });
      expect(response.json()).toMatchObject({ user: { mfaPending: true } });
      return client;
    }));
    const code = await generate({ secret });
    const answers = await Promise.all(clients.map((client) => client.post('/api/session/mfa', { code })));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 401, 401, 401]);
    const full = await db().selectFrom('sessions').select('id_hash').where('user_id', '=', user.id).where('mfa_pending', '=', false).execute();
    expect(full).toHaveLength(1);
  });

  it('checks no more wrong passwords than the limit when twelve arrive at once from twelve addresses, and then refuses the right one', async () => {
    const user = await makeUser(db(), { departmentId });
    const before = await tableState(db());
    const wrong = await Promise.all(Array.from({ length: 12 }, (_, i) => clientFrom(t.app).post('/api/session', { login: user.login, password: `wrong-password-${i}` })));
    expect(wrong.every((r) => r.statusCode === 401)).toBe(true);
    const added = await journalSince(db(), before.journal);
    const reasons = added.filter((e) => e.type === 'auth.sign_in_failed').map((e) => (e.data as { reason: string }).reason);
    expect(reasons.filter((r) => r === 'password')).toHaveLength(5);
    expect(reasons.filter((r) => r === 'locked')).toHaveLength(7);
    expect(added.filter((e) => e.type === 'auth.locked_out')).toHaveLength(1);
    const right = await clientFrom(t.app).post('/api/session', { login: user.login, password: TEST_PASSWORD });
    expect(right.statusCode).toBe(401);
  });

  it('never lets the right password in after the limit was reached, whatever the order of thirteen parallel tries', async () => {
    const user = await makeUser(db(), { departmentId });
    const before = await tableState(db());
    const tries = [...Array.from({ length: 12 }, (_, i) => `wrong-password-${i}`), TEST_PASSWORD];
    const answers = await Promise.all(tries.map((password) => clientFrom(t.app).post('/api/session', { login: user.login, password })));
    const added = await journalSince(db(), before.journal);
    const judged = added.filter((e) => e.type === 'auth.sign_in_failed' || e.type === 'auth.signed_in');
    const signedInAt = judged.findIndex((e) => e.type === 'auth.signed_in');
    const passwordFailures = judged.filter((e) => (e.data as { reason?: string }).reason === 'password').length;
    // Judged one after another: either the right one came before the lockout (and reset the count), or it was refused.
    if (answers.at(-1)?.statusCode === 200) {
      expect(judged.slice(0, signedInAt).filter((e) => (e.data as { reason?: string }).reason === 'password').length).toBeLessThan(5);
    } else {
      expect(signedInAt).toBe(-1);
      expect(passwordFailures).toBe(5);
    }
  });
});
