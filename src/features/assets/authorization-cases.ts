import { grantAccess, makeAsset, makeUser } from '../../../test/helpers/factories.js';
import { fileUpload } from '../../../test/helpers/multipart.js';
import { actorOf, clientOf, each, signedIn, simpleGet, type Driver, type FeatureCases, type Method, type Role, type RouteRow, type Target, type Who } from '../../../test/authz/matrix.js';
import { unique, type World } from '../../../test/authz/world.js';
import { fixture } from '../../../test/helpers/fixtures.js';

/** Roles that read every asset, medium and 課等's risk register (asset-policy.ts `assetOversightRoles`); they change none. */
export const assetOversight = ['cio', 'chief_security_officer', 'strategy_board', 'auditor'] as const satisfies readonly Role[];

/**
 * Managing an asset record (第2 1, 3, 4(2)ア): the 情報セキュリティ責任者 of its 課等 only. Oversight sees the
 * asset, so a refusal is 403; everyone else (the Bansho administrator included) does not know it exists: 404.
 */
const manageAsset = (allowed: number): RouteRow =>
  signedIn({ own: 404, other: 404 }, { security_officer: { own: allowed }, ...each(assetOversight, { own: 403, other: 403 }) });

/** A fresh asset in the own or other 課等, with no access right granted to anyone. */
async function assetTarget(world: World, target: Target): Promise<{ id: string; labelCode: string }> {
  if (target !== 'own' && target !== 'other') throw new Error(`an asset route has no "${target}" target`);
  const asset = await makeAsset(world.db, { departmentId: target === 'own' ? world.ownDept : world.otherDept });
  return { id: asset.id, labelCode: asset.label_code };
}

/** The asset's row, its access rights and its copies. */
const assetRows = (world: World, id: string) => async () => ({
  asset: await world.db.selectFrom('assets').selectAll().where('id', '=', id).executeTakeFirst(),
  access: await world.db.selectFrom('asset_access').selectAll().where('asset_id', '=', id).orderBy('id').execute(),
  copies: await world.db.selectFrom('assets').select('id').where('source_asset_id', '=', id).execute(),
});

/** A driver on an asset target: makes the asset, then the request. */
const onAsset = (method: Method, path: (asset: { id: string }, world: World) => Promise<string> | string, body: (asset: { id: string }, world: World) => unknown): Driver => async (who, target, world) => {
  const asset = await assetTarget(world, target);
  return { client: clientOf(world, who), method, url: await path(asset, world), body: body(asset, world), snapshot: assetRows(world, asset.id) };
};

/**
 * A validated import of one asset of the own 課等, uploaded by the actor (`self`) or by another 課等's officer
 * (`other`); inserted directly, as the upload itself is the POST /api/assets/imports cell.
 */
