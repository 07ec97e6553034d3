import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../../../test/helpers/app.js';
import { grantAccess, makeAsset, makeDepartment, makeUser } from '../../../test/helpers/factories.js';
import { makeMedium, registerState } from '../../../test/helpers/media-risk-state.js';
import { signedInUser } from '../../../test/helpers/signed-in.js';
import { journalSince } from '../../../test/helpers/table-state.js';
import { verifyJournal } from '../../journal/verify.js';
import { fixture } from '../../../test/helpers/fixtures.js';

/**
 * 第2 4(3) through the API on a real database: who registers, changes and reads issued media, and the rules on
 * holders, write protection (イ), locked storage (ウ) and the assets a medium still holds.
 */
let t: TestApp;
let ownDept: string;
let otherDept: string;
let officer: ApiClient;
let officerId: string;
let otherOfficer: ApiClient;
let auditor: ApiClient;
let holder: ApiClient;
let holderId: string;
let bystander: ApiClient;
let colleagueId: string;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  ownDept = (await makeDepartment(db, { name: '媒体課' })).id;
  otherDept = (await makeDepartment(db, { name: '他の課' })).id;
  const o = await signedInUser(t.app, db, { departmentId: ownDept, roles: [{ role: 'security_officer' }] });
  officer = o.client;
  officerId = o.user.id;
  otherOfficer = (await signedInUser(t.app, db, { departmentId: otherDept, roles: [{ role: 'security_officer' }] })).client;
  auditor = (await signedInUser(t.app, db, { departmentId: otherDept, roles: [{ role: 'auditor' }] })).client;
  const h = await signedInUser(t.app, db, { departmentId: ownDept });
  holder = h.client;
  holderId = h.user.id;
  bystander = (await signedInUser(t.app, db, { departmentId: ownDept })).client;
  colleagueId = (await makeUser(db, { departmentId: ownDept })).id;
});
afterAll(async () => t.close());

const db = () => t.database.db;
const errorOf = (response: { json: <T>() => T }) => response.json<{ error: { code: string; message: { ja: string; en: string }; fields?: { path: string }[] } }>().error;

interface MediumDetail {
  medium: { id: string; code: string; holderId: string | null; holderName: string | null; status: string; finalised: boolean; writeProtected: boolean; lockedStorage: boolean; departmentName: string };
  assets: { id: string; labelCode: string; name: string }[];
  lockedStorageRequired: boolean;
  allowedActions: string[];
}

const valid = (overrides: Record<string, unknown> = {}) => ({
  code: `USB-${Math.random().toString(36).slice(2, 8)}`,
  kind: 'usb',
  description: '窓口用 USB メモリ',
  departmentId: ownDept,
  holderId,
  issuedOn: '2025-04-01',
  storageLocation: '課内キャビネット',
  lockedStorage: true,
  ...overrides,
});

describe('POST /api/media (第2 4(3)ア)', () => {
  it('registers a medium issued to the officer\'s 課等, journaled', async () => {
    const before = await registerState(db());
    const input = valid({ code: 'USB-0001' });
    const response = await officer.post('/api/media', input);
    expect(response.statusCode, response.body).toBe(201);
    const detail = response.json<MediumDetail>();
    expect(detail.medium).toMatchObject({ code: 'USB-0001', holderId, status: 'in_use', finalised: false, writeProtected: false, lockedStorage: true, departmentName: '媒体課' });
    expect([detail.assets, detail.allowedActions, detail.lockedStorageRequired]).toEqual([[], ['update'], false]);
    const row = await db().selectFrom('media').selectAll().where('id', '=', detail.medium.id).executeTakeFirstOrThrow();
    expect([row.department_id, row.issued_on, row.storage_location, row.created_by]).toEqual([ownDept, '2025-04-01', '課内キャビネット', officerId]);
    expect((await journalSince(db(), before.journal)).map((e) => [e.type, e.entity_type, e.entity_id, e.actor_id, e.data])).toEqual([
      ['medium.registered', 'medium', detail.medium.id, officerId, { code: 'USB-0001', kind: 'usb', departmentId: ownDept, holderId }],
    ]);
  });

  it('registers one without a holder, put straight into storage', async () => {
    const response = await officer.post('/api/media', valid({ holderId: null, status: 'stored' }));
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json<MediumDetail>().medium).toMatchObject({ holderId: null, status: 'stored' });
  });

  it('refuses a taken code, a holder of another 課等, a disabled holder and an unknown 課等, writing nothing', async () => {
    await makeMedium(db(), { departmentId: otherDept, code: 'TAKEN-1' });
    const outsider = await makeUser(db(), { departmentId: otherDept });
    const disabled = await makeUser(db(), { departmentId: ownDept, status: 'disabled' });
    const before = await registerState(db());
    const taken = await officer.post('/api/media', valid({ code: 'TAKEN-1' }));
    expect([taken.statusCode, errorOf(taken).code, errorOf(taken).fields?.[0]?.path]).toEqual([409, 'E_MEDIUM_CODE_TAKEN', 'code']);
    for (const id of [outsider.id, disabled.id, '00000000-0000-4000-8000-000000000000']) {
      const response = await officer.post('/api/media', valid({ holderId: id }));
      expect([response.statusCode, errorOf(response).code, errorOf(response).fields?.[0]?.path]).toEqual([422, 'E_MEDIUM_HOLDER_NOT_IN_DEPARTMENT', 'holderId']);
      expect(errorOf(response).message.ja).toContain('第2 4(3)ア');
    }
    const department = await officer.post('/api/media', valid({ departmentId: '00000000-0000-4000-8000-000000000000' }));
    expect([department.statusCode, errorOf(department).code]).toEqual([422, 'E_DEPARTMENT_NOT_FOUND']);
    const malformed = await officer.post('/api/media', valid({ code: 'ＵＳＢ 1', issuedOn: '2025-02-30', kind: 'floppy' }));
    expect([malformed.statusCode, errorOf(malformed).code]).toEqual([400, 'E_VALIDATION']);
    expect((errorOf(malformed).fields ?? []).map((f) => f.path).sort()).toEqual(['code', 'issuedOn', 'kind']);
    expect(await registerState(db())).toEqual(before);
  });

  it('is refused (403) to an officer of another 課等, an auditor and staff, writing nothing', async () => {
    const before = await registerState(db());
    for (const client of [otherOfficer, auditor, holder]) {
      const response = await client.post('/api/media', valid());
      expect([response.statusCode, errorOf(response).code]).toEqual([403, 'E_FORBIDDEN']);
    }
    expect(await registerState(db())).toEqual(before);
  });
});

