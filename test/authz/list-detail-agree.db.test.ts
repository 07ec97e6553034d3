import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDepartment, makeUser } from '../helpers/factories.js';
import { journalOversight } from '../../src/features/journal/authorization-cases.js';
import type { JournalEntry, JournalPage } from '../../src/features/journal/schemas.js';
import { userReaders } from '../../src/features/organisation/authorization-cases.js';
import type { UserList } from '../../src/features/organisation/schemas.js';
import { matrixRoles, type Role } from './matrix.js';
import { buildWorld, Client, unique, type World } from './world.js';

/**
 * STYLE habit 4: list queries filter by the same rules as the detail check. For every role, each user that
 * GET /api/users returns (all pages, and under filters) opens with GET /api/users/:id, and users it leaves out
 * answer 404; and the journal a non-oversight role reads holds exactly its own acts and the acts about itself.
 */


let world: World;
let extraDept: string;

beforeAll(async () => {
  world = await buildWorld();
  const { db, actors } = world;
  extraDept = (await makeDepartment(db, { name: '別課' })).id;
  // A population across four 課等, some disabled, with a second 情報セキュリティ責任者 elsewhere.
  for (const departmentId of [world.ownDept, world.otherDept, world.thirdDept, extraDept]) {
    for (let i = 0; i < 6; i += 1) await makeUser(db, { departmentId, ...(i % 3 === 2 ? { status: 'disabled' as const } : {}) });
  }
  await makeUser(db, { departmentId: world.otherDept, roles: [{ role: 'security_officer' }] });

  // Acts by others, some about the actors: the administrator registers users and edits each actor's kana;
  // the own 課等's officer registers one; someone fails to sign in as the staff actor.
  const admin = actors.app_admin.client;
  for (const departmentId of [world.ownDept, world.otherDept]) {
    const created = await admin.request('POST', '/api/users', { login: `j${unique()}`, staffNumber: `J-${unique()}`, name: '記録 職員', kana: 'きろく', departmentId });
    expect(created.statusCode, created.body).toBe(201);
  }
  for (const role of matrixRoles.filter((r) => r !== 'app_admin')) {
    const edited = await admin.request('PATCH', `/api/users/${actors[role].id}`, { kana: 'へんこう' });
    expect(edited.statusCode, edited.body).toBe(200);
  }
  const byOfficer = await actors.security_officer.client.request('POST', '/api/users', { login: `k${unique()}`, staffNumber: `K-${unique()}`, name: '責任者 登録', departmentId: world.ownDept });
  expect(byOfficer.statusCode, byOfficer.body).toBe(201);
  const failed = await new Client(world.app).request('POST', '/api/session', { login: actors.staff.login, password: 'not-the-password' });
  expect(failed.statusCode).toBe(401);
}, 90_000);

afterAll(async () => {
  await world?.testApp.close();
});