async function importOf(world: World, who: Who, target: Target): Promise<string> {
  const owner = target === 'self' ? actorOf(world, who).id : (await makeUser(world.db, { departmentId: world.otherDept, roles: [{ role: 'security_officer' }] })).id;
  const row = {
    row: 2, labelCode: null, name: `窓口日誌${unique()}`, description: '', kind: 'paper', departmentId: world.ownDept, classLevel: 'class-2', classCriteria: [], classJustification: '',
    confidentialityNote: '', integrityNote: '', availabilityNote: '', location: '', mediumId: null, retentionUntil: null, reviewDue: null,
  };
  const stored = await fixture(world.db, (tx) =>
    tx
      .insertInto('asset_imports')
      .values({
        user_id: owner, file_name: 'daicho.csv', file_sha256: '0'.repeat(64), format: 'csv', status: 'validated', row_count: 1,
        mapping: JSON.stringify({ headerRow: 1, columns: [], errorCount: 0 }), rows: JSON.stringify([row]), errors: '[]', created_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow(),
  );
  return stored.id;
}

/** A saved view of the actor's (`self`) or of somebody else (`other`). */
async function savedFilterOf(world: World, who: Who, target: Target): Promise<string> {
  const owner = target === 'self' ? actorOf(world, who).id : (await makeUser(world.db, { departmentId: world.otherDept })).id;
  const row = await fixture(world.db, (tx) =>
    tx.insertInto('asset_saved_filters').values({ user_id: owner, name: `表示${unique()}`, query: JSON.stringify({ sort: 'name' }), created_at: new Date() }).returning('id').executeTakeFirstOrThrow(),
  );
  return row.id;
}

/**
 * The information asset register (asset-policy.ts). `own`/`other`: an asset of the actors' 課等 or of another,
 * with no access right granted to anyone. Lists are filtered, never refused (list-detail-agree checks them).
 */
export const authorizationCases: FeatureCases = {
  routes: {
    'GET /api/assets': { row: signedIn({ any: 200 }), driver: simpleGet('/api/assets') },
    'POST /api/assets': {
      row: signedIn({ own: 403, other: 403 }, { security_officer: { own: 201 } }),
      driver: (who, target, world) => {
        const departmentId = target === 'own' ? world.ownDept : world.otherDept;
        const before = async () => world.db.selectFrom('assets').select('id').where('department_id', '=', departmentId).orderBy('id').execute();
        return Promise.resolve({ client: clientOf(world, who), method: 'POST', url: '/api/assets', body: { name: `台帳${unique()}`, kind: 'paper', departmentId, classLevel: 'class-2' }, snapshot: before });
      },
      writes: ['asset.created'],
    },
    'GET /api/assets/:id': {
      row: signedIn({ own: 404, other: 404 }, { security_officer: { own: 200 }, ...each(assetOversight, { own: 200, other: 200 }) }),
      driver: async (who, target, world) => ({ client: clientOf(world, who), method: 'GET', url: `/api/assets/${(await assetTarget(world, target)).id}` }),
    },
    'GET /api/assets/:id/history': {
      row: signedIn({ own: 404, other: 404 }, { security_officer: { own: 200 }, ...each(assetOversight, { own: 200, other: 200 }) }),
      driver: async (who, target, world) => ({ client: clientOf(world, who), method: 'GET', url: `/api/assets/${(await assetTarget(world, target)).id}/history` }),
    },
    'PATCH /api/assets/:id': { row: manageAsset(200), driver: onAsset('PATCH', (a) => `/api/assets/${a.id}`, () => ({ location: `書庫${unique()}` })), writes: ['asset.updated'] },
    'POST /api/assets/:id/status': { row: manageAsset(200), driver: onAsset('POST', (a) => `/api/assets/${a.id}/status`, () => ({ status: 'out', note: '修理のため' })), writes: ['asset.status_changed'] },
    'POST /api/assets/:id/dispose': {
      row: manageAsset(200),
      driver: onAsset('POST', (a) => `/api/assets/${a.id}/dispose`, () => ({ method: '溶解', evidence: '証明書', disposedOn: '2026-01-05' })),
      writes: ['asset.disposed'],
    },
    'POST /api/assets/:id/access': {
      row: manageAsset(201),
      driver: onAsset('POST', (a) => `/api/assets/${a.id}/access`, (_a, world) => ({ subjectType: 'department', subjectId: world.thirdDept })),
      writes: ['asset.access_granted'],
    },
    'DELETE /api/assets/:id/access/:grantId': {
      row: manageAsset(200),
      driver: onAsset(
        'DELETE',
        async (a, world) => {
          const grant = await grantAccess(world.db, a.id, 'department', world.thirdDept);
          return `/api/assets/${a.id}/access/${grant.id}`;
        },
        () => undefined,
      ),
      writes: ['asset.access_revoked'],
    },
    // A copy into the actor's own 課等: only an officer who may read the source records one.
    'POST /api/assets/:id/copies': { row: manageAsset(201), driver: onAsset('POST', (a) => `/api/assets/${a.id}/copies`, (_a, world) => ({ kind: 'copy', departmentId: world.ownDept })), writes: ['asset.created'] },
    // A label leads anyone signed in to the 課等 (第2 4(1)); what else it shows is checked in assets.db.test.ts.
    'GET /api/assets/labels/:code': {
      row: signedIn({ own: 200, other: 200 }),
      driver: async (who, target, world) => ({ client: clientOf(world, who), method: 'GET', url: `/api/assets/labels/${(await assetTarget(world, target)).labelCode}` }),
    },
    // All or nothing: an asset the actor does not manage refuses the whole act.
    'POST /api/assets/bulk': {
      row: signedIn({ own: 403, other: 403 }, { security_officer: { own: 200 } }),
      driver: onAsset('POST', () => '/api/assets/bulk', (a) => ({ assetIds: [a.id], action: { type: 'setLocation', location: `書庫${unique()}` } })),
      writes: ['asset.updated'],
    },
    // Saved views are one's own: `self` saves or deletes one's own, `other` tries someone else's.
    'GET /api/assets/saved-filters': { row: signedIn({ self: 200 }), driver: simpleGet('/api/assets/saved-filters') },
    'POST /api/assets/saved-filters': {
      row: signedIn({ self: 201 }),
      driver: (who, _target, world) => Promise.resolve({ client: clientOf(world, who), method: 'POST', url: '/api/assets/saved-filters', body: { name: `表示${unique()}`, query: { classLevel: 'class-1' } } }),
      writes: ['asset_filter.saved'],
    },
    'DELETE /api/assets/saved-filters/:id': {
      row: signedIn({ self: 204, other: 404 }),
      driver: async (who, target, world) => {
        if (who === 'anonymous') return { client: clientOf(world, who), method: 'DELETE', url: `/api/assets/saved-filters/${await savedFilterOf(world, 'app_admin', 'other')}` };
        const id = await savedFilterOf(world, who, target);
        return { client: clientOf(world, who), method: 'DELETE', url: `/api/assets/saved-filters/${id}`, snapshot: () => world.db.selectFrom('asset_saved_filters').selectAll().where('id', '=', id).execute() };
      },
      writes: ['asset_filter.deleted'],
    },

    // The register's files (transfer/routes.ts). Exports and label sheets hold only the assets the actor may
    // read, so every signed-in user gets them, and each is journaled. Importing registers assets: a
    // 情報セキュリティ責任者's act (第2 3). An import is its uploader's alone: `self` one the actor uploaded (for
    // other roles, in an earlier officer post), `other` another officer's, which nobody else may know exists.
    'GET /api/assets/export.xlsx': { row: signedIn({ any: 200 }), driver: simpleGet('/api/assets/export.xlsx'), writes: ['assets.exported'] },
    'GET /api/assets/export.csv': { row: signedIn({ any: 200 }), driver: simpleGet('/api/assets/export.csv'), writes: ['assets.exported'] },
    // A filter that matches nothing keeps the PDFs small whatever the world holds by then.
    'GET /api/assets/export.pdf': {
      row: signedIn({ any: 200 }),
      driver: (who, _target, world) => Promise.resolve({ client: clientOf(world, who), method: 'GET', url: `/api/assets/export.pdf?q=${unique()}` }),
      writes: ['assets.exported'],
    },
    'GET /api/assets/labels.pdf': {
      row: signedIn({ any: 200 }),
      driver: (who, _target, world) => Promise.resolve({ client: clientOf(world, who), method: 'GET', url: `/api/assets/labels.pdf?q=${unique()}` }),
      writes: ['assets.exported'],
    },
    'GET /api/assets/import-template.xlsx': { row: signedIn({ any: 200 }), driver: simpleGet('/api/assets/import-template.xlsx') },
    'POST /api/assets/imports': {
      row: signedIn({ any: 403 }, { security_officer: { any: 201 } }),
      driver: async (who, _target, world) => {
        const own = await world.db.selectFrom('departments').select('code').where('id', '=', world.ownDept).executeTakeFirstOrThrow();
        const fileName = `daicho-${unique()}.csv`;
        const { payload, headers } = fileUpload(fileName, Buffer.from(`名称,種別,課等,重要性分類\r\n窓口日誌,紙,${own.code},重要性分類Ⅱ\r\n`, 'utf8'));
        return { client: clientOf(world, who), method: 'POST', url: '/api/assets/imports', body: payload, headers, snapshot: () => world.db.selectFrom('asset_imports').selectAll().where('file_name', '=', fileName).execute() };
      },
      writes: ['asset_import.validated'],
    },
    'GET /api/assets/imports/:id': {
      row: signedIn({ self: 200, other: 404 }),
      driver: async (who, target, world) => ({ client: clientOf(world, who), method: 'GET', url: `/api/assets/imports/${await importOf(world, who, target)}` }),
    },
    'POST /api/assets/imports/:id/commit': {
      row: signedIn({ self: 403, other: 404 }, { security_officer: { self: 200 } }),
      driver: async (who, target, world) => {
        const id = await importOf(world, who, target);
        return { client: clientOf(world, who), method: 'POST', url: `/api/assets/imports/${id}/commit`, snapshot: () => world.db.selectFrom('asset_imports').select(['status', 'committed_at']).where('id', '=', id).executeTakeFirst() };
      },
      writes: ['asset_import.committed', 'asset.created'],
    },
  },
};
