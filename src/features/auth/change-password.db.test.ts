import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { makeDepartment, makeUser, TEST_PASSWORD } from '../../../test/helpers/factories.js';
import { clientFrom } from '../../../test/helpers/signed-in.js';
import { journalSince, tableState } from '../../../test/helpers/table-state.js';
import { bilingual } from '../../../test/helpers/matchers.js';
import { verifyJournal } from '../../journal/verify.js';
import { verifyPassword } from './passwords.js';

let t: TestApp;
let departmentId: string;
beforeAll(async () => {
  t = await createTestApp();
  departmentId = (await makeDepartment(t.database.db)).id;
});
afterAll(async () => t.close());

const db = () => t.database.db;
const NEW_PASSWORD = 'Kumo-no-Ue-de-Odoru-7';

describe('forced password change at first sign-in (第5 3(7))', () => {
  it('signs in, but refuses the registers with 403 E_PASSWORD_CHANGE_REQUIRED until the password is changed', async () => {
    const user = await makeUser(db(), { departmentId, mustChangePassword: true });
    const client = await clientFrom(t.app).signIn(user.login);
    expect((await client.get('/api/session')).json()).toMatchObject({ user: { id: user.id, mustChangePassword: true } });
    for (const url of ['/api/users', `/api/users/${user.id}`, '/api/departments', '/api/journal']) {
      const response = await client.get(url);
      expect([url, response.statusCode]).toEqual([url, 403]);
      expect(response.json()).toMatchObject({ error: { code: 'E_PASSWORD_CHANGE_REQUIRED', message: bilingual() } });
    }
  });

  it('lists every reason a new password is refused in `fields`, and changes nothing', async () => {
    const user = await makeUser(db(), { departmentId, login: `aaaaaa-${Math.random().toString(36).slice(2, 8)}`, mustChangePassword: true });
    const client = await clientFrom(t.app).signIn(user.login);
    const before = await tableState(db());

    const response = await client.post('/api/account/password', { currentPassword: TEST_PASSWORD, newPassword: 'aaaaaa' });
    expect(response.statusCode).toBe(422);
    const body = response.json<{ error: { code: string; fields: { path: string; message: { ja: string; en: string } }[] } }>();
    expect(body.error.code).toBe('E_PASSWORD_POLICY');
    expect(body.error.fields.map((f) => f.path)).toEqual(['newPassword', 'newPassword', 'newPassword']);
    expect(body.error.fields.map((f) => f.message.en)).toEqual([
      'The password must be at least 12 characters long.',
      'The password repeats too few different characters.',
      'The password must not contain parts of your name or login.',
    ]);

    const common = await client.post('/api/account/password', { currentPassword: TEST_PASSWORD, newPassword: 'password1234' });
    expect(common.json()).toMatchObject({ error: { code: 'E_PASSWORD_POLICY', fields: [{ message: { en: 'This password is too common.' } }] } });

    const same = await client.post('/api/account/password', { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD });
    expect(same.statusCode).toBe(422);
    expect(same.json()).toMatchObject({ error: { code: 'E_PASSWORD_POLICY', fields: [{ message: { en: 'The new password must differ from the current one.' } }] } });

    const wrongCurrent = await client.post('/api/account/password', { currentPassword: 'not-my-password', newPassword: NEW_PASSWORD });
    expect(wrongCurrent.statusCode).toBe(422);
    expect(wrongCurrent.json()).toMatchObject({ error: { code: 'E_CURRENT_PASSWORD_WRONG', fields: [{ path: 'currentPassword' }] } });

    expect(await tableState(db())).toEqual(before);
    const row = await db().selectFrom('users').select(['must_change_password', 'password_hash']).where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(row.must_change_password).toBe(true);
    expect(await verifyPassword(row.password_hash ?? '', TEST_PASSWORD)).toBe(true);
  });

  it('changes the password: journaled as forced, other sessions ended, this one kept, the registers open', async () => {
    const user = await makeUser(db(), { departmentId, mustChangePassword: true });
    const other = await clientFrom(t.app).signIn(user.login);
    const client = await clientFrom(t.app).signIn(user.login);
    const before = await tableState(db());

    const response = await client.post('/api/account/password', { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD });
    expect(response.statusCode).toBe(204);

    const added = await journalSince(db(), before.journal);
    expect(added.map((e) => [e.type, e.entity_id, e.actor_id, e.data])).toEqual([['auth.password_changed', user.id, user.id, { forced: true }]]);
    const row = await db().selectFrom('users').select(['must_change_password', 'password_hash', 'password_changed_at']).where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(row.must_change_password).toBe(false);
    expect(row.password_changed_at).not.toBeNull();
    expect(await verifyPassword(row.password_hash ?? '', NEW_PASSWORD)).toBe(true);

    expect((await other.get('/api/users')).statusCode).toBe(401);
    expect((await db().selectFrom('sessions').select('id_hash').where('user_id', '=', user.id).execute()).length).toBe(1);
    expect((await client.get('/api/users')).statusCode).toBe(200);

    // The old password no longer signs in; the new one does, without a forced change.
    expect((await clientFrom(t.app).post('/api/session', { login: user.login, password: TEST_PASSWORD })).statusCode).toBe(401);
    const again = await clientFrom(t.app).post('/api/session', { login: user.login, password: NEW_PASSWORD });
    expect(again.json()).toMatchObject({ user: { mustChangePassword: false } });
  });

  it('journals a voluntary change as not forced', async () => {
    const user = await makeUser(db(), { departmentId });
    const client = await clientFrom(t.app).signIn(user.login);
    const before = await tableState(db());
    expect((await client.post('/api/account/password', { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD })).statusCode).toBe(204);
    expect((await journalSince(db(), before.journal)).map((e) => [e.type, e.data])).toEqual([['auth.password_changed', { forced: false }]]);
  });

  it('refuses a password change without a session', async () => {
    const response = await clientFrom(t.app).post('/api/account/password', { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ error: { code: 'E_NOT_SIGNED_IN' } });
  });

  it('leaves the journal verifiable', async () => {
    expect(await verifyJournal(db())).toMatchObject({ ok: true });
  });
});
