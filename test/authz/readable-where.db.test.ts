import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/domain/actor.js';
import * as assetPolicy from '../../src/features/assets/asset-policy.js';
import { accessOf, assetResource } from '../../src/features/assets/load-asset.js';
import * as journalPolicy from '../../src/features/journal/journal-policy.js';
import { mediumResource } from '../../src/features/media/load-medium.js';
import * as mediumPolicy from '../../src/features/media/medium-policy.js';
import { isPrivileged, userResource } from '../../src/features/organisation/load-user.js';
import * as userPolicy from '../../src/features/organisation/user-policy.js';
import * as riskPolicy from '../../src/features/risks/risk-policy.js';
import { actorOf, grantAccess, makeAsset, makeUser } from '../helpers/factories.js';
import { makeMedium, makeRisk } from '../helpers/media-risk-state.js';
import { matrixRoles } from './matrix.js';
import { buildWorld, type World } from './world.js';

/**
 * Each policy file's `readableWhere` is its `can(actor, 'read', …)` in SQL: for every role and a population that
 * exercises each clause of the rule, the rows the SQL selects are exactly those `can` allows. Lists, exports and
 * details use one or the other, so this is what makes them agree.
 */
let world: World;
const actors = new Map<string, Actor>();

beforeAll(async () => {
  world = await buildWorld();
  const { db } = world;
  const depts = [world.ownDept, world.otherDept, world.thirdDept];
  for (const departmentId of depts) {
    for (let i = 0; i < 6; i += 1) {
      const asset = await makeAsset(db, { departmentId, classLevel: i % 2 === 0 ? 'class-1' : 'class-2', status: i === 5 ? 'disposed' : 'active' });
      if (i === 1) await grantAccess(db, asset.id, 'user', world.actors.staff.id);
      if (i === 2) await grantAccess(db, asset.id, 'department', world.ownDept);
      if (i === 3) await grantAccess(db, asset.id, 'role', 'network_admin', 'write');
      await makeRisk(db, { departmentId, ...(i % 2 === 0 ? { assetId: asset.id } : {}) });
    }
    await makeMedium(db, { departmentId });
    await makeMedium(db, { departmentId, holderId: world.actors.staff.id });
    await makeUser(db, { departmentId });
    await makeUser(db, { departmentId, roles: [{ role: 'security_officer' }] });
  }
  for (const role of matrixRoles) actors.set(role, await actorOf(db, world.actors[role].id));
}, 90_000);

afterAll(async () => {
  await world?.testApp.close();
});

const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();

describe('readableWhere agrees with can(read)', () => {
  for (const role of matrixRoles) {
    it(`${role}: assets, media, risks, users and journal entries`, async () => {
      const actor = actors.get(role)!;
      const { db } = world;
      const policy = world.testApp.policy;

      const assets = await db.selectFrom('assets').select(['id', 'department_id', 'status', 'class_level']).execute();
      const access = await accessOf(db, actor, assets.map((a) => a.id));
      const assetsRead = assets.filter((a) => assetPolicy.can(actor, 'read', assetResource(policy, a, access.get(a.id) ?? null)));
      expect(ids(await db.selectFrom('assets').select('id').where(assetPolicy.readableWhere(actor)).execute())).toEqual(ids(assetsRead));

      const media = await db.selectFrom('media').selectAll().execute();
      expect(ids(await db.selectFrom('media').select('id').where(mediumPolicy.readableWhere(actor)).execute())).toEqual(
        ids(media.filter((m) => mediumPolicy.can(actor, 'read', mediumResource(m)))),
      );

      const risks = await db.selectFrom('asset_risks').select(['id', 'department_id']).execute();
      expect(ids(await db.selectFrom('asset_risks').select('id').where(riskPolicy.readableWhere(actor)).execute())).toEqual(
        ids(risks.filter((r) => riskPolicy.can(actor, 'read', { departmentId: r.department_id }))),
      );

      const users = await db.selectFrom('users').select(['id', 'department_id', 'status']).select((eb) => isPrivileged(eb.ref('users.id')).as('privileged')).execute();
      expect(ids(await db.selectFrom('users').select('id').where(userPolicy.readableWhere(actor)).execute())).toEqual(
        ids(users.filter((u) => userPolicy.can(actor, 'read', userResource(u)))),
      );

      const entries = (await db.selectFrom('journal').select(['seq', 'actor_id', 'entity_type', 'entity_id']).execute()).map((e) => ({ ...e, id: e.seq }));
      expect(ids(await db.selectFrom('journal').select('seq as id').where(journalPolicy.readableWhere(actor)).execute())).toEqual(
        ids(entries.filter((e) => journalPolicy.can(actor, 'read', { actorId: e.actor_id, entityType: e.entity_type, entityId: e.entity_id }))),
      );
      // The population reaches every clause: some rows readable, some not, for the roles that are neither.
      expect(assetsRead.length).toBeGreaterThanOrEqual(role === 'app_admin' ? 0 : 1);
    });
  }
});

