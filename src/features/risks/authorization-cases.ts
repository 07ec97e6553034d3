import { makeRisk } from '../../../test/helpers/media-risk-state.js';
import { clientOf, each, signedIn, simpleGet, type FeatureCases, type Target } from '../../../test/authz/matrix.js';
import { unique, type World } from '../../../test/authz/world.js';
import { assetOversight } from '../assets/authorization-cases.js';

/** A fresh entry of the own or other 課等's risk register. */
async function riskTarget(world: World, target: Target): Promise<{ id: string }> {
  if (target !== 'own' && target !== 'other') throw new Error(`a risk route has no "${target}" target`);
  return makeRisk(world.db, { departmentId: target === 'own' ? world.ownDept : world.otherDept });
}

/**
 * The risk register (第2 2, risk-policy.ts): the 課等's 情報セキュリティ責任者 records and revises it; oversight
 * reads every 課等's; nobody else knows an entry exists. `own`/`other`: an entry of either 課等.
 */
export const authorizationCases: FeatureCases = {
  routes: {
    'GET /api/risks': { row: signedIn({ any: 200 }), driver: simpleGet('/api/risks') },
    'POST /api/risks': {
      row: signedIn({ own: 403, other: 403 }, { security_officer: { own: 201 } }),
      driver: async (who, target, world) => {
        const assetGroup = `窓口端末${unique()}`;
        return {
          client: clientOf(world, who),
          method: 'POST',
          url: '/api/risks',
          body: {
            departmentId: target === 'own' ? world.ownDept : world.otherDept, assetGroup, threatId: 'leakage', likelihood: 2, impact: 3,
            countermeasures: '画面ロック', responseProcedure: '報告して切り離す',
          },
          snapshot: () => world.db.selectFrom('asset_risks').selectAll().where('asset_group', '=', assetGroup).execute(),
        };
      },
      writes: ['risk.recorded'],
    },
    'GET /api/risks/:id': {
      row: signedIn({ own: 404, other: 404 }, { security_officer: { own: 200 }, ...each(assetOversight, { own: 200, other: 200 }) }),
      driver: async (who, target, world) => ({ client: clientOf(world, who), method: 'GET', url: `/api/risks/${(await riskTarget(world, target)).id}` }),
    },
    'PATCH /api/risks/:id': {
      row: signedIn({ own: 404, other: 404 }, { security_officer: { own: 200 }, ...each(assetOversight, { own: 403, other: 403 }) }),
      driver: async (who, target, world) => {
        const { id } = await riskTarget(world, target);
        return {
          client: clientOf(world, who),
          method: 'PATCH',
          url: `/api/risks/${id}`,
          body: { status: 'treated' },
          snapshot: () => world.db.selectFrom('asset_risks').selectAll().where('id', '=', id).executeTakeFirst(),
        };
      },
      writes: ['risk.updated'],
    },
  },
};
