import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../../../test/helpers/app.js';
import { makeDepartment, makeUser } from '../../../test/helpers/factories.js';
import { signedInAdmin } from '../../../test/helpers/signed-in.js';
import { journalSince, tableState } from '../../../test/helpers/table-state.js';
import { verifyJournal } from '../../journal/verify.js';

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
const errorOf = (response: { json: <T>() => T }) => response.json<{ error: { code: string; fields?: { path: string }[] } }>().error;
const liveRoles = async (userId: string) =>
  (await db().selectFrom('role_assignments').select(['role', 'scope_type', 'scope_id']).where('user_id', '=', userId).where('revoked_at', 'is', null).orderBy('role').execute()).map(
    (r) => `${r.role}@${r.scope_type}:${r.scope_id}`,
  );

describe('POST /api/users/:id/roles', () => {
  it('grants a role with the scope the policy gives it, journaled with the assignment', async () => {
    const user = await makeUser(db(), { departmentId });
    const before = await tableState(db());
    const cases = [
      { role: 'security_officer', scopeType: 'department', scopeId: departmentId },
      { role: 'system_admin', scopeType: 'system', scopeId: '住民記録システム' },
      { role: 'network_admin', scopeType: 'network', scopeId: '庁内LAN' },
      { role: 'auditor', scopeType: 'global' },
    ];
    for (const input of cases) {
      const response = await admin.post(`/api/users/${user.id}/roles`, input);
      expect([input.role, response.statusCode]).toEqual([input.role, 201]);
    }
    expect(await liveRoles(user.id)).toEqual([
      'auditor@global:',
      'network_admin@network:庁内LAN',
      `security_officer@department:${departmentId}`,
      `staff@department:${departmentId}`,
      'system_admin@system:住民記録システム',
    ]);
    const added = await journalSince(db(), before.journal);
    expect(added.map((e) => [e.type, e.entity_id, e.actor_id, (e.data as { role: string }).role, (e.data as { scopeId: string }).scopeId])).toEqual([
      ['role.granted', user.id, adminId, 'security_officer', departmentId],
      ['role.granted', user.id, adminId, 'system_admin', '住民記録システム'],
      ['role.granted', user.id, adminId, 'network_admin', '庁内LAN'],
      ['role.granted', user.id, adminId, 'auditor', ''],
    ]);
    const assignmentIds = (await db().selectFrom('role_assignments').select('id').where('user_id', '=', user.id).where('role', '!=', 'staff').orderBy('granted_at').execute()).map((r) => r.id);
    expect(added.map((e) => (e.data as { assignmentId: string }).assignmentId).sort()).toEqual(assignmentIds.sort());
  });

  it('refuses a scope that does not match the policy with 422 E_ROLE_SCOPE_INVALID, writing nothing', async () => {
    const user = await makeUser(db(), { departmentId });
    const before = await tableState(db());
    for (const input of [
      { role: 'security_officer', scopeType: 'global' },
      { role: 'app_admin', scopeType: 'department', scopeId: departmentId },
      { role: 'system_admin', scopeType: 'network', scopeId: '庁内LAN' },
      { role: 'security_officer', scopeType: 'department' },
      { role: 'security_officer', scopeType: 'department', scopeId: '' },
      { role: 'system_admin', scopeType: 'system', scopeId: '   ' },
    ]) {
      const response = await admin.post(`/api/users/${user.id}/roles`, input);
      expect([JSON.stringify(input), response.statusCode, errorOf(response).code]).toEqual([JSON.stringify(input), 422, 'E_ROLE_SCOPE_INVALID']);
      expect(errorOf(response).fields).toEqual([expect.objectContaining({ path: 'scopeId' })]);
    }
    expect(await tableState(db())).toEqual(before);
  });

  it('says which scope the role takes, under the policy\'s titles for the role and the organisation level', async () => {
    const user = await makeUser(db(), { departmentId });
    const messages = [];
    for (const input of [
      { role: 'security_officer', scopeType: 'global' },
      { role: 'security_officer', scopeType: 'department' },
      { role: 'app_admin', scopeType: 'department', scopeId: departmentId },
      { role: 'system_admin', scopeType: 'network', scopeId: '庁内LAN' },
    ]) {
      const error = (await admin.post(`/api/users/${user.id}/roles`, input)).json<{ error: { message: { ja: string; en: string }; fields: { message: unknown }[] } }>().error;
      expect(error.fields).toEqual([expect.objectContaining({ message: error.message })]);
      messages.push(error.message);
    }
    expect(messages).toEqual([
      { ja: '情報セキュリティ責任者の範囲には課等を指定してください。', en: 'The scope of Information Security Officer must be: Section.' },
      { ja: '情報セキュリティ責任者の範囲には課等を指定してください。', en: 'The scope of Information Security Officer must be: Section.' },
      { ja: 'システム管理者（番所）の範囲には全庁を指定してください。', en: 'The scope of Bansho Administrator must be: the whole organisation.' },
      { ja: '情報システム管理者の範囲には情報システムを指定してください。', en: 'The scope of Information System Administrator must be: an information system.' },
    ]);
  });

  it('refuses a department scope that names no 課等 with 422 E_DEPARTMENT_NOT_FOUND, writing nothing', async () => {
    const user = await makeUser(db(), { departmentId });
    const before = await tableState(db());
    for (const scopeId of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid', '総務課']) {
      const response = await admin.post(`/api/users/${user.id}/roles`, { role: 'security_officer', scopeType: 'department', scopeId });
      expect([scopeId, response.statusCode, errorOf(response).code]).toEqual([scopeId, 422, 'E_DEPARTMENT_NOT_FOUND']);
      expect(errorOf(response).fields).toEqual([expect.objectContaining({ path: 'scopeId' })]);
    }
    expect(await tableState(db())).toEqual(before);
  });

  it('refuses a role granted twice with 409 E_ROLE_ALREADY_GRANTED, writing nothing', async () => {
    const user = await makeUser(db(), { departmentId });
    expect((await admin.post(`/api/users/${user.id}/roles`, { role: 'auditor', scopeType: 'global' })).statusCode).toBe(201);
    const before = await tableState(db());
    const again = await admin.post(`/api/users/${user.id}/roles`, { role: 'auditor', scopeType: 'global', scopeId: null });
    expect([again.statusCode, errorOf(again).code]).toEqual([409, 'E_ROLE_ALREADY_GRANTED']);
    const staffAgain = await admin.post(`/api/users/${user.id}/roles`, { role: 'staff', scopeType: 'department', scopeId: departmentId });
    expect([staffAgain.statusCode, errorOf(staffAgain).code]).toEqual([409, 'E_ROLE_ALREADY_GRANTED']);
    expect(await tableState(db())).toEqual(before);
  });

  it('refuses an administrator granting a role to themselves (separation of duties), writing nothing', async () => {
    const before = await tableState(db());
    const response = await admin.post(`/api/users/${adminId}/roles`, { role: 'auditor', scopeType: 'global' });
    expect([response.statusCode, errorOf(response).code]).toEqual([403, 'E_FORBIDDEN']);
    expect(await tableState(db())).toEqual(before);
  });

  it('answers 404 for a user that does not exist', async () => {
    const response = await admin.post('/api/users/00000000-0000-4000-8000-000000000000/roles', { role: 'auditor', scopeType: 'global' });
    expect([response.statusCode, errorOf(response).code]).toEqual([404, 'E_NOT_FOUND']);
  });
});

