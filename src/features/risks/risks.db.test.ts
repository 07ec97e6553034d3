import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../../../test/helpers/app.js';
import { grantAccess, makeAsset, makeDepartment } from '../../../test/helpers/factories.js';
import { makeRisk, registerState } from '../../../test/helpers/media-risk-state.js';
import { signedInUser } from '../../../test/helpers/signed-in.js';
import { journalSince } from '../../../test/helpers/table-state.js';
import { verifyJournal } from '../../journal/verify.js';
import { fixture } from '../../../test/helpers/fixtures.js';

/**
 * 第2 2 through the API on a real database: the 情報セキュリティ責任者 records and revises the analysis of a
 * threat of 第1 3; oversight reads every 課等's register; the rules on threats and on what an entry covers.
 */
let t: TestApp;
let ownDept: string;
let otherDept: string;
let officer: ApiClient;
let officerId: string;
let otherOfficer: ApiClient;
let auditor: ApiClient;
let staff: ApiClient;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  ownDept = (await makeDepartment(db, { name: '分析課' })).id;
  otherDept = (await makeDepartment(db, { name: '隣の課' })).id;
  const o = await signedInUser(t.app, db, { departmentId: ownDept, roles: [{ role: 'security_officer' }] });
  officer = o.client;
  officerId = o.user.id;
  otherOfficer = (await signedInUser(t.app, db, { departmentId: otherDept, roles: [{ role: 'security_officer' }] })).client;
  auditor = (await signedInUser(t.app, db, { departmentId: otherDept, roles: [{ role: 'auditor' }] })).client;
  staff = (await signedInUser(t.app, db, { departmentId: ownDept })).client;
});
afterAll(async () => t.close());

const db = () => t.database.db;
const errorOf = (response: { json: <T>() => T }) => response.json<{ error: { code: string; message: { ja: string; en: string }; fields?: { path: string }[] } }>().error;

interface RiskDetail {
  risk: {
    id: string; departmentId: string; asset: { id: string; labelCode: string | null; name: string | null } | null; assetGroup: string | null;
    threat: { id: string; title: { ja: string; en: string }; clause: string | null }; likelihood: number; impact: number; score: number; status: string;
    countermeasures: string; responseProcedure: string; createdByName: string | null;
  };
  allowedActions: string[];
}

const valid = (overrides: Record<string, unknown> = {}) => ({
  departmentId: ownDept,
  assetGroup: '窓口端末',
  threatId: 'unauthorised-access',
  description: '窓口端末の不正操作',
  likelihood: 2,
  impact: 3,
  countermeasures: '画面ロックと操作ログの点検',
  responseProcedure: '端末をネットワークから切り離し、情報セキュリティ責任者へ報告する',
  ...overrides,
});

