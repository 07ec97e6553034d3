import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../../../test/helpers/app.js';
import { makeDepartment, makeUser } from '../../../test/helpers/factories.js';
import { clientFrom, signedInAdmin } from '../../../test/helpers/signed-in.js';
import { anyString } from '../../../test/helpers/matchers.js';
import { verifyJournal } from '../../journal/verify.js';
import type { JournalEntry as Entry, JournalPage as Page } from './schemas.js';

let t: TestApp;
let admin: ApiClient;
let adminId: string;
let alice: { id: string; client: ApiClient };
let bob: { id: string; client: ApiClient };
let burst: { from: string; to: string; seqs: number[] };
beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const departmentId = (await makeDepartment(db)).id;
  const signedIn = await signedInAdmin(t.app, db);
  admin = signedIn.client;
  adminId = signedIn.user.id;
  const a = await makeUser(db, { departmentId });
  const b = await makeUser(db, { departmentId });
  alice = { id: a.id, client: await clientFrom(t.app).signIn(a.login) };
  bob = { id: b.id, client: await clientFrom(t.app).signIn(b.login) };

  // Acts by each person, and acts by the administrator about each of them.
  await alice.client.patch('/api/account/preferences', { locale: 'en' });
  await bob.client.patch('/api/account/preferences', { calendar: 'japanese' });
  await admin.patch(`/api/users/${a.id}`, { name: '有栖 改名' });
  await admin.patch(`/api/users/${b.id}`, { name: '房 改名' });
  await admin.post('/api/departments', { code: 'journal-1', name: '記録課', level: 'ka' });

  // A burst of acts inside a known time window.
  await new Promise((resolve) => setTimeout(resolve, 20));
  const from = new Date().toISOString();
  const head = Number((await db.selectFrom('journal').select((eb) => eb.fn.max('seq').as('max')).executeTakeFirstOrThrow()).max);
  for (let i = 0; i < 3; i += 1) await admin.post('/api/departments', { code: `journal-burst-${i}`, name: `記録課${i}`, level: 'ka' });
  await new Promise((resolve) => setTimeout(resolve, 20));
  const to = new Date().toISOString();
  burst = { from, to, seqs: [head + 3, head + 2, head + 1] };
  await admin.post('/api/departments', { code: 'journal-after', name: '後の課', level: 'ka' });
});
afterAll(async () => t.close());

const db = () => t.database.db;
const page = async (client: ApiClient, query: string): Promise<Page> => {
  const response = await client.get(`/api/journal?${query}`);
  expect(response.statusCode).toBe(200);
  return response.json<Page>();
};
/** Every entry the database holds, newest first, in the API's shape for comparison. */
const allEntries = async () => (await db().selectFrom('journal').select(['seq', 'actor_id', 'type', 'entity_type', 'entity_id']).orderBy('seq', 'desc').execute()).map((r) => ({
  seq: Number(r.seq),
  actorId: r.actor_id,
  type: r.type,
  entityType: r.entity_type,
  entityId: r.entity_id,
}));
const brief = (entries: Entry[]) => entries.map((e) => ({ seq: e.seq, actorId: e.actorId, type: e.type, entityType: e.entityType, entityId: e.entityId }));

