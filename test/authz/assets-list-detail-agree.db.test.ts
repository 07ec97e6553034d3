import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantAccess, makeAsset } from '../helpers/factories.js';
import { matrixRoles } from './matrix.js';
import { buildWorld, type Client, type World } from './world.js';

/**
 * STYLE habit 4 for the asset register: for every role, the assets GET /api/assets lists (all pages, and under
 * filters) are exactly those GET /api/assets/:id opens; the others answer 404. Rights reach people as users,
 * through their 課等 and through roles, so the population mixes all three.
 */

let world: World;
const assetIds: string[] = [];

beforeAll(async () => {
  world = await buildWorld();
  const { db, actors } = world;
  for (const departmentId of [world.ownDept, world.otherDept, world.thirdDept]) {
    for (let i = 0; i < 8; i += 1) {
      const asset = await makeAsset(db, { departmentId, name: `一致確認 ${i}`, classLevel: i % 3 === 0 ? 'class-1' : 'class-2', status: i === 7 ? 'disposed' : 'active' });
      assetIds.push(asset.id);
      if (i === 1) await grantAccess(db, asset.id, 'user', actors.staff.id);
      if (i === 2) await grantAccess(db, asset.id, 'department', world.ownDept);
      if (i === 3) await grantAccess(db, asset.id, 'role', 'network_admin', 'write');
      if (i === 4) await grantAccess(db, asset.id, 'user', actors.contractor.id);
    }
  }
}, 90_000);

afterAll(async () => {
  await world?.testApp.close();
});

/** Every asset id of every page of GET /api/assets with this query. */
async function listAll(client: Client, query = ''): Promise<string[]> {
  const ids: string[] = [];
  for (let page = 1; page < 1000; page += 1) {
    const response = await client.get(`/api/assets?pageSize=5&page=${page}&q=${encodeURIComponent('一致確認')}${query}`);
    expect(response.statusCode, response.body).toBe(200);
    const items = response.json<{ items: { id: string }[] }>().items;
    ids.push(...items.map((a) => a.id));
    if (items.length < 5) break;
  }
  return ids;
}

describe('asset list and detail agree', () => {
  for (const role of matrixRoles) {
    it(`${role}: listed assets open, unlisted ones are 404`, async () => {
      const client = world.actors[role].client;
      const listed = new Set(await listAll(client));
      for (const id of assetIds) {
        const status = (await client.get(`/api/assets/${id}`)).statusCode;
        expect(status, `${role} ${id} listed=${listed.has(id)}`).toBe(listed.has(id) ? 200 : 404);
      }
      const restricted = new Set(await listAll(client, '&classLevel=class-1'));
      expect([...restricted].every((id) => listed.has(id))).toBe(true);
    });
  }

  it('shows each kind of reader what the rules say', async () => {
    const count = async (role: (typeof matrixRoles)[number]) => (await listAll(world.actors[role].client)).length;
    expect(await count('auditor')).toBe(24);
    // The own 課等's officer: its 8, plus the ones granted to the 課等 or to a role it does not hold elsewhere: 8 + 2.
    expect(await count('security_officer')).toBe(10);
    // Staff: the user grant and the 課等 grants of every 課等 (3 + 3).
    expect(await count('staff')).toBe(6);
    expect(await count('network_admin')).toBe(6);
    expect(await count('app_admin')).toBe(3);
  });
});