describe('POST /api/risks (第2 2)', () => {
  it('records an analysed threat to one asset, scored and journaled', async () => {
    const asset = await makeAsset(db(), { departmentId: ownDept, name: '住民記録データ' });
    const before = await registerState(db());
    const response = await officer.post('/api/risks', valid({ assetGroup: null, assetId: asset.id, threatId: 'leakage', likelihood: 3, impact: 3, reviewDue: '2026-03-31' }));
    expect(response.statusCode, response.body).toBe(201);
    const { risk, allowedActions } = response.json<RiskDetail>();
    expect(risk).toMatchObject({
      departmentId: ownDept, asset: { id: asset.id, labelCode: asset.label_code, name: '住民記録データ' }, assetGroup: null,
      threat: { id: 'leakage', title: { ja: '故意又は過失による情報の漏えい', en: 'Leakage, deliberate or negligent' }, clause: '1.3.3' },
      likelihood: 3, impact: 3, score: 9, status: 'open',
    });
    expect(allowedActions).toEqual(['update']);
    const row = await db().selectFrom('asset_risks').selectAll().where('id', '=', risk.id).executeTakeFirstOrThrow();
    expect([row.score, row.review_due, row.created_by, row.response_procedure]).toEqual([9, '2026-03-31', officerId, valid().responseProcedure]);
    expect((await journalSince(db(), before.journal)).map((e) => [e.type, e.entity_type, e.entity_id, e.actor_id, e.data, e.related])).toEqual([
      ['risk.recorded', 'risk', risk.id, officerId, { departmentId: ownDept, assetId: asset.id, assetGroup: null, threatId: 'leakage', likelihood: 3, impact: 3 }, [{ entityType: 'asset', entityId: asset.id }]],
    ]);
    // The entry names the asset, so the analysis is part of the asset's history.
    const history = (await officer.get(`/api/assets/${asset.id}/history`)).json<{ items: { type: string; entityType: string; entityId: string }[] }>();
    expect(history.items.map((e) => [e.type, e.entityType, e.entityId])).toContainEqual(['risk.recorded', 'risk', risk.id]);
  });

  it('records one for a named group of assets', async () => {
    const response = await officer.post('/api/risks', valid());
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json<RiskDetail>().risk).toMatchObject({ asset: null, assetGroup: '窓口端末', score: 6 });
  });

  it('refuses a threat not in the policy\'s list (第1 3), naming the valid ones, writing nothing', async () => {
    const before = await registerState(db());
    const response = await officer.post('/api/risks', valid({ threatId: 'meteor' }));
    expect([response.statusCode, errorOf(response).code, errorOf(response).fields?.[0]?.path]).toEqual([422, 'E_UNKNOWN_THREAT', 'threatId']);
    expect(errorOf(response).message.en).toContain('unauthorised-access, loss-of-equipment, leakage, outage');
    expect(errorOf(response).message.ja).toContain('第1 3');
    expect(await registerState(db())).toEqual(before);
  });

  it('refuses both or neither of asset and group, an unknown or unreadable asset, another 課等\'s asset and a disposed one', async () => {
    const mine = await makeAsset(db(), { departmentId: ownDept });
    const theirs = await makeAsset(db(), { departmentId: otherDept });
    const theirsShared = await makeAsset(db(), { departmentId: otherDept });
    await grantAccess(db(), theirsShared.id, 'department', ownDept);
    const gone = await makeAsset(db(), { departmentId: ownDept, status: 'disposed' });
    const before = await registerState(db());
    const cases: [Record<string, unknown>, string][] = [
      [{ assetId: mine.id }, 'E_RISK_SUBJECT'],
      [{ assetGroup: null }, 'E_RISK_SUBJECT'],
      [{ assetGroup: null, assetId: '00000000-0000-4000-8000-000000000000' }, 'E_RISK_ASSET_NOT_FOUND'],
      [{ assetGroup: null, assetId: theirs.id }, 'E_RISK_ASSET_NOT_FOUND'],
      [{ assetGroup: null, assetId: theirsShared.id }, 'E_RISK_ASSET_OTHER_DEPARTMENT'],
      [{ assetGroup: null, assetId: gone.id }, 'E_RISK_ASSET_DISPOSED'],
    ];
    for (const [overrides, code] of cases) {
      const response = await officer.post('/api/risks', valid(overrides));
      expect([code, response.statusCode, errorOf(response).code]).toEqual([code, 422, code]);
    }
    const rating = await officer.post('/api/risks', valid({ likelihood: 4, impact: 0 }));
    expect([rating.statusCode, errorOf(rating).code, (errorOf(rating).fields ?? []).map((f) => f.path).sort()]).toEqual([400, 'E_VALIDATION', ['impact', 'likelihood']]);
    const blank = await officer.post('/api/risks', valid({ countermeasures: '  ', responseProcedure: '' }));
    expect([blank.statusCode, (errorOf(blank).fields ?? []).map((f) => f.path).sort()]).toEqual([400, ['countermeasures', 'responseProcedure']]);
    expect(await registerState(db())).toEqual(before);
  });

  it('lets an officer of two 課等 analyse the other 課等\'s asset it uses (第2 2: 管理し、又は利用する課等)', async () => {
    const dept = (await makeDepartment(db())).id;
    const other = (await makeDepartment(db())).id;
    const both = (await signedInUser(t.app, db(), { departmentId: dept, roles: [{ role: 'security_officer' }, { role: 'security_officer', scopeType: 'department', scopeId: other }] })).client;
    const asset = await makeAsset(db(), { departmentId: other });
    const response = await both.post('/api/risks', valid({ departmentId: dept, assetGroup: null, assetId: asset.id }));
    expect(response.statusCode, response.body).toBe(201);
  });

  it('is refused (403) to another 課等\'s officer, an auditor and staff, writing nothing', async () => {
    const before = await registerState(db());
    for (const client of [otherOfficer, auditor, staff]) {
      const response = await client.post('/api/risks', valid());
      expect([response.statusCode, errorOf(response).code]).toEqual([403, 'E_FORBIDDEN']);
    }
    expect(await registerState(db())).toEqual(before);
  });
});

