import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../../../test/helpers/app.js';
import { actorOf, contextFor, grantAccess, makeAsset, makeDepartment, makeUser } from '../../../test/helpers/factories.js';
import { disposeAsset } from './change-asset-status.js';
import { clientFrom, enrolTotp, signedInUser, signInWithTotp } from '../../../test/helpers/signed-in.js';
import { journalSince } from '../../../test/helpers/table-state.js';
import { verifyJournal } from '../../journal/verify.js';
import type { AssetDetail, AssetSummary } from './schemas.js';
import { makeMedium } from '../../../test/helpers/media-risk-state.js';
import { fixture } from '../../../test/helpers/fixtures.js';

let t: TestApp;
let ownDept: string;
let otherDept: string;
let officer: ApiClient;
let officerId: string;
let otherOfficer: ApiClient;
let staff: ApiClient;
let staffId: string;
let auditor: ApiClient;

const db = () => t.database.db;
const journalLength = async () => Number((await db().selectFrom('journal').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
const assetCount = async () => Number((await db().selectFrom('assets').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

beforeAll(async () => {
  t = await createTestApp();
  ownDept = (await makeDepartment(db(), { name: '戸籍住民課' })).id;
  otherDept = (await makeDepartment(db(), { name: '税務課' })).id;
  const o = await signedInUser(t.app, db(), { departmentId: ownDept, roles: [{ role: 'security_officer' }] });
  officer = o.client;
  officerId = o.user.id;
  otherOfficer = (await signedInUser(t.app, db(), { departmentId: otherDept, roles: [{ role: 'security_officer' }] })).client;
  const s = await signedInUser(t.app, db(), { departmentId: ownDept });
  staff = s.client;
  staffId = s.user.id;
  auditor = (await signedInUser(t.app, db(), { departmentId: otherDept, roles: [{ role: 'auditor' }] })).client;
});
afterAll(async () => t.close());

const classOne = (overrides: Record<string, unknown> = {}) => ({
  name: '住民基本台帳ファイル',
  description: '住民記録システムの住民基本台帳データ',
  kind: 'electronic_data',
  departmentId: ownDept,
  classLevel: 'class-1',
  classCriteria: ['resident-impact', 'secret-by-law'],
  classJustification: '区民のプライバシーに重大な影響を及ぼすため',
  location: '本庁舎 サーバ室',
  reviewDue: '2027-03-31',
  ...overrides,
});

describe('registering an asset (第2 1(1), 3)', () => {
  it('registers and classifies, with an opaque label code and its journal entry in the same transaction', async () => {
    const before = await journalLength();
    const response = await officer.post('/api/assets', classOne());
    expect(response.statusCode).toBe(201);
    const { asset, allowedActions } = response.json<AssetDetail>();
    expect(asset).toMatchObject({ name: '住民基本台帳ファイル', departmentId: ownDept, classLevel: 'class-1', restricted: true, status: 'active', reviewDue: '2027-03-31', classCriteria: ['resident-impact', 'secret-by-law'] });
    expect(asset.labelCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(allowedActions).toEqual(expect.arrayContaining(['update', 'classify', 'grantAccess', 'dispose']));
    const added = await journalSince(db(), before);
    expect(added.map((e) => [e.type, e.entity_id, e.actor_id])).toEqual([['asset.created', asset.id, officerId]]);
    expect(added[0]?.data).toMatchObject({ classLevel: 'class-1', labelCode: asset.labelCode, source: 'form' });
    const xids = await sql<{ same: boolean }>`
      SELECT (SELECT xmin::text FROM assets WHERE id = ${asset.id}) = (SELECT xmin::text FROM journal WHERE entity_id = ${asset.id} AND type = 'asset.created') AS same`.execute(db());
    expect(xids.rows[0]?.same).toBe(true);
    expect((await verifyJournal(db())).ok).toBe(true);
  });

  it.each([
    ['no justification for class Ⅰ', { classJustification: '' }, 'classJustification'],
    ['no criterion for class Ⅰ', { classCriteria: [] }, 'classCriteria'],
    ['a criterion of another level', { classCriteria: ['nonsense'] }, 'classCriteria'],
    ['an unknown class', { classLevel: 'top-secret' }, 'classLevel'],
  ])('refuses %s with a field error and writes nothing', async (_what, overrides, field) => {
    const [journal, assets] = [await journalLength(), await assetCount()];
    const response = await officer.post('/api/assets', classOne(overrides));
    expect(response.statusCode).toBe(422);
    const body = response.json<{ error: { code: string; fields: { path: string; message: { ja: string; en: string } }[] } }>().error;
    expect(body.code).toBe('E_CLASSIFICATION');
    expect(body.fields.map((f) => f.path)).toContain(field);
    expect(body.fields[0]?.message.ja).toMatch(/./);
    expect([await journalLength(), await assetCount()]).toEqual([journal, assets]);
  });

  it('names the valid classes when the class is unknown', async () => {
    const response = await officer.post('/api/assets', classOne({ classLevel: 'secret' }));
    expect(response.json<{ error: { fields: { message: { ja: string; en: string } }[] } }>().error.fields[0]?.message.en).toContain('class-1, class-2');
  });

  it('refuses malformed dates and unknown kinds', async () => {
    expect((await officer.post('/api/assets', classOne({ reviewDue: '2027/13/01' }))).statusCode).toBe(400);
    expect((await officer.post('/api/assets', classOne({ kind: 'gold' }))).statusCode).toBe(400);
  });

  it('lets only the 課等 officer register: staff and other officers are refused', async () => {
    expect((await staff.post('/api/assets', classOne())).statusCode).toBe(403);
    expect((await otherOfficer.post('/api/assets', classOne())).statusCode).toBe(403);
    expect((await auditor.post('/api/assets', classOne())).statusCode).toBe(403);
  });
});

describe('media rules (第2 4(2)ウ, 4(3)ウ)', () => {
  const medium = async (departmentId: string, locked: boolean) =>
    (await makeMedium(db(), { departmentId, lockedStorage: locked })).id;

  it('records class Ⅰ only on an issued medium of the 課等 kept in lockable storage', async () => {
    const unlocked = await medium(ownDept, false);
    const foreign = await medium(otherDept, true);
    const locked = await medium(ownDept, true);
    expect((await officer.post('/api/assets', classOne({ mediumId: unlocked }))).json<{ error: { code: string } }>().error.code).toBe('E_MEDIUM_NOT_LOCKED');
    expect((await officer.post('/api/assets', classOne({ mediumId: foreign }))).json<{ error: { code: string } }>().error.code).toBe('E_MEDIUM_NOT_ISSUED');
    expect((await officer.post('/api/assets', classOne({ mediumId: '00000000-0000-4000-8000-000000000000' }))).json<{ error: { code: string } }>().error.code).toBe('E_MEDIUM_NOT_ISSUED');
    const ok = await officer.post('/api/assets', classOne({ mediumId: locked }));
    expect(ok.statusCode).toBe(201);
    expect(ok.json<AssetDetail>().asset.medium).toMatchObject({ id: locked, lockedStorage: true });
    // A class Ⅱ asset may sit on the unlocked medium, but cannot then be reclassified as class Ⅰ there.
    const plain = (await officer.post('/api/assets', classOne({ classLevel: 'class-2', classCriteria: [], classJustification: '', mediumId: unlocked }))).json<AssetDetail>();
    const reclassify = await officer.patch(`/api/assets/${plain.asset.id}`, { classLevel: 'class-1', classCriteria: ['trust-harm'], classJustification: '漏えい時に信頼を損なう' });
    expect(reclassify.json<{ error: { code: string } }>().error.code).toBe('E_MEDIUM_NOT_LOCKED');
  });
});

describe('who reads what (第2 4(2)ア)', () => {
  it('shows staff only the assets they hold rights to — as a user, through their 課等, or a role', async () => {
    const [mine, viaDept, viaRole, hidden] = await Promise.all([
      makeAsset(db(), { departmentId: ownDept, name: '権限確認 個人' }),
      makeAsset(db(), { departmentId: ownDept, name: '権限確認 課等' }),
      makeAsset(db(), { departmentId: ownDept, name: '権限確認 役割' }),
      makeAsset(db(), { departmentId: ownDept, name: '権限確認 なし' }),
    ]);
    await grantAccess(db(), mine.id, 'user', staffId);
    await grantAccess(db(), viaDept.id, 'department', ownDept);
    await grantAccess(db(), viaRole.id, 'role', 'staff');
    const list = (await staff.get(`/api/assets?q=${encodeURIComponent('権限確認')}`)).json<{ items: AssetSummary[]; total: number; allowedActions: string[] }>();
    expect(list.items.map((a) => a.name).sort()).toEqual(['権限確認 個人', '権限確認 役割', '権限確認 課等'].sort());
    expect(list.allowedActions).toEqual([]);
    expect((await staff.get(`/api/assets/${mine.id}`)).statusCode).toBe(200);
    expect((await staff.get(`/api/assets/${hidden.id}`)).statusCode).toBe(404);
    // Reading is all a right gives: the record stays the officer's.
    expect((await staff.patch(`/api/assets/${mine.id}`, { location: '自席' })).statusCode).toBe(403);
    expect((await officer.get(`/api/assets?q=${encodeURIComponent('権限確認')}`)).json<{ total: number }>().total).toBe(4);
    // A role grant reaches every holder of the role, in any 課等.
    expect((await otherOfficer.get(`/api/assets?q=${encodeURIComponent('権限確認')}`)).json<{ items: AssetSummary[] }>().items.map((a) => a.name)).toEqual(['権限確認 役割']);
    expect((await otherOfficer.get(`/api/assets/${hidden.id}`)).statusCode).toBe(404);
  });

  it('lets oversight read everything and change nothing', async () => {
    const asset = await makeAsset(db(), { departmentId: ownDept, name: '監査対象' });
    expect((await auditor.get(`/api/assets/${asset.id}`)).json<AssetDetail>().allowedActions).toEqual(['readHistory']);
    expect((await auditor.patch(`/api/assets/${asset.id}`, { location: '書庫' })).statusCode).toBe(403);
  });

  it('journals a restricted read from outside the 課等, and not one from inside', async () => {
    const secret = await makeAsset(db(), { departmentId: ownDept, classLevel: 'class-1', name: '課税台帳' });
    await grantAccess(db(), secret.id, 'user', staffId);
    let before = await journalLength();
    const outside = await auditor.get(`/api/assets/${secret.id}`);
    expect([outside.statusCode, outside.json<AssetDetail>().readJournaled]).toEqual([200, true]);
    const viewed = await journalSince(db(), before);
    expect(viewed.map((e) => [e.type, e.entity_id, e.data])).toEqual([['asset.viewed', secret.id, { classLevel: 'class-1', via: 'detail' }]]);
    before = await journalLength();
    for (const insider of [staff, officer]) {
      const inside = await insider.get(`/api/assets/${secret.id}`);
      // The page says whether the reading was recorded from what the server says, not from a rule of its own.
      expect([inside.statusCode, inside.json<AssetDetail>().readJournaled]).toEqual([200, false]);
    }
    expect(await journalLength()).toBe(before);
  });
});

describe('labels (第2 4(1))', () => {
  it('lead anyone to the 課等 and its officer, and only readers to the record; never to the class', async () => {
    const asset = await makeAsset(db(), { departmentId: ownDept, classLevel: 'class-1', name: '介護保険台帳', labelCode: '7KQ2-M9XD' });
    const outsider = await signedInUser(t.app, db(), { departmentId: otherDept });
    const card = (await outsider.client.get('/api/assets/labels/7kq2m9xd')).json<Record<string, unknown>>();
    expect(card).toMatchObject({ labelCode: '7KQ2-M9XD', assetId: null, name: null, departmentName: '戸籍住民課' });
    expect(JSON.stringify(card)).not.toMatch(/class|分類/);
    await grantAccess(db(), asset.id, 'user', outsider.user.id);
    expect((await outsider.client.get('/api/assets/labels/7KQ2-M9XD')).json()).toMatchObject({ assetId: asset.id, name: '介護保険台帳' });
    expect((await outsider.client.get('/api/assets/labels/0000-0000')).statusCode).toBe(404);
    expect((await outsider.client.get('/api/assets/labels/not-a-code')).statusCode).toBe(400);
  });
});

describe('changing an asset', () => {
  it('journals a reclassification separately from other changes', async () => {
    const { asset } = (await officer.post('/api/assets', classOne({ classLevel: 'class-2', classCriteria: [], classJustification: '' }))).json<AssetDetail>();
    const before = await journalLength();
    const response = await officer.patch(`/api/assets/${asset.id}`, { location: '第二書庫', classLevel: 'class-1', classCriteria: ['hard-to-restore'], classJustification: '復元が困難なため' });
    expect(response.statusCode).toBe(200);
    const events = await journalSince(db(), before);
    expect(events.map((e) => [e.type, e.data])).toEqual([
      ['asset.updated', { changes: { location: { from: '本庁舎 サーバ室', to: '第二書庫' } } }],
      ['asset.classified', { from: 'class-2', to: 'class-1', criteria: ['hard-to-restore'], justification: '復元が困難なため' }],
    ]);
    expect((await officer.patch(`/api/assets/${asset.id}`, { location: '第二書庫' })).json<{ error: { code: string } }>().error.code).toBe('E_NOTHING_CHANGED');
    const history = (await officer.get(`/api/assets/${asset.id}/history?limit=2`)).json<{ items: { type: string }[]; nextBefore: number | null }>();
    expect(history.items.map((e) => e.type)).toEqual(['asset.classified', 'asset.updated']);
    expect(history.nextBefore).not.toBeNull();
    expect((await officer.get(`/api/assets/${asset.id}/history?before=${history.nextBefore}`)).json<{ items: { type: string }[] }>().items.map((e) => e.type)).toEqual(['asset.created']);
    expect((await staff.get(`/api/assets/${asset.id}/history`)).statusCode).toBe(404);
  });

  it('records a copy as an asset of the holding 課等, linked to its source (第2 1(2))', async () => {
    const source = (await officer.post('/api/assets', classOne({ name: '選挙人名簿' }))).json<AssetDetail>().asset;
    await grantAccess(db(), source.id, 'department', otherDept);
    const response = await otherOfficer.post(`/api/assets/${source.id}/copies`, { kind: 'copy', departmentId: otherDept, location: '税務課 書庫' });
    expect(response.statusCode).toBe(201);
    const copy = response.json<AssetDetail>();
    expect(copy.asset).toMatchObject({ name: '選挙人名簿', departmentId: otherDept, classLevel: 'class-1', source: { id: source.id, kind: 'copy', readable: true } });
    expect(copy.allowedActions).toContain('update');
    expect(copy.asset.labelCode).not.toBe(source.labelCode);
    expect((await officer.get(`/api/assets/${source.id}`)).json<AssetDetail>().asset.copies).toMatchObject([{ id: copy.asset.id, kind: 'copy' }]);
    // Someone who cannot read the source cannot copy it.
    const stranger = await signedInUser(t.app, db(), { departmentId: (await makeDepartment(db())).id, roles: [{ role: 'security_officer' }] });
    expect((await stranger.client.post(`/api/assets/${source.id}/copies`, { kind: 'copy', departmentId: stranger.user.department_id })).statusCode).toBe(404);
  });

  it('grants and withdraws access rights, journaling both', async () => {
    const asset = await makeAsset(db(), { departmentId: ownDept });
    const colleague = await makeUser(db(), { departmentId: ownDept });
    const before = await journalLength();
    const granted = await officer.post(`/api/assets/${asset.id}/access`, { subjectType: 'user', subjectId: colleague.id, permission: 'write' });
    expect(granted.statusCode).toBe(201);
    const grant = granted.json<AssetDetail>().access.find((a) => a.subjectId === colleague.id);
    expect(grant).toMatchObject({ subjectType: 'user', subjectName: colleague.name, permission: 'write' });
    expect((await officer.post(`/api/assets/${asset.id}/access`, { subjectType: 'user', subjectId: colleague.id, permission: 'write' })).statusCode).toBe(409);
    expect((await officer.post(`/api/assets/${asset.id}/access`, { subjectType: 'role', subjectId: 'emperor' })).json<{ error: { code: string } }>().error.code).toBe('E_ACCESS_SUBJECT_NOT_FOUND');
    expect((await officer.delete(`/api/assets/${asset.id}/access/${grant?.id}`)).json<AssetDetail>().access).toEqual([]);
    expect((await journalSince(db(), before)).map((e) => e.type)).toEqual(['asset.access_granted', 'asset.access_revoked']);
  });

  it('disposes with method and evidence; a disposed asset can be read, not changed (第2 4(4))', async () => {
    const asset = await makeAsset(db(), { departmentId: ownDept });
    expect((await officer.post(`/api/assets/${asset.id}/dispose`, { method: '溶解', evidence: '証明書', disposedOn: '2999-01-01' })).json<{ error: { code: string } }>().error.code).toBe('E_DISPOSAL_IN_FUTURE');
    const done = await officer.post(`/api/assets/${asset.id}/dispose`, { method: '物理破壊', evidence: '廃棄証明書 第12号', disposedOn: '2026-11-01' });
    expect(done.json<AssetDetail>()).toMatchObject({ asset: { status: 'disposed', disposal: { method: '物理破壊', disposedOn: '2026-11-01' } }, allowedActions: ['readHistory'] });
    expect((await officer.post(`/api/assets/${asset.id}/status`, { status: 'out' })).statusCode).toBe(403);
  });

  it("takes today as the municipality's calendar says: at 01:00 in Tokyo, a disposal dated that day is not in the future", async () => {
    const officerActor = await actorOf(db(), officerId);
    // 2026-03-10 16:00 UTC is 2026-03-11 01:00 in Tokyo.
    const at = new Date('2026-03-10T16:00:00Z');
    const asset = await makeAsset(db(), { departmentId: ownDept });
    await expect(disposeAsset(contextFor(db(), t.policy, officerActor, at), asset.id, { method: '溶解', evidence: '証明書', disposedOn: '2026-03-12' })).rejects.toMatchObject({ code: 'E_DISPOSAL_IN_FUTURE' });
    await disposeAsset(contextFor(db(), t.policy, officerActor, at), asset.id, { method: '溶解', evidence: '証明書', disposedOn: '2026-03-11' });
    expect((await db().selectFrom('assets').select('disposed_on').where('id', '=', asset.id).executeTakeFirstOrThrow()).disposed_on).toBe('2026-03-11');
  });
});

describe('bulk acts and saved views', () => {
  it('changes all the selected assets of the officer, or none', async () => {
    const [a, b] = [await makeAsset(db(), { departmentId: ownDept }), await makeAsset(db(), { departmentId: ownDept })];
    const foreign = await makeAsset(db(), { departmentId: otherDept });
    const before = await journalLength();
    const refused = await officer.post('/api/assets/bulk', { assetIds: [a.id, foreign.id], action: { type: 'setLocation', location: '新書庫' } });
    expect(refused.statusCode).toBe(403);
    expect(await journalLength()).toBe(before);
    expect((await db().selectFrom('assets').select('location').where('id', '=', a.id).executeTakeFirstOrThrow()).location).toBe('');
    const done = await officer.post('/api/assets/bulk', { assetIds: [a.id, b.id], action: { type: 'setLocation', location: '新書庫' } });
    expect(done.json()).toEqual({ updated: 2 });
    expect((await journalSince(db(), before)).map((e) => [e.type, e.entity_id]).sort()).toEqual([['asset.updated', a.id], ['asset.updated', b.id]].sort());
    expect((await officer.post('/api/assets/bulk', { assetIds: [a.id, b.id], action: { type: 'grantAccess', subjectType: 'department', subjectId: ownDept } })).json()).toEqual({ updated: 2 });
    expect((await staff.get(`/api/assets/${b.id}`)).statusCode).toBe(200);
  });

  it('keeps saved filters per person', async () => {
    const saved = await officer.post('/api/assets/saved-filters', { name: '要見直し', query: { classLevel: 'class-1', sort: 'reviewDue' } });
    expect(saved.statusCode).toBe(201);
    expect((await officer.post('/api/assets/saved-filters', { name: '要見直し', query: {} })).statusCode).toBe(409);
    expect((await officer.post('/api/assets/saved-filters', { name: '壊れた', query: { sort: 'nonsense' } })).json<{ error: { code: string } }>().error.code).toBe('E_FILTER_INVALID');
    expect((await officer.get('/api/assets/saved-filters')).json()).toEqual({ items: [{ id: saved.json<{ id: string }>().id, name: '要見直し', query: { classLevel: 'class-1', sort: 'reviewDue' } }] });
    expect((await staff.get('/api/assets/saved-filters')).json()).toEqual({ items: [] });
    expect((await staff.delete(`/api/assets/saved-filters/${saved.json<{ id: string }>().id}`)).statusCode).toBe(404);
    expect((await officer.delete(`/api/assets/saved-filters/${saved.json<{ id: string }>().id}`)).statusCode).toBe(204);
  });
});

describe('the inventory list', () => {
  it('filters, searches Japanese substrings, sorts and pages without overlap', async () => {
    const dept = (await makeDepartment(db())).id;
    const boss = await signedInUser(t.app, db(), { departmentId: dept, roles: [{ role: 'security_officer' }] });
    for (let i = 0; i < 7; i += 1) await makeAsset(db(), { departmentId: dept, name: `会議録 第${i}回`, kind: i % 2 ? 'paper' : 'electronic_data', classLevel: i < 2 ? 'class-1' : 'class-2' });
    const get = async (query: string) => (await boss.client.get(`/api/assets?${query}`)).json<{ items: AssetSummary[]; total: number }>();
    expect((await get(`q=${encodeURIComponent('議録')}`)).total).toBe(7);
    // Search folds width (NFKC): a full-width digit finds the half-width one.
    expect((await get(`q=${encodeURIComponent('会議録 第３')}`)).total).toBe(1);
    expect((await get('classLevel=class-1')).total).toBe(2);
    expect((await get('kind=paper')).items.every((a) => a.kind === 'paper')).toBe(true);
    const page = (n: number) => get(`departmentId=${dept}&pageSize=3&page=${n}&sort=name&order=desc`);
    const [first, second, third] = [await page(1), await page(2), await page(3)];
    const names = [...first.items, ...second.items, ...third.items].map((a) => a.name);
    expect(names).toEqual([...names].sort().reverse());
    expect(new Set(names).size).toBe(7);
    expect(first.items.every((a) => a.manageable)).toBe(true);
    expect((await boss.client.get('/api/assets?sort=bogus')).statusCode).toBe(400);
    expect((await boss.client.get(`/api/assets?q=${encodeURIComponent('100%')}`)).json<{ total: number }>().total).toBe(0);
  });

  it('counts exactly up to the cap, says "more than" beyond it, and pages only so deep', async () => {
    const dept = (await makeDepartment(db())).id;
    const boss = await signedInUser(t.app, db(), { departmentId: dept, roles: [{ role: 'security_officer' }] });
    await fixture(db(), (tx) =>
      sql`INSERT INTO assets (label_code, name, kind, department_id, class_level, created_at, updated_at)
        SELECT 'C' || upper(lpad(to_hex(i), 3, '0')) || '-' || upper(lpad(to_hex(i), 4, '0')), '大量 ' || i, 'paper', ${dept}, 'class-2', now(), now()
        FROM generate_series(1, 1002) AS i`.execute(tx),
    );
    const many = (await boss.client.get('/api/assets?pageSize=200&page=2')).json<{ total: number; totalCapped: boolean; items: AssetSummary[] }>();
    expect(many).toMatchObject({ total: 1000, totalCapped: true });
    expect(many.items).toHaveLength(200);
    expect((await boss.client.get(`/api/assets?q=${encodeURIComponent('大量 100')}`)).json()).toMatchObject({ total: 4, totalCapped: false });
    // One character has no pair to look up: it is still found, by a scan.
    expect((await boss.client.get(`/api/assets?q=${encodeURIComponent('量')}&pageSize=1`)).json()).toMatchObject({ total: 1000, totalCapped: true });
    const deep = await boss.client.get('/api/assets?pageSize=200&page=51');
    expect(deep.statusCode).toBe(422);
    expect(deep.json<{ error: { code: string } }>().error.code).toBe('E_PAGE_BEYOND_WINDOW');
  });

  it('journals nothing for an oversight read of a page (lists show no class Ⅰ details)', async () => {
    const cio = await makeUser(db(), { departmentId: otherDept, roles: [{ role: 'cio' }] });
    const client = await signInWithTotp(clientFrom(t.app), db(), cio.login, await enrolTotp(db(), cio.id));
    const before = await journalLength();
    expect((await client.get('/api/assets?classLevel=class-1')).statusCode).toBe(200);
    expect(await journalLength()).toBe(before);
  });
});