describe('PATCH /api/media/:id', () => {
  const patch = (client: ApiClient, id: string, body: Record<string, unknown>) => client.patch(`/api/media/${id}`, body);

  it('changes holder, status and storage; finalising write-protects too (第2 4(3)イ); each change journaled', async () => {
    const medium = await makeMedium(db(), { departmentId: ownDept, holderId });
    const before = await registerState(db());
    const response = await patch(officer, medium.id, { holderId: colleagueId, status: 'stored', finalised: true, storageLocation: '金庫', lockedStorage: true });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<MediumDetail>().medium).toMatchObject({ holderId: colleagueId, status: 'stored', finalised: true, writeProtected: true, lockedStorage: true });
    const row = await db().selectFrom('media').selectAll().where('id', '=', medium.id).executeTakeFirstOrThrow();
    expect([row.holder_id, row.status, row.finalised, row.write_protected, row.storage_location, row.locked_storage]).toEqual([colleagueId, 'stored', true, true, '金庫', true]);
    expect((await journalSince(db(), before.journal)).map((e) => [e.type, e.entity_id, e.data])).toEqual([
      ['medium.updated', medium.id, {
        changes: {
          holderId: { from: holderId, to: colleagueId },
          status: { from: 'in_use', to: 'stored' },
          finalised: { from: false, to: true },
          writeProtected: { from: false, to: true },
          storageLocation: { from: '', to: '金庫' },
          lockedStorage: { from: false, to: true },
        },
      }],
    ]);
    // Handing it back to nobody is allowed: a stored medium need not have a holder.
    expect((await patch(officer, medium.id, { holderId: null })).statusCode).toBe(200);
  });

  it('refuses to lift write protection from a finalised medium (第2 4(3)イ), writing nothing', async () => {
    const medium = await makeMedium(db(), { departmentId: ownDept, finalised: true });
    const before = await registerState(db());
    for (const body of [{ writeProtected: false }, { finalised: true, writeProtected: false }]) {
      const response = await patch(officer, medium.id, body);
      expect([response.statusCode, errorOf(response).code, errorOf(response).fields?.[0]?.path]).toEqual([422, 'E_MEDIUM_FINALISED_WRITABLE', 'writeProtected']);
      expect(errorOf(response).message.ja).toContain('第2 4(3)イ');
    }
    expect(await registerState(db())).toEqual(before);
    // Un-finalised first, it may be written again.
    expect((await patch(officer, medium.id, { finalised: false, writeProtected: false })).statusCode).toBe(200);
  });

  it('keeps locked storage while the medium holds class Ⅰ assets (第2 4(3)ウ), but not for class Ⅱ only', async () => {
    const medium = await makeMedium(db(), { departmentId: ownDept, lockedStorage: true });
    await makeAsset(db(), { departmentId: ownDept, mediumId: medium.id, classLevel: 'class-2' });
    const classOne = await makeAsset(db(), { departmentId: ownDept, mediumId: medium.id, classLevel: 'class-1' });
    expect((await officer.get(`/api/media/${medium.id}`)).json<MediumDetail>().lockedStorageRequired).toBe(true);
    const before = await registerState(db());
    const refused = await patch(officer, medium.id, { lockedStorage: false, storageLocation: '机上' });
    expect([refused.statusCode, errorOf(refused).code, errorOf(refused).fields?.[0]?.path]).toEqual([422, 'E_MEDIUM_HOLDS_LOCKED_ASSETS', 'lockedStorage']);
    expect(errorOf(refused).message.ja).toContain('第2 4(3)ウ');
    expect(await registerState(db())).toEqual(before);

    // Once the class Ⅰ asset is disposed of, only class Ⅱ remains and the medium may leave the locked cabinet.
    await fixture(db(), (tx) => tx.updateTable('assets').set({ status: 'disposed', disposed_on: '2025-06-01', disposal_method: '消去' }).where('id', '=', classOne.id).execute());
    expect((await officer.get(`/api/media/${medium.id}`)).json<MediumDetail>().lockedStorageRequired).toBe(false);
    expect((await patch(officer, medium.id, { lockedStorage: false })).statusCode).toBe(200);
  });

  it('refuses to mark a medium lost or disposed while it holds assets not disposed of (E_MEDIUM_IN_USE)', async () => {
    const medium = await makeMedium(db(), { departmentId: ownDept });
    const asset = await makeAsset(db(), { departmentId: ownDept, mediumId: medium.id });
    await makeAsset(db(), { departmentId: ownDept, mediumId: medium.id, status: 'disposed' });
    const before = await registerState(db());
    for (const status of ['lost', 'disposed']) {
      const response = await patch(officer, medium.id, { status });
      expect([response.statusCode, errorOf(response).code, errorOf(response).fields?.[0]?.path]).toEqual([422, 'E_MEDIUM_IN_USE', 'status']);
      expect(errorOf(response).message.ja).toContain('1件');
      expect(errorOf(response).message.ja).toContain('第2 4(3)ア、4(4)');
    }
    expect(await registerState(db())).toEqual(before);
    await fixture(db(), (tx) => tx.updateTable('assets').set({ medium_id: null }).where('id', '=', asset.id).execute());
    expect((await patch(officer, medium.id, { status: 'disposed' })).statusCode).toBe(200);
    // A disposed medium is history: nobody changes it again.
    const after = await patch(officer, medium.id, { status: 'stored' });
    expect([after.statusCode, errorOf(after).code]).toEqual([403, 'E_FORBIDDEN']);
  });

  it('refuses a holder from another 課等 (422), and the act to anyone but the owning officer, writing nothing', async () => {
    const medium = await makeMedium(db(), { departmentId: ownDept, holderId });
    const outsider = await makeUser(db(), { departmentId: otherDept });
    const before = await registerState(db());
    const wrongHolder = await patch(officer, medium.id, { holderId: outsider.id });
    expect([wrongHolder.statusCode, errorOf(wrongHolder).code]).toEqual([422, 'E_MEDIUM_HOLDER_NOT_IN_DEPARTMENT']);
    // Those who may read it are refused with 403; those who may not even see it get 404.
    for (const [client, status, code] of [[auditor, 403, 'E_FORBIDDEN'], [holder, 403, 'E_FORBIDDEN'], [otherOfficer, 404, 'E_NOT_FOUND'], [bystander, 404, 'E_NOT_FOUND']] as const) {
      const response = await patch(client, medium.id, { storageLocation: '持ち出し' });
      expect([response.statusCode, errorOf(response).code]).toEqual([status, code]);
    }
    const missing = await patch(officer, '00000000-0000-4000-8000-000000000000', { status: 'stored' });
    expect([missing.statusCode, errorOf(missing).code]).toEqual([404, 'E_NOT_FOUND']);
    const empty = await patch(officer, medium.id, {});
    expect([empty.statusCode, errorOf(empty).code]).toEqual([400, 'E_VALIDATION']);
    expect(await registerState(db())).toEqual(before);
  });
});

