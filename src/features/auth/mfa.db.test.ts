import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { makeDepartment, makeUser, TEST_PASSWORD } from '../../../test/helpers/factories.js';
import { clientFrom } from '../../../test/helpers/signed-in.js';
import { journalSince, tableState } from '../../../test/helpers/table-state.js';
import { bilingual } from '../../../test/helpers/matchers.js';
import { verifyJournal } from '../../journal/verify.js';
import { fixture } from '../../../test/helpers/fixtures.js';

let t: TestApp;
let departmentId: string;
beforeAll(async () => {
  t = await createTestApp();
  departmentId = (await makeDepartment(t.database.db)).id;
});
afterAll(async () => t.close());

const db = () => t.database.db;
/** The code an authenticator shows `offsetSeconds` from now. */
const codeAt = (secret: string, offsetSeconds = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSeconds });
const wrongCode = (code: string) => String((Number(code) + 500_000) % 1_000_000).padStart(6, '0');

describe('TOTP two-factor sign-in', () => {
  it('takes an app_admin through enrolment, an MFA-pending sign-in, and refuses reused codes', async () => {
    const admin = await makeUser(db(), { departmentId, roles: [{ role: 'app_admin' }] });
    const client = await clientFrom(t.app).signIn(admin.login);

    // 1. The role requires a second factor: the registers are closed until it is set up.
    const closed = await client.get('/api/users');
    expect(closed.statusCode).toBe(403);
    expect(closed.json()).toMatchObject({ error: { code: 'E_MFA_ENROLMENT_REQUIRED', message: bilingual() } });
    expect((await client.get('/api/session')).json()).toMatchObject({ user: { mfaRequired: true, mfaEnrolled: false, mfaPending: false } });

    // 2. Set-up gives a secret (stored, not yet in force) and is journaled.
    let before = await tableState(db());
    const setup = await client.post('/api/account/mfa/setup');
    expect(setup.statusCode).toBe(200);
    const { secret, otpauthUri, qrSvg } = setup.json<{ secret: string; otpauthUri: string; qrSvg: string }>();
    expect(new URL(otpauthUri).searchParams.get('secret')).toBe(secret);
    expect(qrSvg).toContain('<svg');
    expect((await journalSince(db(), before.journal)).map((e) => [e.type, e.entity_id])).toEqual([['auth.mfa_setup_started', admin.id]]);
    const pending = await db().selectFrom('users').select(['totp_secret', 'totp_enabled_at']).where('id', '=', admin.id).executeTakeFirstOrThrow();
    expect(pending).toEqual({ totp_secret: secret, totp_enabled_at: null });

    // 3. A wrong code does not confirm; the right one does, and the same session may now work.
    const enrolCode = await codeAt(secret);
    before = await tableState(db());
    const wrong = await client.post('/api/account/mfa/confirm', { code: wrongCode(enrolCode) });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json()).toMatchObject({ error: { code: 'E_MFA_CODE_INVALID', fields: [{ path: 'code' }] } });
    expect(await tableState(db())).toEqual(before);
    expect((await client.post('/api/account/mfa/confirm', { code: enrolCode })).statusCode).toBe(204);
    expect((await journalSince(db(), before.journal)).map((e) => [e.type, e.entity_id, e.data])).toEqual([['auth.mfa_enrolled', admin.id, { method: 'totp' }]]);
    expect((await client.get('/api/users')).statusCode).toBe(200);
    expect((await client.post('/api/account/mfa/setup')).json()).toMatchObject({ error: { code: 'E_MFA_ALREADY_ENROLLED' } });

    // 4. The next sign-in stops half-way: MFA pending, every other API answers 401.
    const next = clientFrom(t.app);
    const signIn = await next.post('/api/session', { login: admin.login, password: TEST_PASSWORD });
    expect(signIn.statusCode).toBe(200);
    expect(signIn.json()).toMatchObject({ user: { id: admin.id, mfaPending: true } });
    const pendingCookie = next.cookie('bansho_session') ?? '';
    for (const [method, url, body] of [
      ['GET', '/api/users', undefined],
      ['GET', '/api/journal', undefined],
      ['POST', '/api/account/password', { currentPassword: TEST_PASSWORD, newPassword: 'Kumo-no-Ue-de-Odoru-7' }],
      ['POST', '/api/account/mfa/setup', {}],
    ] as const) {
      const response = await next.request(method, url, body);
      expect([url, response.statusCode, response.json<{ error: { code: string } }>().error.code]).toEqual([url, 401, 'E_NOT_SIGNED_IN']);
    }

    // 5. The code used at enrolment is a replay: refused, journaled as an MFA failure.
    before = await tableState(db());
    const replay = await next.post('/api/session/mfa', { code: enrolCode });
    expect(replay.statusCode).toBe(401);
    expect(replay.json()).toMatchObject({ error: { code: 'E_SIGN_IN_FAILED' } });
    expect((await journalSince(db(), before.journal)).map((e) => [e.type, e.data])).toEqual([
      ['auth.sign_in_failed', { login: admin.login, reason: 'mfa', failures: 1 }],
    ]);
    expect((await next.get('/api/users')).statusCode).toBe(401);

    // 6. A fresh code (the next time step, within the allowed drift) completes the sign-in with a new session id.
    const freshCode = await codeAt(secret, 30);
    before = await tableState(db());
    const verified = await next.post('/api/session/mfa', { code: freshCode });
    expect(verified.statusCode).toBe(200);
    expect(verified.json()).toMatchObject({ user: { id: admin.id, mfaPending: false, mfaEnrolled: true } });
    expect((await journalSince(db(), before.journal)).map((e) => [e.type, e.data])).toEqual([['auth.signed_in', { mfa: true }]]);
    expect(next.cookie('bansho_session')).not.toBe(pendingCookie);
    expect((await t.app.inject({ method: 'GET', url: '/api/session', cookies: { bansho_session: pendingCookie } })).json()).toEqual({ user: null });
    expect((await next.get('/api/users')).statusCode).toBe(200);
    expect((await db().selectFrom('users').select('failed_sign_ins').where('id', '=', admin.id).executeTakeFirstOrThrow()).failed_sign_ins).toBe(0);

    // 7. The code just used cannot be used again by anyone, even on a new pending session.
    const third = clientFrom(t.app);
    await third.signIn(admin.login);
    const reused = await third.post('/api/session/mfa', { code: freshCode });
    expect(reused.statusCode).toBe(401);
    expect((await third.get('/api/users')).statusCode).toBe(401);
  });

  it('refuses the MFA step without a pending session, and with a full session', async () => {
    const noSession = await clientFrom(t.app).post('/api/session/mfa', { code: '123456' });
    expect(noSession.statusCode).toBe(401);
    const user = await makeUser(db(), { departmentId });
    const full = await clientFrom(t.app).signIn(user.login);
    expect((await full.post('/api/session/mfa', { code: '123456' })).statusCode).toBe(401);
    expect((await full.get('/api/users')).statusCode).toBe(200);
  });

  it('locks the account after five wrong codes', async () => {
    const admin = await makeUser(db(), { departmentId, roles: [{ role: 'app_admin' }] });
    const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    await fixture(db(), (tx) => tx.updateTable('users').set({ totp_secret: secret, totp_enabled_at: new Date() }).where('id', '=', admin.id).execute());
    const client = await clientFrom(t.app).signIn(admin.login);
    const good = await codeAt(secret);
    const before = await tableState(db());
    for (let i = 0; i < 5; i += 1) expect((await client.post('/api/session/mfa', { code: wrongCode(good) })).statusCode).toBe(401);
    expect((await journalSince(db(), before.journal)).map((e) => e.type)).toEqual([...Array<string>(5).fill('auth.sign_in_failed'), 'auth.locked_out']);
    // Locked: even the right code is refused.
    expect((await client.post('/api/session/mfa', { code: good })).statusCode).toBe(401);
    expect((await client.get('/api/users')).statusCode).toBe(401);
  });

  it('leaves the journal verifiable', async () => {
    expect(await verifyJournal(db())).toMatchObject({ ok: true });
  });
});
