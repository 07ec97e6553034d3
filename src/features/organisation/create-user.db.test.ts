import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../../../test/helpers/app.js';
import { makeDepartment, makeUser } from '../../../test/helpers/factories.js';
import { clientFrom, signedInAdmin } from '../../../test/helpers/signed-in.js';
import { journalSince, tableState } from '../../../test/helpers/table-state.js';
import { bilingual } from '../../../test/helpers/matchers.js';
import { verifyJournal } from '../../journal/verify.js';
import { verifyPassword } from '../auth/passwords.js';
import { fixture } from '../../../test/helpers/fixtures.js';

let t: TestApp;
let departmentId: string;
let admin: ApiClient;
let adminId: string;
beforeAll(async () => {
  t = await createTestApp();
  departmentId = (await makeDepartment(t.database.db)).id;
  const signedIn = await signedInAdmin(t.app, t.database.db);
  admin = signedIn.client;
  adminId = signedIn.user.id;
});
afterAll(async () => t.close());

const db = () => t.database.db;
let counter = 0;
const body = (overrides: Record<string, unknown> = {}) => {
  counter += 1;
  return { login: `new.user-${counter}`, staffNumber: `N-${counter}-${Date.now()}`, name: '新規 利用者', kana: 'しんき りようしゃ', email: `new${counter}@city.example`, departmentId, ...overrides };
};

describe('POST /api/users', () => {
  it('registers a user with a one-time password that must be changed at first sign-in', async () => {
    const input = body();
    const before = await tableState(db());
    const response = await admin.post('/api/users', input);
    expect(response.statusCode).toBe(201);
    const created = response.json<{ user: { id: string }; roles: { role: string; scopeId: string }[]; initialPassword: string; allowedActions: string[] }>();
    expect(created.user).toMatchObject({ login: input.login, staffNumber: input.staffNumber, name: input.name, kana: input.kana, email: input.email, departmentId, status: 'active' });
    expect(created.roles).toMatchObject([{ role: 'staff', scopeType: 'department', scopeId: departmentId }]);
    expect(created.initialPassword).toMatch(/^[A-HJ-NP-Za-km-z2-9]{20}$/);
    expect(created.allowedActions).toContain('disable');

    const row = await db().selectFrom('users').selectAll().where('id', '=', created.user.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ must_change_password: true, status: 'active', department_id: departmentId });
    expect(row.password_hash?.startsWith('$argon2id$')).toBe(true);
    expect(row.password_hash).not.toContain(created.initialPassword);
    expect(await verifyPassword(row.password_hash ?? '', created.initialPassword)).toBe(true);

    const after = await tableState(db());
    expect([after.users - before.users, after.roleAssignments - before.roleAssignments]).toEqual([1, 1]);
    const added = await journalSince(db(), before.journal);
    const grant = await db().selectFrom('role_assignments').selectAll().where('user_id', '=', created.user.id).executeTakeFirstOrThrow();
    expect(added.map((e) => [e.type, e.entity_id, e.actor_id, e.data])).toEqual([
      ['user.created', created.user.id, adminId, { login: input.login, staffNumber: input.staffNumber, name: input.name, departmentId }],
      ['role.granted', created.user.id, adminId, { assignmentId: grant.id, role: 'staff', scopeType: 'department', scopeId: departmentId }],
    ]);
    expect(grant.granted_by).toBe(adminId);

    // Same transaction: the user, the grant and both journal entries were written by one transaction id.
    const xids = await sql<{ xid: string }>`
      SELECT xmin::text AS xid FROM users WHERE id = ${created.user.id}
      UNION ALL SELECT xmin::text FROM role_assignments WHERE user_id = ${created.user.id}
      UNION ALL SELECT xmin::text FROM journal WHERE seq > ${before.journal}`.execute(db());
    expect(new Set(xids.rows.map((r) => r.xid)).size).toBe(1);
    expect(xids.rows).toHaveLength(4);

    // The new user signs in with the one-time password and must change it first.
    const newcomer = await clientFrom(t.app).signIn(input.login, created.initialPassword);
    expect((await newcomer.get('/api/session')).json()).toMatchObject({ user: { mustChangePassword: true } });
    expect((await newcomer.get('/api/users')).json()).toMatchObject({ error: { code: 'E_PASSWORD_CHANGE_REQUIRED' } });
  });

  it('normalises the login to lower case and defaults kana and e-mail to empty', async () => {
    const input = body({ login: 'Mixed.Case-Login', kana: undefined, email: undefined });
    const response = await admin.post('/api/users', input);
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ user: { login: 'mixed.case-login', kana: '', email: '' } });
  });

  it('refuses a login that is taken (in any case) with 409 E_LOGIN_TAKEN and writes nothing', async () => {
    const existing = await makeUser(db(), { departmentId, login: 'taken.login' });
    const before = await tableState(db());
    for (const login of [existing.login, 'TAKEN.LOGIN', ' taken.login ']) {
      const response = await admin.post('/api/users', body({ login }));
      expect(response.statusCode).toBe(409);
      expect(response.json()).toMatchObject({ error: { code: 'E_LOGIN_TAKEN', message: bilingual(), fields: [{ path: 'login' }] } });
    }
    expect(await tableState(db())).toEqual(before);
  });

  it('refuses a staff number that is taken with 409 E_STAFF_NUMBER_TAKEN and writes nothing', async () => {
    const existing = await makeUser(db(), { departmentId });
    const before = await tableState(db());
    const response = await admin.post('/api/users', body({ staffNumber: existing.staff_number }));
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ error: { code: 'E_STAFF_NUMBER_TAKEN', fields: [{ path: 'staffNumber' }] } });
    expect(await tableState(db())).toEqual(before);
  });

  it('refuses an unknown or disabled department with 422 and writes nothing', async () => {
    const disabled = await makeDepartment(db());
    await fixture(db(), (tx) => tx.updateTable('departments').set({ status: 'disabled' }).where('id', '=', disabled.id).execute());
    const before = await tableState(db());
    for (const id of ['00000000-0000-4000-8000-000000000000', disabled.id]) {
      const response = await admin.post('/api/users', body({ departmentId: id }));
      expect(response.statusCode).toBe(422);
      expect(response.json()).toMatchObject({ error: { code: 'E_DEPARTMENT_NOT_FOUND', fields: [{ path: 'departmentId' }] } });
    }
    expect(await tableState(db())).toEqual(before);
  });

  it('refuses staff, who may not register anyone, with 403', async () => {
    const staff = await makeUser(db(), { departmentId });
    const client = await clientFrom(t.app).signIn(staff.login);
    const before = await tableState(db());
    const response = await client.post('/api/users', body());
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ error: { code: 'E_FORBIDDEN' } });
    expect(await tableState(db())).toEqual(before);
  });

  it('leaves the journal verifiable', async () => {
    expect(await verifyJournal(db())).toMatchObject({ ok: true });
  });
});