describe('PATCH /api/risks/:id', () => {
  it('re-rates and treats an entry, journaling each change; the score follows', async () => {
    const risk = await makeRisk(db(), { departmentId: ownDept, likelihood: 3, impact: 3 });
    const before = await registerState(db());
    const response = await officer.patch(`/api/risks/${risk.id}`, { likelihood: 1, status: 'treated', countermeasures: '暗号化を導入した' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<RiskDetail>().risk).toMatchObject({ likelihood: 1, impact: 3, score: 3, status: 'treated', countermeasures: '暗号化を導入した' });
    expect((await journalSince(db(), before.journal)).map((e) => [e.type, e.entity_id, e.data])).toEqual([
      ['risk.updated', risk.id, { changes: { likelihood: { from: 3, to: 1 }, countermeasures: { from: '対策', to: '暗号化を導入した' }, status: { from: 'open', to: 'treated' } } }],
    ]);
  });

  it('moves an entry from a group to one asset, checking the asset; refuses both at once', async () => {
    const risk = await makeRisk(db(), { departmentId: ownDept, assetGroup: '共有フォルダ' });
    const asset = await makeAsset(db(), { departmentId: ownDept });
    const both = await officer.patch(`/api/risks/${risk.id}`, { assetId: asset.id });
    expect([both.statusCode, errorOf(both).code]).toEqual([422, 'E_RISK_SUBJECT']);
    const foreign = await makeAsset(db(), { departmentId: otherDept });
    const other = await officer.patch(`/api/risks/${risk.id}`, { assetId: foreign.id, assetGroup: null });
    expect([other.statusCode, errorOf(other).code]).toEqual([422, 'E_RISK_ASSET_NOT_FOUND']);
    const moved = await officer.patch(`/api/risks/${risk.id}`, { assetId: asset.id, assetGroup: null });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json<RiskDetail>().risk).toMatchObject({ asset: { id: asset.id }, assetGroup: null });
  });

  it('keeps an entry editable after its asset is disposed of, and its threat after the package drops it', async () => {
    const asset = await makeAsset(db(), { departmentId: ownDept });
    const risk = await makeRisk(db(), { departmentId: ownDept, assetId: asset.id, threatId: 'retired-threat' });
    await fixture(db(), (tx) => tx.updateTable('assets').set({ status: 'disposed', disposed_on: '2025-06-01', disposal_method: '消去' }).where('id', '=', asset.id).execute());
    const closed = await officer.patch(`/api/risks/${risk.id}`, { status: 'closed' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json<RiskDetail>().risk.threat).toEqual({ id: 'retired-threat', title: { ja: 'retired-threat', en: 'retired-threat' }, clause: null });
    const unknown = await officer.patch(`/api/risks/${risk.id}`, { threatId: 'another-unknown' });
    expect([unknown.statusCode, errorOf(unknown).code]).toEqual([422, 'E_UNKNOWN_THREAT']);
  });

  it('is refused to oversight (403) and to those who may not see it (404), writing nothing', async () => {
    const risk = await makeRisk(db(), { departmentId: ownDept });
    const before = await registerState(db());
    for (const [client, status, code] of [[auditor, 403, 'E_FORBIDDEN'], [otherOfficer, 404, 'E_NOT_FOUND'], [staff, 404, 'E_NOT_FOUND']] as const) {
      const response = await client.patch(`/api/risks/${risk.id}`, { status: 'accepted' });
      expect([response.statusCode, errorOf(response).code]).toEqual([status, code]);
    }
    const missing = await officer.patch('/api/risks/00000000-0000-4000-8000-000000000000', { status: 'accepted' });
    expect([missing.statusCode, errorOf(missing).code]).toEqual([404, 'E_NOT_FOUND']);
    expect(await registerState(db())).toEqual(before);
  });
});

describe('GET /api/risks: the register', () => {
  let dept: string;
  let deptOfficer: ApiClient;
  let assetId: string;
  const ids: Record<string, string> = {};

  interface RiskList {
    items: { id: string; score: number; threat: { id: string }; asset: { labelCode: string | null; name: string | null } | null }[];
    total: number;
    heat: number[][];
    allowedActions: string[];
    recordDepartmentIds: string[];
  }

  beforeAll(async () => {
    dept = (await makeDepartment(db(), { name: '台帳課' })).id;
    deptOfficer = (await signedInUser(t.app, db(), { departmentId: dept, roles: [{ role: 'security_officer' }] })).client;
    assetId = (await makeAsset(db(), { departmentId: dept, name: '税務データ' })).id;
    ids.low = (await makeRisk(db(), { departmentId: dept, likelihood: 1, impact: 1, threatId: 'outage' })).id;
    ids.mid = (await makeRisk(db(), { departmentId: dept, likelihood: 2, impact: 3, threatId: 'leakage', assetId })).id;
    ids.high = (await makeRisk(db(), { departmentId: dept, likelihood: 3, impact: 3, threatId: 'leakage', status: 'treated' })).id;
    ids.same = (await makeRisk(db(), { departmentId: dept, likelihood: 3, impact: 2, threatId: 'unauthorised-access' })).id;
  });

  const list = async (client: ApiClient, query = '') => {
    const response = await client.get(`/api/risks?departmentId=${dept}${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<RiskList>();
  };

  it('sorts by score, highest first, with the 3×3 counts of the filtered set', async () => {
    const register = await list(deptOfficer);
    expect(register.items.map((r) => r.id)).toEqual([ids.high, ids.mid, ids.same, ids.low]);
    expect(register.items.map((r) => r.score)).toEqual([9, 6, 6, 1]);
    expect(register.heat).toEqual([[1, 0, 0], [0, 0, 1], [0, 1, 1]]);
    expect([register.total, register.allowedActions, register.recordDepartmentIds]).toEqual([4, ['create'], [dept]]);
    expect(register.items[1]?.asset).toEqual({ id: assetId, labelCode: expect.stringMatching(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/) as unknown, name: '税務データ' });
  });

  it('filters by threat, status, minimum score and asset, and paginates', async () => {
    expect((await list(deptOfficer, '&threatId=leakage')).items.map((r) => r.id)).toEqual([ids.high, ids.mid]);
    expect((await list(deptOfficer, '&status=treated')).items.map((r) => r.id)).toEqual([ids.high]);
    const min = await list(deptOfficer, '&minScore=6');
    expect([min.items.map((r) => r.id), min.total, min.heat]).toEqual([[ids.high, ids.mid, ids.same], 3, [[0, 0, 0], [0, 0, 1], [0, 1, 1]]]);
    expect((await list(deptOfficer, `&assetId=${assetId}`)).items.map((r) => r.id)).toEqual([ids.mid]);
    const second = await list(deptOfficer, '&pageSize=3&page=2');
    expect([second.items.map((r) => r.id), second.total]).toEqual([[ids.low], 4]);
    expect((await deptOfficer.get('/api/risks?minScore=10')).statusCode).toBe(400);
  });

  it('shows an officer their 課等 only, oversight every 課等, staff nothing; details agree with the list', async () => {
    expect((await list(otherOfficer)).items).toEqual([]);
    expect((await list(staff)).items).toEqual([]);
    const seenByAuditor = await list(auditor);
    expect(seenByAuditor.items.map((r) => r.id)).toEqual([ids.high, ids.mid, ids.same, ids.low]);
    expect(seenByAuditor.allowedActions).toEqual([]);
    for (const [client, status] of [[deptOfficer, 200], [auditor, 200], [otherOfficer, 404], [staff, 404]] as const) {
      for (const id of Object.values(ids)) expect((await client.get(`/api/risks/${id}`)).statusCode).toBe(status);
    }
    const detail = (await auditor.get(`/api/risks/${ids.mid}`)).json<RiskDetail>();
    expect([detail.risk.asset?.name, detail.allowedActions]).toEqual(['税務データ', []]);
  });

  it('leaves an asset unnamed to a reader of the register who may not read the asset', async () => {
    // An officer who left the asset's 課等 still reads the entry of the 課等 they manage, not the asset.
    const foreignAsset = await makeAsset(db(), { departmentId: otherDept, name: '他課の資産' });
    const risk = await makeRisk(db(), { departmentId: dept, assetId: foreignAsset.id });
    const seen = (await deptOfficer.get(`/api/risks/${risk.id}`)).json<RiskDetail>();
    expect(seen.risk.asset).toEqual({ id: foreignAsset.id, labelCode: null, name: null });
    expect((await auditor.get(`/api/risks/${risk.id}`)).json<RiskDetail>().risk.asset?.name).toBe('他課の資産');
  });
});

describe('the menu', () => {
  it('lists the register for officers and oversight only', async () => {
    const menu = async (client: ApiClient) => (await client.get('/api/session')).json<{ user: { navigation: { risks?: boolean } } }>().user.navigation.risks;
    expect([await menu(officer), await menu(auditor), await menu(staff)]).toEqual([true, true, false]);
  });
});

describe('the journal', () => {
  it('stays verifiable', async () => {
    expect(await verifyJournal(db())).toMatchObject({ ok: true });
  });
});