/** Every user of every page of GET /api/users with this query, and the total the first page announced. */
async function listAll(client: Client, query = ''): Promise<{ ids: string[]; total: number }> {
  const ids: string[] = [];
  let total = -1;
  for (let page = 1; page < 1000; page += 1) {
    const response = await client.get(`/api/users?pageSize=7&page=${page}${query}`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<UserList>();
    if (page === 1) total = body.total;
    ids.push(...body.items.map((u) => u.id));
    if (body.items.length < 7) break;
  }
  return { ids, total };
}

/** Every entry of every page of GET /api/journal with this query. */
async function journalAll(client: Client, query = ''): Promise<JournalEntry[]> {
  const items: JournalEntry[] = [];
  let before: number | null = null;
  do {
    const response = await client.get(`/api/journal?limit=13${before ? `&before=${before}` : ''}${query}`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<JournalPage>();
    items.push(...body.items);
    before = body.nextBefore;
  } while (before !== null);
  return items;
}

/** Up to `n` items spread over the list (first, last and evenly between). */
const spread = <T>(list: T[], n: number): T[] =>
  list.length <= n ? list : Array.from({ length: n }, (_, i) => list[Math.round((i * (list.length - 1)) / (n - 1))] as T);

const reads = (roles: readonly Role[], role: Role): boolean => roles.includes(role);

describe('users: list and detail agree', () => {
  for (const role of matrixRoles) {
    it(`${role}: every listed user opens, unlisted ones answer 404`, async () => {
      const { client, id: selfId } = world.actors[role];
      const { ids, total } = await listAll(client);
      expect(new Set(ids).size, 'no user twice across pages').toBe(ids.length);
      expect(ids.length, 'the pages hold the announced total').toBe(total);
      expect(ids).toContain(selfId);

      for (const id of ids) {
        const detail = await client.get(`/api/users/${id}`);
        expect(detail.statusCode, `listed user ${id}: ${detail.body.slice(0, 200)}`).toBe(200);
      }

      const everyone = (await world.db.selectFrom('users').select('id').orderBy('id').execute()).map((u) => u.id);
      const listed = new Set(ids);
      const unlisted = everyone.filter((id) => !listed.has(id));
      if (reads(userReaders, role)) expect(unlisted, 'a reader of every user lists every user').toEqual([]);
      else expect(unlisted.length, 'a non-reader does not list everyone').toBeGreaterThan(0);
      for (const id of spread(unlisted, 12)) {
        const detail = await client.get(`/api/users/${id}`);
        expect(detail.statusCode, `unlisted user ${id}: ${detail.body.slice(0, 200)}`).toBe(404);
      }

      // Filters narrow the same set; they never widen it.
      for (const query of [`&departmentId=${world.ownDept}`, `&departmentId=${world.otherDept}`, '&status=disabled', '&q=%E8%A9%A6%E9%A8%93']) {
        const filtered = await listAll(client, query);
        expect(filtered.ids.filter((id) => !listed.has(id)), `filter ${query}`).toEqual([]);
      }
    });
  }
});

describe('journal: a non-oversight role reads only its own acts and the acts about itself', () => {
  for (const role of matrixRoles) {
    it(`${role}: ${reads(journalOversight, role) ? 'reads the whole journal' : 'reads its own entries only'}`, async () => {
      const { client, id: selfId } = world.actors[role];
      const items = await journalAll(client);
      const seqs = items.map((e) => e.seq);
      expect(new Set(seqs).size, 'no entry twice across pages').toBe(seqs.length);

      const mine = (e: { actorId: string | null; entityType: string; entityId: string }) => e.actorId === selfId || (e.entityType === 'user' && e.entityId === selfId);
      const rows = await world.db.selectFrom('journal').select(['seq', 'actor_id', 'entity_type', 'entity_id']).execute();
      const all = rows.map((r) => ({ seq: Number(r.seq), actorId: r.actor_id, entityType: r.entity_type, entityId: r.entity_id }));

      if (reads(journalOversight, role)) {
        expect(seqs.sort((a, b) => a - b)).toEqual(all.map((e) => e.seq).sort((a, b) => a - b));
        return;
      }
      const strangers = items.filter((e) => !mine(e));
      expect(strangers, 'entries neither by nor about the actor').toEqual([]);
      // Exactly those: nothing of theirs is hidden from them either.
      expect(seqs.sort((a, b) => a - b)).toEqual(all.filter(mine).map((e) => e.seq).sort((a, b) => a - b));
      // Not vacuous: the administrator's edit of this actor is among them.
      expect(items.some((e) => e.actorId === world.actors.app_admin.id && e.entityId === selfId)).toBe(true);

      // A filter on someone else's acts still shows only what is about the actor.
      const byAdmin = await journalAll(client, `&actorId=${world.actors.app_admin.id}`);
      expect(byAdmin.length).toBeGreaterThan(0);
      expect(byAdmin.filter((e) => !mine(e))).toEqual([]);
    });
  }
});
