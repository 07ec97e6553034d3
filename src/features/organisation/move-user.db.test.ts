import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../../../test/helpers/app.js';
import { makeDepartment, makeUser } from '../../../test/helpers/factories.js';
import { clientFrom, signedInAdmin } from '../../../test/helpers/signed-in.js';
import { journalSince, tableState } from '../../../test/helpers/table-state.js';
import { verifyJournal } from '../../journal/verify.js';

let t: TestApp;
let from: string;
let to: string;
let admin: ApiClient;
let adminId: string;
beforeAll(async () => {
  t = await createTestApp();
  from = (await makeDepartment(t.database.db)).id;
  to = (await makeDepartment(t.database.db)).id;
  const signedIn = await signedInAdmin(t.app, t.database.db);
  admin = signedIn.client;
  adminId = signedIn.user.id;
});
afterAll(async () => t.close());

const db = () => t.database.db;
const assignments = (userId: string) =>
  db().selectFrom('role_assignments').select(['id', 'role', 'scope_type', 'scope_id', 'revoked_at', 'revoked_by', 'granted_by']).where('user_id', '=', userId).execute();

describe('POST /api/users/:id/move (異動)', () => {
  it('moves the user, ends the roles scoped to the old 課等, keeps the others, and grants staff in the new one', async () => {
    const user = await makeUser(db(), {
      departmentId: from,
      roles: [{ role: 'security_officer' }, { role: 'contractor' }, { role: 'system_admin', scopeId: '財務会計システム' }, { role: 'auditor' }],
    });
    const old = await assignments(user.id);
    const before = await tableState(db());

    const response = await admin.post(`/api/users/${user.id}/move`, { departmentId: to });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ user: { id: user.id, departmentId: to } });
    expect((await db().selectFrom('users').select('department_id').where('id', '=', user.id).executeTakeFirstOrThrow()).department_id).toBe(to);

    const after = await assignments(user.id);
    const live = after.filter((a) => a.revoked_at === null).map((a) => `${a.role}@${a.scope_id}`).sort();
    expect(live).toEqual(['auditor@', `staff@${to}`, 'system_admin@財務会計システム']);
    const ended = after.filter((a) => a.revoked_at !== null);
    expect(ended.map((a) => a.role).sort()).toEqual(['contractor', 'security_officer', 'staff']);
    for (const a of ended) expect([a.scope_id, a.revoked_by]).toEqual([from, adminId]);
    const newStaff = after.find((a) => a.role === 'staff' && a.scope_id === to);
    expect(newStaff?.granted_by).toBe(adminId);

    const added = await journalSince(db(), before.journal);
    expect(added[0]).toMatchObject({ type: 'user.moved', entity_id: user.id, actor_id: adminId, data: { fromDepartmentId: from, toDepartmentId: to } });
    const revoked = added.filter((e) => e.type === 'role.revoked').map((e) => e.data as { assignmentId: string; role: string; scopeId: string });
    const oldDepartmentScoped = old.filter((a) => a.scope_type === 'department');
    expect(revoked.map((d) => d.assignmentId).sort()).toEqual(oldDepartmentScoped.map((a) => a.id).sort());
    expect(added.filter((e) => e.type === 'role.granted').map((e) => e.data)).toEqual([
      { assignmentId: newStaff?.id, role: 'staff', scopeType: 'department', scopeId: to },
    ]);
    expect(added).toHaveLength(1 + 3 + 1);
    const counts = await tableState(db());
    expect([counts.users - before.users, counts.roleAssignments - before.roleAssignments]).toEqual([0, 1]);
  });

  it('takes away what the old role allowed: the former officer no longer sees the old 課等', async () => {
    const officer = await makeUser(db(), { departmentId: from, roles: [{ role: 'security_officer' }] });
    const colleague = await makeUser(db(), { departmentId: from });
    const client = await clientFrom(t.app).signIn(officer.login);
    expect((await client.get(`/api/users/${colleague.id}`)).statusCode).toBe(200);
    expect((await admin.post(`/api/users/${officer.id}/move`, { departmentId: to })).statusCode).toBe(200);
    expect((await client.get(`/api/users/${colleague.id}`)).statusCode).toBe(404);
    expect((await client.patch(`/api/users/${colleague.id}`, { name: '元の課の人' })).statusCode).toBe(404);
  });

  it('refuses the same 課等, an unknown one, a disabled user and oneself, writing nothing', async () => {
    const user = await makeUser(db(), { departmentId: from });
    const disabled = await makeUser(db(), { departmentId: from, status: 'disabled' });
    const before = await tableState(db());
    const same = await admin.post(`/api/users/${user.id}/move`, { departmentId: from });
    expect([same.statusCode, same.json<{ error: { code: string } }>().error.code]).toEqual([422, 'E_SAME_DEPARTMENT']);
    const unknown = await admin.post(`/api/users/${user.id}/move`, { departmentId: '00000000-0000-4000-8000-000000000000' });
    expect([unknown.statusCode, unknown.json<{ error: { code: string } }>().error.code]).toEqual([422, 'E_DEPARTMENT_NOT_FOUND']);
    const inactive = await admin.post(`/api/users/${disabled.id}/move`, { departmentId: to });
    expect([inactive.statusCode, inactive.json<{ error: { code: string } }>().error.code]).toEqual([403, 'E_FORBIDDEN']);
    const self = await admin.post(`/api/users/${adminId}/move`, { departmentId: to });
    expect([self.statusCode, self.json<{ error: { code: string } }>().error.code]).toEqual([403, 'E_FORBIDDEN']);
    expect(await tableState(db())).toEqual(before);
  });

  it('leaves the journal verifiable', async () => {
    expect(await verifyJournal(db())).toMatchObject({ ok: true });
  });
});
