import { makeMedium } from '../../../test/helpers/media-risk-state.js';
import { actorOf, clientOf, each, signedIn, simpleGet, type FeatureCases, type Target, type Who } from '../../../test/authz/matrix.js';
import { unique, type World } from '../../../test/authz/world.js';
import { assetOversight } from '../assets/authorization-cases.js';

/** A fresh medium issued to the own or other 課等; for `self`, one of the own 課等 that the actor holds. */
async function mediumTarget(world: World, who: Who, target: Target): Promise<{ id: string }> {
  if (target === 'self') return makeMedium(world.db, { departmentId: world.ownDept, holderId: actorOf(world, who).id });
  if (target !== 'own' && target !== 'other') throw new Error(`a medium route has no "${target}" target`);
  return makeMedium(world.db, { departmentId: target === 'own' ? world.ownDept : world.otherDept });
}

/**
 * Issued media (第2 4(3), medium-policy.ts): the 課等's 情報セキュリティ責任者 registers and changes them;
 * oversight reads; the holder reads theirs. `own`/`other`: a medium issued to the actors' own 課等 or another;
 * `self`: a medium of the own 課等 that the actor holds. The list is filtered, never refused.
 */
export const authorizationCases: FeatureCases = {
  routes: {
    'GET /api/media': { row: signedIn({ any: 200 }), driver: simpleGet('/api/media') },
    'POST /api/media': {
      row: signedIn({ own: 403, other: 403 }, { security_officer: { own: 201 } }),
      driver: async (who, target, world) => {
        const code = `M-${unique()}`;
        return {
          client: clientOf(world, who),
          method: 'POST',
          url: '/api/media',
          body: { code, kind: 'usb', departmentId: target === 'own' ? world.ownDept : world.otherDept, holderId: null, issuedOn: '2025-04-01' },
          snapshot: () => world.db.selectFrom('media').selectAll().where('code', '=', code).execute(),
        };
      },
      writes: ['medium.registered'],
    },
    'GET /api/media/:id': {
      row: signedIn({ own: 404, other: 404, self: 200 }, { security_officer: { own: 200 }, ...each(assetOversight, { own: 200, other: 200 }) }),
      driver: async (who, target, world) => ({ client: clientOf(world, who), method: 'GET', url: `/api/media/${(await mediumTarget(world, who, target)).id}` }),
    },
    'PATCH /api/media/:id': {
      row: signedIn({ own: 404, other: 404, self: 403 }, { security_officer: { own: 200, self: 200 }, ...each(assetOversight, { own: 403, other: 403 }) }),
      driver: async (who, target, world) => {
        const { id } = await mediumTarget(world, who, target);
        return {
          client: clientOf(world, who),
          method: 'PATCH',
          url: `/api/media/${id}`,
          body: { storageLocation: `保管庫${unique()}` },
          snapshot: () => world.db.selectFrom('media').selectAll().where('id', '=', id).executeTakeFirst(),
        };
      },
      writes: ['medium.updated'],
    },
  },
};