describe('DELETE /api/users/:id/roles/:assignmentId', () => {
  it('revokes an assignment, keeping the row as history, and the role can then be granted again', async () => {
    const user = await makeUser(db(), { departmentId, roles: [{ role: 'auditor' }] });
    const assignment = await db().selectFrom('role_assignments').selectAll().where('user_id', '=', user.id).where('role', '=', 'auditor').executeTakeFirstOrThrow();
    const before = await tableState(db());
    const response = await admin.delete(`/api/users/${user.id}/roles/${assignment.id}`);
    expect(response.statusCode).toBe(200);
    expect(response.json<{ roles: { role: string }[] }>().roles.map((r) => r.role)).toEqual(['staff']);
    const row = await db().selectFrom('role_assignments').selectAll().where('id', '=', assignment.id).executeTakeFirstOrThrow();
    expect(row.revoked_by).toBe(adminId);
    expect(row.revoked_at).not.toBeNull();
    expect((await journalSince(db(), before.journal)).map((e) => [e.type, e.entity_id, e.data])).toEqual([
      ['role.revoked', user.id, { assignmentId: assignment.id, role: 'auditor', scopeType: 'global', scopeId: '' }],
    ]);
    expect((await admin.post(`/api/users/${user.id}/roles`, { role: 'auditor', scopeType: 'global' })).statusCode).toBe(201);
  });

  it('answers 404 for an assignment already revoked or of another user, writing nothing', async () => {
    const user = await makeUser(db(), { departmentId, roles: [{ role: 'auditor' }] });
    const other = await makeUser(db(), { departmentId });
    const assignment = await db().selectFrom('role_assignments').select('id').where('user_id', '=', user.id).where('role', '=', 'auditor').executeTakeFirstOrThrow();
    expect((await admin.delete(`/api/users/${user.id}/roles/${assignment.id}`)).statusCode).toBe(200);
    const before = await tableState(db());
    const twice = await admin.delete(`/api/users/${user.id}/roles/${assignment.id}`);
    expect([twice.statusCode, errorOf(twice).code]).toEqual([404, 'E_NOT_FOUND']);
    const staffOfUser = await db().selectFrom('role_assignments').select('id').where('user_id', '=', user.id).where('role', '=', 'staff').executeTakeFirstOrThrow();
    const wrongUser = await admin.delete(`/api/users/${other.id}/roles/${staffOfUser.id}`);
    expect([wrongUser.statusCode, errorOf(wrongUser).code]).toEqual([404, 'E_NOT_FOUND']);
    expect(await tableState(db())).toEqual(before);
  });

  it('refuses an administrator revoking their own role', async () => {
    const own = await db().selectFrom('role_assignments').select('id').where('user_id', '=', adminId).where('role', '=', 'app_admin').executeTakeFirstOrThrow();
    const before = await tableState(db());
    const response = await admin.delete(`/api/users/${adminId}/roles/${own.id}`);
    expect([response.statusCode, errorOf(response).code]).toEqual([403, 'E_FORBIDDEN']);
    expect(await tableState(db())).toEqual(before);
  });

  it('leaves the journal verifiable', async () => {
    expect(await verifyJournal(db())).toMatchObject({ ok: true });
  });
});