describe('GET /api/journal for an oversight role', () => {
  it('returns every entry, newest first, with the stored hashes', async () => {
    const all = await allEntries();
    const { items, nextBefore } = await page(admin, 'limit=200');
    expect(brief(items)).toEqual(all);
    expect(nextBefore).toBeNull();
    const head = await db().selectFrom('journal').select('hash').orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(items[0]?.hash).toBe(head.hash);
  });

  it('filters by actor, type, entity and entity type', async () => {
    const all = await allEntries();
    expect(brief((await page(admin, `limit=200&actorId=${alice.id}`)).items)).toEqual(all.filter((e) => e.actorId === alice.id));
    expect(brief((await page(admin, 'limit=200&type=user.updated')).items)).toEqual(all.filter((e) => e.type === 'user.updated'));
    expect(brief((await page(admin, `limit=200&entityId=${bob.id}`)).items)).toEqual(all.filter((e) => e.entityId === bob.id));
    expect(brief((await page(admin, 'limit=200&entityType=department')).items)).toEqual(all.filter((e) => e.entityType === 'department'));
    const combined = (await page(admin, `limit=200&actorId=${adminId}&type=user.updated&entityId=${alice.id}`)).items;
    expect(combined.map((e) => [e.type, e.entityId, e.data])).toEqual([['user.updated', alice.id, { changes: { name: { from: anyString(), to: '有栖 改名' } } }]]);
    expect((await page(admin, 'limit=200&type=no.such_type')).items).toEqual([]);
  });

  it('filters by time: from is inclusive, to exclusive', async () => {
    const inWindow = await page(admin, `limit=200&from=${encodeURIComponent(burst.from)}&to=${encodeURIComponent(burst.to)}`);
    expect(inWindow.items.map((e) => e.seq)).toEqual(burst.seqs);
    for (const e of inWindow.items) expect(e.at >= burst.from && e.at < burst.to).toBe(true);
    const since = await page(admin, `limit=200&from=${encodeURIComponent(burst.from)}`);
    expect(since.items.map((e) => e.seq)).toEqual([burst.seqs[0] as number + 1, ...burst.seqs]);
    const untilThen = await page(admin, `limit=200&to=${encodeURIComponent(burst.from)}`);
    expect(Math.max(...untilThen.items.map((e) => e.seq))).toBe((burst.seqs[2] as number) - 1);
    // A plain date is accepted too.
    const today = new Date().toISOString().slice(0, 10);
    expect((await page(admin, `limit=200&from=${today}`)).items.length).toBeGreaterThan(0);
  });

  it('pages with the `before` cursor without gaps or repeats', async () => {
    const all = await allEntries();
    const seen: number[] = [];
    let cursor: number | null = null;
    let pages = 0;
    do {
      const query: string = `limit=4${cursor === null ? '' : `&before=${cursor}`}`;
      const result = await page(admin, query);
      expect(result.items.length).toBeLessThanOrEqual(4);
      seen.push(...result.items.map((e) => e.seq));
      cursor = result.nextBefore;
      pages += 1;
    } while (cursor !== null && pages < 100);
    expect(seen).toEqual(all.map((e) => e.seq));
    expect(pages).toBe(Math.ceil(all.length / 4));
    // The cursor combines with filters.
    const firstUpdate = await page(admin, 'limit=1&type=user.updated');
    const secondUpdate = await page(admin, `limit=1&type=user.updated&before=${firstUpdate.nextBefore}`);
    expect(secondUpdate.items.map((e) => e.type)).toEqual(['user.updated']);
    expect(secondUpdate.items[0]?.seq).toBeLessThan(firstUpdate.items[0]?.seq ?? 0);
  });

  it('answers 400, not 500, to malformed filters', async () => {
    for (const query of ['actorId=not-a-uuid', 'limit=0', 'limit=201', 'before=-1', 'before=abc', 'from=2026-13-01', 'from=yesterday', 'unknown=1']) {
      const response = await admin.get(`/api/journal?${query}`);
      expect([query, response.statusCode, response.json<{ error: { code: string } }>().error.code]).toEqual([query, 400, 'E_VALIDATION']);
    }
  });
});

describe('GET /api/journal for everyone else', () => {
  it('shows staff only their own acts and the entries about themselves', async () => {
    const all = await allEntries();
    const expected = all.filter((e) => e.actorId === alice.id || (e.entityType === 'user' && e.entityId === alice.id));
    const { items } = await page(alice.client, 'limit=200');
    expect(brief(items)).toEqual(expected);
    // It includes what the administrator did to them, and their own sign-in and preference change.
    expect(items.map((e) => e.type)).toEqual(expect.arrayContaining(['user.updated', 'account.preferences_changed', 'auth.signed_in']));
    expect(items.some((e) => e.actorId === bob.id || e.entityId === bob.id)).toBe(false);
  });

  it('does not let filters widen the scope', async () => {
    expect((await page(alice.client, `limit=200&actorId=${bob.id}`)).items).toEqual([]);
    expect((await page(alice.client, `limit=200&entityId=${bob.id}`)).items).toEqual([]);
    expect((await page(alice.client, `limit=200&actorId=${adminId}`)).items.map((e) => e.entityId)).toEqual(
      expect.arrayContaining([alice.id]),
    );
    for (const e of (await page(alice.client, `limit=200&actorId=${adminId}`)).items) expect(e.entityId).toBe(alice.id);
    expect((await page(alice.client, 'limit=200&entityType=department')).items).toEqual([]);
  });

  it('lets an auditor read the whole journal, but neither the 情報化戦略本部 nor a 情報セキュリティ責任者', async () => {
    const departmentId = (await makeDepartment(db())).id;
    const auditor = await makeUser(db(), { departmentId, roles: [{ role: 'auditor' }] });
    const auditorClient = await clientFrom(t.app).signIn(auditor.login);
    expect(brief((await page(auditorClient, 'limit=200')).items)).toEqual(await allEntries());
    for (const role of ['strategy_board', 'security_officer'] as const) {
      const user = await makeUser(db(), { departmentId, roles: [{ role }] });
      const client = await clientFrom(t.app).signIn(user.login);
      const expected = (await allEntries()).filter((e) => e.actorId === user.id || (e.entityType === 'user' && e.entityId === user.id));
      expect([role, brief((await page(client, 'limit=200')).items)]).toEqual([role, expected]);
      expect(expected.length).toBeGreaterThan(0);
    }
  });

  it('leaves the journal verifiable', async () => {
    expect(await verifyJournal(db())).toMatchObject({ ok: true });
  });
});