describe('GET /api/media and /api/media/:id', () => {
  let dept: string;
  let deptOfficer: ApiClient;
  let deptHolder: ApiClient;
  let deptHolderId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    dept = (await makeDepartment(db(), { name: '一覧課' })).id;
    deptOfficer = (await signedInUser(t.app, db(), { departmentId: dept, roles: [{ role: 'security_officer' }] })).client;
    const h = await signedInUser(t.app, db(), { departmentId: dept });
    deptHolder = h.client;
    deptHolderId = h.user.id;
    ids.a = (await makeMedium(db(), { departmentId: dept, code: 'LIST-A', holderId: deptHolderId })).id;
    ids.b = (await makeMedium(db(), { departmentId: dept, code: 'LIST-B', status: 'stored' })).id;
    ids.c = (await makeMedium(db(), { departmentId: dept, code: 'LIST-C', status: 'lost' })).id;
    ids.other = (await makeMedium(db(), { departmentId: otherDept, code: 'LIST-OTHER' })).id;
  });

  const codes = async (client: ApiClient, query = '') => {
    const response = await client.get(`/api/media?pageSize=200${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ items: { code: string }[]; total: number }>().items.map((m) => m.code).filter((code) => code.startsWith('LIST-'));
  };

  it('lists the officer\'s 課等 only, the holder\'s own media only, and everything for oversight', async () => {
    expect(await codes(deptOfficer)).toEqual(['LIST-A', 'LIST-B', 'LIST-C']);
    expect(await codes(deptHolder)).toEqual(['LIST-A']);
    expect(await codes(auditor)).toEqual(['LIST-A', 'LIST-B', 'LIST-C', 'LIST-OTHER']);
    expect(await codes(otherOfficer)).toEqual(['LIST-OTHER']);
    expect(await codes(bystander)).toEqual([]);
  });

  it('filters by status, holder, 課等 and text, paginates, and offers "create" to officers only', async () => {
    expect(await codes(auditor, '&status=stored')).toEqual(['LIST-B']);
    expect(await codes(auditor, `&holderId=${deptHolderId}`)).toEqual(['LIST-A']);
    expect(await codes(auditor, `&departmentId=${otherDept}`)).toEqual(['LIST-OTHER']);
    expect(await codes(auditor, '&q=list-c')).toEqual(['LIST-C']);
    const page = (await deptOfficer.get(`/api/media?pageSize=2&page=2&departmentId=${dept}`)).json<{ items: { code: string }[]; total: number; page: number; allowedActions: string[]; registerDepartmentIds: string[] }>();
    expect([page.items.map((m) => m.code), page.total, page.page, page.allowedActions, page.registerDepartmentIds]).toEqual([['LIST-C'], 3, 2, ['create'], [dept]]);
    const auditorList = (await auditor.get('/api/media')).json<{ allowedActions: string[] }>();
    expect(auditorList.allowedActions).toEqual([]);
    expect((await auditor.get('/api/media?status=broken')).statusCode).toBe(400);
  });

  it('opens exactly what the list shows: every listed medium opens, the others answer 404', async () => {
    for (const [client, visible] of [[deptOfficer, ['a', 'b', 'c']], [deptHolder, ['a']], [otherOfficer, ['other']], [bystander, []]] as const) {
      for (const key of ['a', 'b', 'c', 'other']) {
        const response = await client.get(`/api/media/${ids[key]}`);
        expect([key, response.statusCode]).toEqual([key, (visible as readonly string[]).includes(key) ? 200 : 404]);
      }
    }
    const holderView = (await deptHolder.get(`/api/media/${ids.a}`)).json<MediumDetail>();
    expect(holderView.allowedActions).toEqual([]);
  });

  it('names on a medium only the assets the reader may read', async () => {
    const medium = await makeMedium(db(), { departmentId: dept, holderId: deptHolderId });
    const hidden = await makeAsset(db(), { departmentId: dept, mediumId: medium.id, name: '非公開の資産' });
    const byUser = await makeAsset(db(), { departmentId: dept, mediumId: medium.id, name: '利用者に許可' });
    const byDepartment = await makeAsset(db(), { departmentId: dept, mediumId: medium.id, name: '課に許可' });
    const byRole = await makeAsset(db(), { departmentId: dept, mediumId: medium.id, name: '役割に許可' });
    await grantAccess(db(), byUser.id, 'user', deptHolderId);
    await grantAccess(db(), byDepartment.id, 'department', dept);
    await grantAccess(db(), byRole.id, 'role', 'staff');
    const names = async (client: ApiClient) => (await client.get(`/api/media/${medium.id}`)).json<MediumDetail>().assets.map((a) => a.name).sort();
    expect(await names(deptOfficer)).toEqual([byDepartment.name, byRole.name, byUser.name, hidden.name].sort());
    expect(await names(auditor)).toHaveLength(4);
    expect(await names(deptHolder)).toEqual([byDepartment.name, byRole.name, byUser.name].sort());
    const first = (await deptOfficer.get(`/api/media/${medium.id}`)).json<MediumDetail>().assets[0];
    expect(first?.labelCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  });
});

describe('the menu', () => {
  it('lists the register for officers and oversight; a holder opens their medium by its link', async () => {
    const menu = async (client: ApiClient) => (await client.get('/api/session')).json<{ user: { navigation: { media?: boolean } } }>().user.navigation.media;
    expect([await menu(officer), await menu(auditor), await menu(holder)]).toEqual([true, true, false]);
  });
});

describe('the journal', () => {
  it('stays verifiable', async () => {
    expect(await verifyJournal(db())).toMatchObject({ ok: true });
  });
});
