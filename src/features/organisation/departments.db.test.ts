import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../../../test/helpers/app.js';
import { makeDepartment, makeUser } from '../../../test/helpers/factories.js';
import { clientFrom, signedInAdmin } from '../../../test/helpers/signed-in.js';
import { journalSince, tableState } from '../../../test/helpers/table-state.js';
import { verifyJournal } from '../../journal/verify.js';

let t: TestApp;
let admin: ApiClient;
let adminId: string;
beforeAll(async () => {
  t = await createTestApp();
  const signedIn = await signedInAdmin(t.app, t.database.db);
  admin = signedIn.client;
  adminId = signedIn.user.id;
});
afterAll(async () => t.close());

const db = () => t.database.db;
const errorOf = (response: { json: <T>() => T }) => response.json<{ error: { code: string; fields?: { path: string }[] } }>().error;
const create = async (input: Record<string, unknown>) => {
  const response = await admin.post('/api/departments', input);
  expect(response.statusCode).toBe(201);
  return response.json<{ id: string }>().id;
};

describe('POST /api/departments', () => {
  it('adds a 部 and a 課 under it, each journaled', async () => {
    const before = await tableState(db());
    const bu = await create({ code: 'kikaku', name: '企画部', kana: 'きかくぶ', level: 'bu' });
    const ka = await create({ code: 'kikaku-seisaku', name: '企画政策課', kana: 'きかくせいさくか', level: 'ka', parentId: bu });
    const rows = await db().selectFrom('departments').selectAll().where('id', 'in', [bu, ka]).orderBy('code').execute();
    expect(rows.map((r) => [r.code, r.name, r.parent_id, r.level, r.status])).toEqual([
      ['kikaku', '企画部', null, 'bu', 'active'],
      ['kikaku-seisaku', '企画政策課', bu, 'ka', 'active'],
    ]);
    expect((await journalSince(db(), before.journal)).map((e) => [e.type, e.entity_id, e.actor_id, e.data])).toEqual([
      ['department.created', bu, adminId, { code: 'kikaku', name: '企画部', parentId: null, level: 'bu' }],
      ['department.created', ka, adminId, { code: 'kikaku-seisaku', name: '企画政策課', parentId: bu, level: 'ka' }],
    ]);
    const tree = (await admin.get('/api/departments')).json<{ items: { id: string; parentId: string | null }[]; allowedActions: string[] }>();
    expect(tree.allowedActions).toEqual(['create']);
    expect(tree.items.find((d) => d.id === ka)?.parentId).toBe(bu);
  });

  it('refuses a taken code (409), an unknown level (422) and an unknown parent (422), writing nothing', async () => {
    await makeDepartment(db(), { code: 'taken-code' });
    const before = await tableState(db());
    const taken = await admin.post('/api/departments', { code: 'taken-code', name: '重複課', level: 'ka' });
    expect([taken.statusCode, errorOf(taken).code, errorOf(taken).fields?.[0]?.path]).toEqual([409, 'E_DEPARTMENT_CODE_TAKEN', 'code']);
    const level = await admin.post('/api/departments', { code: 'new-level', name: '新階層', level: 'kyoku' });
    expect([level.statusCode, errorOf(level).code, errorOf(level).fields?.[0]?.path]).toEqual([422, 'E_DEPARTMENT_LEVEL_UNKNOWN', 'level']);
    const parent = await admin.post('/api/departments', { code: 'orphan', name: '孤児課', level: 'ka', parentId: '00000000-0000-4000-8000-000000000000' });
    expect([parent.statusCode, errorOf(parent).code, errorOf(parent).fields?.[0]?.path]).toEqual([422, 'E_DEPARTMENT_NOT_FOUND', 'parentId']);
    expect(await tableState(db())).toEqual(before);
  });

  it('is refused to anyone but an administrator, though everyone may read the tree', async () => {
    const department = await makeDepartment(db());
    const officer = await makeUser(db(), { departmentId: department.id, roles: [{ role: 'security_officer' }] });
    const client = await clientFrom(t.app).signIn(officer.login);
    const before = await tableState(db());
    const response = await client.post('/api/departments', { code: 'by-officer', name: '責任者の課', level: 'ka' });
    expect([response.statusCode, errorOf(response).code]).toEqual([403, 'E_FORBIDDEN']);
    const rename = await client.patch(`/api/departments/${department.id}`, { name: '改名' });
    expect([rename.statusCode, errorOf(rename).code]).toEqual([403, 'E_FORBIDDEN']);
    expect(await tableState(db())).toEqual(before);
    const tree = (await client.get('/api/departments')).json<{ items: { allowedActions: string[] }[]; allowedActions: string[] }>();
    expect(tree.allowedActions).toEqual([]);
    expect(tree.items.every((d) => d.allowedActions.length === 0)).toBe(true);
  });
});

