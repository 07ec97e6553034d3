import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../../../test/helpers/app.js';
import { makeDepartment, makeUser } from '../../../test/helpers/factories.js';
import { clientFrom } from '../../../test/helpers/signed-in.js';
import { journalSince, tableState } from '../../../test/helpers/table-state.js';
import { verifyJournal } from '../../journal/verify.js';

/**
 * 第5 3(1): a 情報セキュリティ責任者 keeps the user register of their own 課等 and of no other. Outside it, a
 * user they cannot read answers 404; one they can read but not change answers 403.
 */
let t: TestApp;
let ownDepartment: string;
let otherDepartment: string;
let officer: ApiClient;
let officerId: string;
beforeAll(async () => {
  t = await createTestApp();
  ownDepartment = (await makeDepartment(t.database.db)).id;
  otherDepartment = (await makeDepartment(t.database.db)).id;
  const user = await makeUser(t.database.db, { departmentId: ownDepartment, roles: [{ role: 'security_officer' }] });
  officerId = user.id;
  officer = await clientFrom(t.app).signIn(user.login);
});
afterAll(async () => t.close());

const db = () => t.database.db;
let counter = 0;
const newUser = (departmentId: string) => {
  counter += 1;
  return { login: `officer-made-${counter}`, staffNumber: `OM-${counter}`, name: '課員 一郎', departmentId };
};
const errorCode = (response: { json: <T>() => T }) => response.json<{ error: { code: string } }>().error.code;

describe('a 情報セキュリティ責任者 in their own 課等', () => {
  it('creates, updates and disables users there, each journaled', async () => {
    const before = await tableState(db());
    const created = await officer.post('/api/users', newUser(ownDepartment));
    expect(created.statusCode).toBe(201);
    const id = created.json<{ user: { id: string } }>().user.id;

    const updated = await officer.patch(`/api/users/${id}`, { name: '課員 二郎', email: 'jiro@city.example' });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ user: { name: '課員 二郎', email: 'jiro@city.example' } });

    const disabled = await officer.post(`/api/users/${id}/disable`, { reason: '異動のため' });
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json()).toMatchObject({ user: { status: 'disabled' }, allowedActions: ['update', 'enable', 'resetPassword'] });

    const enabled = await officer.post(`/api/users/${id}/enable`);
    expect(enabled.statusCode).toBe(200);

    const added = await journalSince(db(), before.journal);
    expect(added.map((e) => [e.type, e.entity_id, e.actor_id])).toEqual([
      ['user.created', id, officerId],
      ['role.granted', id, officerId],
      ['user.updated', id, officerId],
      ['user.disabled', id, officerId],
      ['user.enabled', id, officerId],
    ]);
    expect(added[2]?.data).toEqual({ changes: { name: { from: '課員 一郎', to: '課員 二郎' }, email: { from: '', to: 'jiro@city.example' } } });
  });

  it('may not grant or revoke roles, even there (403, nothing written)', async () => {
    const colleague = await makeUser(db(), { departmentId: ownDepartment });
    const before = await tableState(db());
    const grant = await officer.post(`/api/users/${colleague.id}/roles`, { role: 'security_officer', scopeType: 'department', scopeId: ownDepartment });
    expect([grant.statusCode, errorCode(grant)]).toEqual([403, 'E_FORBIDDEN']);
    const staffRole = await db().selectFrom('role_assignments').select('id').where('user_id', '=', colleague.id).executeTakeFirstOrThrow();
    const revoke = await officer.delete(`/api/users/${colleague.id}/roles/${staffRole.id}`);
    expect([revoke.statusCode, errorCode(revoke)]).toEqual([403, 'E_FORBIDDEN']);
    expect(await tableState(db())).toEqual(before);
  });

  it('may read but not manage privileged accounts there, nor move anyone (403, nothing written)', async () => {
    const privileged = [
      await makeUser(db(), { departmentId: ownDepartment, roles: [{ role: 'app_admin' }] }),
      await makeUser(db(), { departmentId: ownDepartment, roles: [{ role: 'auditor' }] }),
      await makeUser(db(), { departmentId: ownDepartment, roles: [{ role: 'security_officer' }] }),
    ];
    const plain = await makeUser(db(), { departmentId: ownDepartment });
    const before = await tableState(db());
    for (const user of privileged) {
      expect((await officer.get(`/api/users/${user.id}`)).json()).toMatchObject({ user: { id: user.id }, allowedActions: [] });
      for (const [method, url, payload] of [
        ['PATCH', `/api/users/${user.id}`, { name: '乗っ取り' }],
        ['POST', `/api/users/${user.id}/disable`, { reason: '締め出し' }],
        ['POST', `/api/users/${user.id}/reset-password`, {}],
      ] as const) {
        const response = await officer.request(method, url, payload);
        expect([url, response.statusCode, errorCode(response)]).toEqual([url, 403, 'E_FORBIDDEN']);
      }
    }
    const move = await officer.post(`/api/users/${plain.id}/move`, { departmentId: otherDepartment });
    expect([move.statusCode, errorCode(move)]).toEqual([403, 'E_FORBIDDEN']);
    expect(await tableState(db())).toEqual(before);
  });

  it('may not act on themselves: they can read their record, so the answer is 403', async () => {
    const before = await tableState(db());
    expect((await officer.get(`/api/users/${officerId}`)).statusCode).toBe(200);
    for (const [method, url, payload] of [
      ['PATCH', `/api/users/${officerId}`, { name: '自分で変更' }],
      ['POST', `/api/users/${officerId}/disable`, { reason: '自分を無効化' }],
      ['POST', `/api/users/${officerId}/move`, { departmentId: otherDepartment }],
      ['POST', `/api/users/${officerId}/reset-password`, {}],
    ] as const) {
      const response = await officer.request(method, url, payload);
      expect([url, response.statusCode, errorCode(response)]).toEqual([url, 403, 'E_FORBIDDEN']);
    }
    expect(await tableState(db())).toEqual(before);
  });
});