describe('PATCH /api/departments/:id', () => {
  it('renames and re-parents, journaling each change with before and after', async () => {
    const a = await create({ code: 'tree-a', name: '甲部', level: 'bu' });
    const b = await create({ code: 'tree-b', name: '乙部', level: 'bu' });
    const c = await create({ code: 'tree-c', name: '丙課', level: 'ka', parentId: a });
    const before = await tableState(db());
    const response = await admin.patch(`/api/departments/${c}`, { name: '丁課', kana: 'ていか', parentId: b });
    expect(response.statusCode).toBe(200);
    const row = await db().selectFrom('departments').selectAll().where('id', '=', c).executeTakeFirstOrThrow();
    expect([row.name, row.kana, row.parent_id]).toEqual(['丁課', 'ていか', b]);
    expect((await journalSince(db(), before.journal)).map((e) => [e.type, e.entity_id, e.data])).toEqual([
      ['department.updated', c, { changes: { name: { from: '丙課', to: '丁課' }, kana: { from: '', to: 'ていか' }, parentId: { from: a, to: b } } }],
    ]);
    // Back to the top level.
    expect((await admin.patch(`/api/departments/${c}`, { parentId: null })).statusCode).toBe(200);
    expect((await db().selectFrom('departments').select('parent_id').where('id', '=', c).executeTakeFirstOrThrow()).parent_id).toBeNull();
  });

  it('refuses a cycle (under itself or under a descendant) with 422 E_DEPARTMENT_CYCLE, writing nothing', async () => {
    const top = await create({ code: 'cyc-top', name: '上位部', level: 'bu' });
    const middle = await create({ code: 'cyc-mid', name: '中位課', level: 'ka', parentId: top });
    const bottom = await create({ code: 'cyc-bot', name: '下位係', level: 'ka', parentId: middle });
    const before = await tableState(db());
    for (const [id, parentId] of [
      [top, top],
      [top, middle],
      [top, bottom],
      [middle, bottom],
    ] as const) {
      const response = await admin.patch(`/api/departments/${id}`, { parentId });
      expect([response.statusCode, errorOf(response).code, errorOf(response).fields?.[0]?.path]).toEqual([422, 'E_DEPARTMENT_CYCLE', 'parentId']);
    }
    expect(await tableState(db())).toEqual(before);
    // Moving a subtree elsewhere in the tree is fine.
    expect((await admin.patch(`/api/departments/${bottom}`, { parentId: top })).statusCode).toBe(200);
  });

  it('answers 404 for a 課等 that does not exist, and 422 for an unknown parent, writing nothing', async () => {
    const existing = await create({ code: 'lonely', name: '単独課', level: 'ka' });
    const before = await tableState(db());
    const missing = await admin.patch('/api/departments/00000000-0000-4000-8000-000000000000', { name: '幻の課' });
    expect([missing.statusCode, errorOf(missing).code]).toEqual([404, 'E_NOT_FOUND']);
    const parent = await admin.patch(`/api/departments/${existing}`, { parentId: '00000000-0000-4000-8000-000000000000' });
    expect([parent.statusCode, errorOf(parent).code]).toEqual([422, 'E_DEPARTMENT_NOT_FOUND']);
    expect(await tableState(db())).toEqual(before);
  });

  it('leaves the journal verifiable', async () => {
    expect(await verifyJournal(db())).toMatchObject({ ok: true });
  });
});