describe('a 情報セキュリティ責任者 outside their 課等', () => {
  it('may not create users in another 課等 (403, nothing written)', async () => {
    const before = await tableState(db());
    const response = await officer.post('/api/users', newUser(otherDepartment));
    expect([response.statusCode, errorCode(response)]).toEqual([403, 'E_FORBIDDEN']);
    expect(await tableState(db())).toEqual(before);
  });

  it('cannot see users of another 課等: read, update, disable, enable, move and reset all answer 404', async () => {
    const stranger = await makeUser(db(), { departmentId: otherDepartment });
    const disabledStranger = await makeUser(db(), { departmentId: otherDepartment, status: 'disabled' });
    const before = await tableState(db());
    for (const [method, url, payload] of [
      ['GET', `/api/users/${stranger.id}`, undefined],
      ['PATCH', `/api/users/${stranger.id}`, { name: '他課の人' }],
      ['POST', `/api/users/${stranger.id}/disable`, { reason: '他課' }],
      ['POST', `/api/users/${disabledStranger.id}/enable`, {}],
      ['POST', `/api/users/${stranger.id}/move`, { departmentId: ownDepartment }],
      ['POST', `/api/users/${stranger.id}/reset-password`, {}],
    ] as const) {
      const response = await officer.request(method, url, payload);
      expect([method, url, response.statusCode, errorCode(response)]).toEqual([method, url, 404, 'E_NOT_FOUND']);
    }
    // The same answer as for a user that does not exist at all.
    const ghost = await officer.get('/api/users/00000000-0000-4000-8000-000000000000');
    expect(ghost.body).toBe((await officer.get(`/api/users/${stranger.id}`)).body);
    expect(await tableState(db())).toEqual(before);
    const list = await officer.get('/api/users?pageSize=200');
    expect(list.json<{ items: { id: string }[] }>().items.map((u) => u.id)).not.toContain(stranger.id);
  });

  it('answers 403 where the officer can read the user through another role (e.g. auditor) but not manage them', async () => {
    const auditingOfficer = await makeUser(db(), { departmentId: ownDepartment, roles: [{ role: 'security_officer' }, { role: 'auditor' }] });
    const client = await clientFrom(t.app).signIn(auditingOfficer.login);
    const stranger = await makeUser(db(), { departmentId: otherDepartment });
    const before = await tableState(db());
    expect((await client.get(`/api/users/${stranger.id}`)).json()).toMatchObject({ user: { id: stranger.id }, allowedActions: [] });
    for (const [method, url, payload] of [
      ['PATCH', `/api/users/${stranger.id}`, { name: '他課の人' }],
      ['POST', `/api/users/${stranger.id}/disable`, { reason: '他課' }],
      ['POST', `/api/users/${stranger.id}/reset-password`, {}],
    ] as const) {
      const response = await client.request(method, url, payload);
      expect([url, response.statusCode, errorCode(response)]).toEqual([url, 403, 'E_FORBIDDEN']);
    }
    expect((await client.post('/api/users', newUser(otherDepartment))).statusCode).toBe(403);
    expect(await tableState(db())).toEqual(before);
  });
});

describe('what staff see', () => {
  it('lists only themselves, reads only themselves, and changes nothing', async () => {
    const staff = await makeUser(db(), { departmentId: ownDepartment });
    const colleague = await makeUser(db(), { departmentId: ownDepartment });
    const client = await clientFrom(t.app).signIn(staff.login);
    const list = await client.get('/api/users?pageSize=200');
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ total: 1, items: [{ id: staff.id }], allowedActions: [] });
    expect((await client.get(`/api/users?departmentId=${ownDepartment}`)).json()).toMatchObject({ total: 1 });
    expect((await client.get(`/api/users/${staff.id}`)).json()).toMatchObject({ user: { id: staff.id }, allowedActions: [] });
    expect((await client.get(`/api/users/${colleague.id}`)).statusCode).toBe(404);
    const before = await tableState(db());
    expect((await client.patch(`/api/users/${colleague.id}`, { name: 'x' })).statusCode).toBe(404);
    expect((await client.patch(`/api/users/${staff.id}`, { name: 'x' })).statusCode).toBe(403);
    expect(await tableState(db())).toEqual(before);
  });

  it('leaves the journal verifiable', async () => {
    expect(await verifyJournal(db())).toMatchObject({ ok: true });
  });
});
