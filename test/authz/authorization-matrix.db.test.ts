import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalRoles } from '../../src/policy/schema.js';
import { contextFor, makeAsset, makeUser, TEST_PASSWORD } from '../helpers/factories.js';
import { fileUpload } from '../helpers/multipart.js';
import { shinjukuDir } from '../helpers/policy-packages.js';
import { makeMedium, makeRisk } from '../helpers/media-risk-state.js';
import { readPolicyPackage } from '../../src/policy/loader.js';
import { loadPolicyVersion } from '../../src/features/policy/load-policy-version.js';
import { everyone, knownDefects, matrix, matrixRoles, routeKey, targets, type Target, type Who } from './matrix.js';
import { buildWorld, Client, makeSignedIn, totpCode, unique, type World } from './world.js';

/**
 * Runs every cell of the authorization matrix (matrix.ts) against the real app on a real database, one cell
 * at a time (the journal-length check needs that), each on a fresh target. A refused state-changing cell must
 * leave its target rows and the journal exactly as they were; an allowed one must have journaled its act.
 */

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

interface PreparedCell {
  client: Client;
  method: Method;
  url: string;
  body?: unknown;
  /** The rows the request may change: a refused request leaves them equal, an allowed one changes them. */
  snapshot?: () => Promise<unknown>;
  /** A refused sign-in is itself an act the journal keeps (auth.sign_in_failed). */
  journalsRefusal?: boolean;
  /** A POST that computes and stores nothing (parsing a standard's text): allowed, it journals nothing either. */
  storesNothing?: boolean;
  /** Headers of a body that is not JSON (a multipart upload). */
  headers?: Record<string, string>;
}

type Driver = (who: Who, target: Target) => Promise<PreparedCell>;

let world: World;
let policyVersionId: string;

beforeAll(async () => {
  world = await buildWorld();
  // The policy routes read the version in force from the database.
  const shinjuku = readPolicyPackage(shinjukuDir);
  policyVersionId = (await loadPolicyVersion(contextFor(world.db, shinjuku.policy, null), shinjuku)).versionId;
}, 60_000);

afterAll(async () => {
  await world?.testApp.close();
});

const journalLength = async (): Promise<number> =>
  Number((await world.db.selectFrom('journal').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

const clientOf = (who: Who): Client => (who === 'anonymous' ? world.anonymous : world.actors[who].client);

const actorOf = (who: Who): { id: string; login: string } => {
  if (who === 'anonymous') throw new Error('anonymous has no self');
  return world.actors[who];
};

/** A fresh user in the own or other 課等, or the actor themself. */
async function userTarget(who: Who, target: Target, status: 'active' | 'disabled' = 'active'): Promise<{ id: string }> {
  if (target === 'self') return actorOf(who);
  if (target !== 'own' && target !== 'other') throw new Error(`a user route has no "${target}" target`);
  return makeUser(world.db, { departmentId: target === 'own' ? world.ownDept : world.otherDept, status });
}

/** The user's row, every role assignment (live or ended) and how many sessions they have. */
const userRows = (id: string) => async () => ({
  user: await world.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst(),
  roles: await world.db.selectFrom('role_assignments').selectAll().where('user_id', '=', id).orderBy('id').execute(),
  sessions: (await world.db.selectFrom('sessions').select('id_hash').where('user_id', '=', id).execute()).length,
});

/** A fresh user of the role, signed in, for cells that act on one's own account (signing out ends sessions). */
async function accountClient(who: Who, totp: 'policy' | 'none' = 'policy'): Promise<{ client: Client; id: string | null }> {
  if (who === 'anonymous') return { client: world.anonymous, id: null };
  const fresh = await makeSignedIn(world, who, world.ownDept, { totp });
  return { client: fresh.client, id: fresh.id };
}

/** A small standard's text and its draft tree, for the policy-import routes. */
const draftSource = '第1　総則\n1　目的\n職員は、情報資産を守らなければならない。\n';
const draftTree = {
  style: 'outline',
  clauses: [
    { id: '1', parentId: null, shape: 'dai', depth: 1, marker: '第1', heading: '総則', text: '', line: 1, kind: 'heading' },
    { id: '1.1', parentId: '1', shape: 'number', depth: 2, marker: '1', heading: '目的', text: '職員は、情報資産を守らなければならない。', line: 2, kind: 'TODO' },
  ],
  versions: [],
  roles: [],
};

/** A saved draft of the administrator's, inserted directly (the route's own journal is not under test here). */
async function makeDraft(): Promise<string> {
  const now = new Date();
  const row = await world.db
    .insertInto('policy_drafts')
    .values({ name: `下書き${unique()}`, source_text: draftSource, draft: JSON.stringify(draftTree), created_by: world.actors.app_admin.id, updated_by: world.actors.app_admin.id, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A fresh medium issued to the own or other 課等; for `self`, one of the own 課等 that the actor holds. */
async function mediumTarget(who: Who, target: Target): Promise<{ id: string }> {
  if (target === 'self') return makeMedium(world.db, { departmentId: world.ownDept, holderId: actorOf(who).id });
  if (target !== 'own' && target !== 'other') throw new Error(`a medium route has no "${target}" target`);
  return makeMedium(world.db, { departmentId: target === 'own' ? world.ownDept : world.otherDept });
}

/** A fresh entry of the own or other 課等's risk register. */
async function riskTarget(target: Target): Promise<{ id: string }> {
  if (target !== 'own' && target !== 'other') throw new Error(`a risk route has no "${target}" target`);
  return makeRisk(world.db, { departmentId: target === 'own' ? world.ownDept : world.otherDept });
}

const simpleGet = (url: string): Driver => (who) => Promise.resolve({ client: clientOf(who), method: 'GET', url });

/** A driver on a user target: makes the target, then the request. */
const onUser = (method: Method, path: (id: string) => string, body: () => unknown, status: 'active' | 'disabled' = 'active'): Driver => async (who, target) => {
  const user = await userTarget(who, target, status);
  return { client: clientOf(who), method, url: path(user.id), body: body(), snapshot: userRows(user.id) };
};

/** A fresh asset in the own or other 課等, with no access right granted to anyone. */
async function assetTarget(target: Target): Promise<{ id: string; labelCode: string }> {
  if (target !== 'own' && target !== 'other') throw new Error(`an asset route has no "${target}" target`);
  const asset = await makeAsset(world.db, { departmentId: target === 'own' ? world.ownDept : world.otherDept });
  return { id: asset.id, labelCode: asset.label_code };
}

/** The asset's row and its access rights. */
const assetRows = (id: string) => async () => ({
  asset: await world.db.selectFrom('assets').selectAll().where('id', '=', id).executeTakeFirst(),
  access: await world.db.selectFrom('asset_access').selectAll().where('asset_id', '=', id).orderBy('id').execute(),
  copies: await world.db.selectFrom('assets').select('id').where('source_asset_id', '=', id).execute(),
});

/** A driver on an asset target: makes the asset, then the request. */
const onAsset = (method: Method, path: (asset: { id: string }) => Promise<string> | string, body: (asset: { id: string }) => unknown): Driver => async (who, target) => {
  const asset = await assetTarget(target);
  return { client: clientOf(who), method, url: await path(asset), body: body(asset), snapshot: assetRows(asset.id) };
};

/**
 * A validated import of one asset of the own 課等, uploaded by the actor (`self`) or by another 課等's officer
 * (`other`); inserted directly, as the upload itself is the POST /api/assets/imports cell.
 */
async function importOf(who: Who, target: Target): Promise<string> {
  const owner = target === 'self' ? actorOf(who).id : (await makeUser(world.db, { departmentId: world.otherDept, roles: [{ role: 'security_officer' }] })).id;
  const row = {
    row: 2, labelCode: null, name: `窓口日誌${unique()}`, description: '', kind: 'paper', departmentId: world.ownDept, classLevel: 'class-2', classCriteria: [], classJustification: '',
    confidentialityNote: '', integrityNote: '', availabilityNote: '', location: '', mediumId: null, retentionUntil: null, reviewDue: null,
  };
  const stored = await world.db
    .insertInto('asset_imports')
    .values({
      user_id: owner, file_name: 'daicho.csv', file_sha256: '0'.repeat(64), format: 'csv', status: 'validated', row_count: 1,
      mapping: JSON.stringify({ headerRow: 1, columns: [], errorCount: 0 }), rows: JSON.stringify([row]), errors: '[]', created_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return stored.id;
}

/** A saved view of the actor's (`self`) or of somebody else (`other`). */
async function savedFilterOf(who: Who, target: Target): Promise<string> {
  const owner = target === 'self' ? actorOf(who).id : (await makeUser(world.db, { departmentId: world.otherDept })).id;
  const row = await world.db.insertInto('asset_saved_filters').values({ user_id: owner, name: `表示${unique()}`, query: JSON.stringify({ sort: 'name' }), created_at: new Date() }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

const drivers: Record<string, Driver> = {
  'GET /api/health': simpleGet('/api/health'),
  'GET /api/policy': simpleGet('/api/policy'),
  'GET /api/session': simpleGet('/api/session'),

  'POST /api/session': async (who, target) => {
    if (target === 'self') return { client: new Client(world.app), method: 'POST', url: '/api/session', body: { login: actorOf(who).login, password: TEST_PASSWORD } };
    return { client: clientOf(who), method: 'POST', url: '/api/session', body: { login: `nobody-${unique()}`, password: 'not-the-password' }, journalsRefusal: true };
  },

  'POST /api/session/mfa': async (who, target) => {
    if (target === 'self') {
      if (who === 'anonymous') throw new Error('anonymous has no self');
      const pending = await makeSignedIn(world, who, world.ownDept, { totp: 'always', stopAtPassword: true });
      return { client: pending.client, method: 'POST', url: '/api/session/mfa', body: { code: await totpCode(pending.totpSecret ?? '') } };
    }
    return {
      client: clientOf(who),
      method: 'POST',
      url: '/api/session/mfa',
      body: { code: '000000' },
      ...(who === 'anonymous' ? {} : { snapshot: userRows(actorOf(who).id) }),
    };
  },

  'DELETE /api/session': async (who) => {
    const { client, id } = await accountClient(who);
    return { client, method: 'DELETE', url: '/api/session', ...(id ? { snapshot: userRows(id) } : {}) };
  },

  'POST /api/account/password': async (who) => {
    const { client, id } = await accountClient(who);
    return {
      client,
      method: 'POST',
      url: '/api/account/password',
      body: { currentPassword: TEST_PASSWORD, newPassword: `Ng7!${unique()}#wLp-Qz` },
      ...(id ? { snapshot: userRows(id) } : {}),
    };
  },

  // Enrolment is what a TOTP role does before its first full use, so these cells use users not yet enrolled.
  'POST /api/account/mfa/setup': async (who) => {
    const { client, id } = await accountClient(who, 'none');
    return { client, method: 'POST', url: '/api/account/mfa/setup', body: {}, ...(id ? { snapshot: userRows(id) } : {}) };
  },

  'POST /api/account/mfa/confirm': async (who) => {
    const { client, id } = await accountClient(who, 'none');
    if (!id) return { client, method: 'POST', url: '/api/account/mfa/confirm', body: { code: '123456' } };
    const setup = await client.request('POST', '/api/account/mfa/setup', {});
    if (setup.statusCode !== 200) throw new Error(`MFA set-up for ${who} failed: ${setup.statusCode} ${setup.body}`);
    const { secret } = setup.json<{ secret: string }>();
    return { client, method: 'POST', url: '/api/account/mfa/confirm', body: { code: await totpCode(secret) }, snapshot: userRows(id) };
  },

  'PATCH /api/account/preferences': async (who) => {
    const { client, id } = await accountClient(who);
    return { client, method: 'PATCH', url: '/api/account/preferences', body: { locale: 'en', calendar: 'japanese' }, ...(id ? { snapshot: userRows(id) } : {}) };
  },

  'GET /api/departments': simpleGet('/api/departments'),

  'POST /api/departments': async (who) => {
    const code = `c${unique()}`;
    return {
      client: clientOf(who),
      method: 'POST',
      url: '/api/departments',
      body: { code, name: `新設課${code}`, kana: 'しんせつか', parentId: null, level: 'ka' },
      snapshot: () => world.db.selectFrom('departments').selectAll().where('code', '=', code).execute(),
    };
  },

  'PATCH /api/departments/:id': async (who, target) => {
    const id = target === 'own' ? world.ownDept : world.otherDept;
    return {
      client: clientOf(who),
      method: 'PATCH',
      url: `/api/departments/${id}`,
      body: { name: `改称課${unique()}` },
      snapshot: () => world.db.selectFrom('departments').selectAll().where('id', '=', id).executeTakeFirst(),
    };
  },

  'GET /api/users': simpleGet('/api/users'),

  'POST /api/users': async (who, target) => {
    const login = `n${unique()}`;
    return {
      client: clientOf(who),
      method: 'POST',
      url: '/api/users',
      body: { login, staffNumber: `N-${unique()}`, name: '新規 職員', kana: 'しんき しょくいん', email: '', departmentId: target === 'own' ? world.ownDept : world.otherDept },
      snapshot: () => world.db.selectFrom('users').selectAll().where('login', '=', login).execute(),
    };
  },

  'GET /api/users/:id': async (who, target) => ({ client: clientOf(who), method: 'GET', url: `/api/users/${(await userTarget(who, target)).id}` }),
  'PATCH /api/users/:id': onUser('PATCH', (id) => `/api/users/${id}`, () => ({ name: `変更 ${unique()}` })),
  'POST /api/users/:id/disable': onUser('POST', (id) => `/api/users/${id}/disable`, () => ({ reason: '退職のため' })),
  // The target of a re-enable is a disabled user (the actor themself, for `self`, is active: still refused).
  'POST /api/users/:id/enable': onUser('POST', (id) => `/api/users/${id}/enable`, () => ({}), 'disabled'),
  'POST /api/users/:id/move': onUser('POST', (id) => `/api/users/${id}/move`, () => ({ departmentId: world.thirdDept })),
  'POST /api/users/:id/reset-password': onUser('POST', (id) => `/api/users/${id}/reset-password`, () => ({})),
  'POST /api/users/:id/roles': onUser('POST', (id) => `/api/users/${id}/roles`, () => ({ role: 'auditor', scopeType: 'global', scopeId: null })),

  'DELETE /api/users/:id/roles/:assignmentId': async (who, target) => {
    const user = await userTarget(who, target);
    const staff = await world.db
      .selectFrom('role_assignments')
      .select('id')
      .where('user_id', '=', user.id)
      .where('role', '=', 'staff')
      .where('revoked_at', 'is', null)
      .executeTakeFirstOrThrow();
    return { client: clientOf(who), method: 'DELETE', url: `/api/users/${user.id}/roles/${staff.id}`, snapshot: userRows(user.id) };
  },

  'GET /api/journal': simpleGet('/api/journal'),
  'GET /api/journal/types': simpleGet('/api/journal/types'),

  'GET /api/policy/versions': simpleGet('/api/policy/versions'),
  'GET /api/policy/capabilities': simpleGet('/api/policy/capabilities'),
  'GET /api/policy/clauses': simpleGet(`/api/policy/clauses?q=${encodeURIComponent('施錠')}`),
  'GET /api/policy/clauses/:clauseId': simpleGet(`/api/policy/clauses/${encodeURIComponent('2.4.2.イ')}`),
  'GET /api/policy/compliance': simpleGet('/api/policy/compliance'),
  'GET /api/policy/compliance.xlsx': simpleGet('/api/policy/compliance.xlsx'),
  'GET /api/policy/oscal': simpleGet('/api/policy/oscal'),
  'GET /api/policy/diff': (who) => Promise.resolve({ client: clientOf(who), method: 'GET', url: `/api/policy/diff?from=${policyVersionId}` }),

  'GET /api/media': simpleGet('/api/media'),
  'POST /api/media': async (who, target) => {
    const code = `M-${unique()}`;
    return {
      client: clientOf(who),
      method: 'POST',
      url: '/api/media',
      body: { code, kind: 'usb', departmentId: target === 'own' ? world.ownDept : world.otherDept, holderId: null, issuedOn: '2025-04-01' },
      snapshot: () => world.db.selectFrom('media').selectAll().where('code', '=', code).execute(),
    };
  },
  'GET /api/media/:id': async (who, target) => ({ client: clientOf(who), method: 'GET', url: `/api/media/${(await mediumTarget(who, target)).id}` }),
  'PATCH /api/media/:id': async (who, target) => {
    const { id } = await mediumTarget(who, target);
    return {
      client: clientOf(who),
      method: 'PATCH',
      url: `/api/media/${id}`,
      body: { storageLocation: `保管庫${unique()}` },
      snapshot: () => world.db.selectFrom('media').selectAll().where('id', '=', id).executeTakeFirst(),
    };
  },

  'GET /api/risks': simpleGet('/api/risks'),
  'POST /api/risks': async (who, target) => {
    const assetGroup = `窓口端末${unique()}`;
    return {
      client: clientOf(who),
      method: 'POST',
      url: '/api/risks',
      body: {
        departmentId: target === 'own' ? world.ownDept : world.otherDept, assetGroup, threatId: 'leakage', likelihood: 2, impact: 3,
        countermeasures: '画面ロック', responseProcedure: '報告して切り離す',
      },
      snapshot: () => world.db.selectFrom('asset_risks').selectAll().where('asset_group', '=', assetGroup).execute(),
    };
  },
  'GET /api/risks/:id': async (who, target) => ({ client: clientOf(who), method: 'GET', url: `/api/risks/${(await riskTarget(target)).id}` }),
  'PATCH /api/risks/:id': async (who, target) => {
    const { id } = await riskTarget(target);
    return {
      client: clientOf(who),
      method: 'PATCH',
      url: `/api/risks/${id}`,
      body: { status: 'treated' },
      snapshot: () => world.db.selectFrom('asset_risks').selectAll().where('id', '=', id).executeTakeFirst(),
    };
  },

  'POST /api/policy/import-text': (who) =>
    Promise.resolve({ client: clientOf(who), method: 'POST', url: '/api/policy/import-text', body: { text: draftSource }, storesNothing: true }),
  'GET /api/policy/drafts': simpleGet('/api/policy/drafts'),
  'POST /api/policy/drafts': (who) => {
    const name = `下書き${unique()}`;
    return Promise.resolve({
      client: clientOf(who),
      method: 'POST',
      url: '/api/policy/drafts',
      body: { name, sourceText: draftSource, draft: draftTree },
      snapshot: () => world.db.selectFrom('policy_drafts').selectAll().where('name', '=', name).execute(),
    });
  },
  'GET /api/policy/drafts/:id': async (who) => ({ client: clientOf(who), method: 'GET', url: `/api/policy/drafts/${await makeDraft()}` }),
  'PUT /api/policy/drafts/:id': async (who) => {
    const id = await makeDraft();
    return {
      client: clientOf(who),
      method: 'PUT',
      url: `/api/policy/drafts/${id}`,
      body: { name: `改名${unique()}`, draft: draftTree },
      snapshot: () => world.db.selectFrom('policy_drafts').selectAll().where('id', '=', id).executeTakeFirst(),
    };
  },
  'GET /api/policy/drafts/:id/files/:file': async (who) => ({ client: clientOf(who), method: 'GET', url: `/api/policy/drafts/${await makeDraft()}/files/clauses.yaml` }),

  'GET /api/assets': simpleGet('/api/assets'),
  'POST /api/assets': (who, target) => {
    const departmentId = target === 'own' ? world.ownDept : world.otherDept;
    const before = async () => world.db.selectFrom('assets').select('id').where('department_id', '=', departmentId).orderBy('id').execute();
    return Promise.resolve({ client: clientOf(who), method: 'POST', url: '/api/assets', body: { name: `台帳${unique()}`, kind: 'paper', departmentId, classLevel: 'class-2' }, snapshot: before });
  },
  'GET /api/assets/:id': async (who, target) => ({ client: clientOf(who), method: 'GET', url: `/api/assets/${(await assetTarget(target)).id}` }),
  'GET /api/assets/:id/history': async (who, target) => ({ client: clientOf(who), method: 'GET', url: `/api/assets/${(await assetTarget(target)).id}/history` }),
  'PATCH /api/assets/:id': onAsset('PATCH', (a) => `/api/assets/${a.id}`, () => ({ location: `書庫${unique()}` })),
  'POST /api/assets/:id/status': onAsset('POST', (a) => `/api/assets/${a.id}/status`, () => ({ status: 'out', note: '修理のため' })),
  'POST /api/assets/:id/dispose': onAsset('POST', (a) => `/api/assets/${a.id}/dispose`, () => ({ method: '溶解', evidence: '証明書', disposedOn: '2026-01-05' })),
  'POST /api/assets/:id/access': onAsset('POST', (a) => `/api/assets/${a.id}/access`, () => ({ subjectType: 'department', subjectId: world.thirdDept })),
  'DELETE /api/assets/:id/access/:grantId': onAsset(
    'DELETE',
    async (a) => {
      const grant = await world.db.insertInto('asset_access').values({ asset_id: a.id, subject_type: 'department', subject_id: world.thirdDept, permission: 'read', granted_by: null, granted_at: new Date() }).returning('id').executeTakeFirstOrThrow();
      return `/api/assets/${a.id}/access/${grant.id}`;
    },
    () => undefined,
  ),
  'POST /api/assets/:id/copies': onAsset('POST', (a) => `/api/assets/${a.id}/copies`, () => ({ kind: 'copy', departmentId: world.ownDept })),
  'GET /api/assets/labels/:code': async (who, target) => ({ client: clientOf(who), method: 'GET', url: `/api/assets/labels/${(await assetTarget(target)).labelCode}` }),
  'POST /api/assets/bulk': onAsset('POST', () => '/api/assets/bulk', (a) => ({ assetIds: [a.id], action: { type: 'setLocation', location: `書庫${unique()}` } })),
  'GET /api/assets/saved-filters': simpleGet('/api/assets/saved-filters'),
  'POST /api/assets/saved-filters': (who) => Promise.resolve({ client: clientOf(who), method: 'POST', url: '/api/assets/saved-filters', body: { name: `表示${unique()}`, query: { classLevel: 'class-1' } } }),
  'DELETE /api/assets/saved-filters/:id': async (who, target) => {
    if (who === 'anonymous') return { client: clientOf(who), method: 'DELETE', url: `/api/assets/saved-filters/${await savedFilterOf('app_admin', 'other')}` };
    const id = await savedFilterOf(who, target);
    return { client: clientOf(who), method: 'DELETE', url: `/api/assets/saved-filters/${id}`, snapshot: () => world.db.selectFrom('asset_saved_filters').selectAll().where('id', '=', id).execute() };
  },

  'GET /api/assets/export.xlsx': simpleGet('/api/assets/export.xlsx'),
  'GET /api/assets/export.csv': simpleGet('/api/assets/export.csv'),
  // A filter that matches nothing keeps the PDFs small whatever the world holds by then.
  'GET /api/assets/export.pdf': (who) => Promise.resolve({ client: clientOf(who), method: 'GET', url: `/api/assets/export.pdf?q=${unique()}` }),
  'GET /api/assets/labels.pdf': (who) => Promise.resolve({ client: clientOf(who), method: 'GET', url: `/api/assets/labels.pdf?q=${unique()}` }),
  'GET /api/assets/import-template.xlsx': simpleGet('/api/assets/import-template.xlsx'),
  'POST /api/assets/imports': async (who) => {
    const own = await world.db.selectFrom('departments').select('code').where('id', '=', world.ownDept).executeTakeFirstOrThrow();
    const fileName = `daicho-${unique()}.csv`;
    const { payload, headers } = fileUpload(fileName, Buffer.from(`名称,種別,課等,重要性分類\r\n窓口日誌,紙,${own.code},重要性分類Ⅱ\r\n`, 'utf8'));
    return { client: clientOf(who), method: 'POST', url: '/api/assets/imports', body: payload, headers, snapshot: () => world.db.selectFrom('asset_imports').selectAll().where('file_name', '=', fileName).execute() };
  },
  'GET /api/assets/imports/:id': async (who, target) => ({ client: clientOf(who), method: 'GET', url: `/api/assets/imports/${await importOf(who, target)}` }),
  'POST /api/assets/imports/:id/commit': async (who, target) => {
    const id = await importOf(who, target);
    return { client: clientOf(who), method: 'POST', url: `/api/assets/imports/${id}/commit`, snapshot: () => world.db.selectFrom('asset_imports').select(['status', 'committed_at']).where('id', '=', id).executeTakeFirst() };
  },
};

const registered = (): Set<string> => new Set(world.app.routesList.map(routeKey));

describe('authorization matrix: completeness', () => {
  it('has a line for every registered /api route', () => {
    const missing = [...registered()].filter((key) => !(key in matrix));
    expect(missing, `routes without a line in test/authz/matrix.ts: ${missing.join(', ')}`).toEqual([]);
  });

  it('has no line for a route that no longer exists', () => {
    const routes = registered();
    const stale = Object.keys(matrix).filter((key) => !routes.has(key));
    expect(stale, `lines in test/authz/matrix.ts for routes that no longer exist: ${stale.join(', ')}`).toEqual([]);
  });

  it('knows every canonical role, and only those', () => {
    expect([...matrixRoles].sort()).toEqual([...canonicalRoles].sort());
  });

  it('gives every line a cell for every role and anonymous, on the same targets', () => {
    const problems: string[] = [];
    for (const [key, row] of Object.entries(matrix)) {
      if (!drivers[key]) problems.push(`${key}: no driver in the runner`);
      const roleTargets = Object.keys(row.staff ?? {}).sort().join(',');
      for (const who of everyone) {
        const cell = row[who];
        if (!cell || Object.keys(cell).length === 0) problems.push(`${key}: no cell for ${who}`);
        else if (who !== 'anonymous' && Object.keys(cell).sort().join(',') !== roleTargets) problems.push(`${key}: ${who} has targets ${Object.keys(cell).join(',')}, staff has ${roleTargets}`);
        else if (who === 'anonymous' && 'self' in cell) problems.push(`${key}: anonymous has no self`);
      }
    }
    for (const cellId of Object.keys(knownDefects)) {
      const [method, url, who, target] = cellId.split(' ');
      if (matrix[`${method} ${url}`]?.[who as Who]?.[target as Target] === undefined) problems.push(`known defect names no cell: ${cellId}`);
    }
    expect(problems).toEqual([]);
  });
});

const cells = Object.entries(matrix).flatMap(([key, row]) =>
  everyone.flatMap((who) => targets.filter((target) => row[who][target] !== undefined).map((target) => ({ key, who, target, expected: row[who][target] as number }))),
);

describe(`authorization matrix: ${cells.length} cells`, () => {
  for (const { key, who, target, expected } of cells) {
    const cellId = `${key} ${who} ${target}`;
    const defect = knownDefects[cellId];
    it(`${key} · ${who} · ${target} → ${expected}${defect ? ` (known defect: answers ${defect.answers}, ${defect.why})` : ''}`, async () => {
      if (!registered().has(key)) throw new Error(`matrix line for a route that no longer exists: ${key}`);
      const driver = drivers[key];
      if (!driver) throw new Error(`no driver for ${key}`);
      const cell = await driver(who, target);
      const journalBefore = await journalLength();
      const rowsBefore = await cell.snapshot?.();

      const response = await cell.client.request(cell.method, cell.url, cell.body, cell.headers);
      if (defect) {
        expect(response.statusCode, `${cellId}: the known defect no longer shows; if it is fixed, remove it from knownDefects`).toBe(defect.answers);
        return;
      }
      expect(response.statusCode, `${cellId}: ${response.body.slice(0, 300)}`).toBe(expected);

      if (cell.method === 'GET') return;
      const allowed = response.statusCode >= 200 && response.statusCode < 300;
      const journalAfter = await journalLength();
      if (allowed && cell.storesNothing) {
        expect(journalAfter, `${cellId}: a call that stores nothing journals nothing`).toBe(journalBefore);
      } else if (allowed) {
        expect(journalAfter, `${cellId}: an allowed act is journaled`).toBeGreaterThan(journalBefore);
        if (cell.snapshot) expect(await cell.snapshot(), `${cellId}: an allowed act changes its target`).not.toEqual(rowsBefore);
      } else {
        if (!cell.journalsRefusal) expect(journalAfter, `${cellId}: a refused act writes no journal entry`).toBe(journalBefore);
        if (cell.snapshot) expect(await cell.snapshot(), `${cellId}: a refused act changes nothing`).toEqual(rowsBefore);
      }
    });
  }
});

describe('authorization matrix: sign-in steps gate the user routes', () => {
  it('a TOTP role not yet enrolled reaches its account routes but no user route', async () => {
    for (const role of matrixRoles.filter((r) => world.mfaRoles.has(r))) {
      const fresh = await makeSignedIn(world, role, world.ownDept, { totp: 'none' });
      const users = await fresh.client.get('/api/users');
      expect(users.statusCode, role).toBe(403);
      expect(users.json<{ error: { code: string } }>().error.code).toBe('E_MFA_ENROLMENT_REQUIRED');
      expect((await fresh.client.request('PATCH', '/api/account/preferences', { locale: 'ja' })).statusCode).toBe(200);
    }
  });

  it('a user who must change the initial password reaches only account routes', async () => {
    const user = await makeUser(world.db, { departmentId: world.ownDept, roles: [{ role: 'security_officer' }], mustChangePassword: true });
    const client = new Client(world.app);
    expect((await client.request('POST', '/api/session', { login: user.login, password: TEST_PASSWORD })).statusCode).toBe(200);
    const users = await client.get('/api/users');
    expect(users.statusCode).toBe(403);
    expect(users.json<{ error: { code: string } }>().error.code).toBe('E_PASSWORD_CHANGE_REQUIRED');
    expect((await client.request('POST', '/api/account/password', { currentPassword: TEST_PASSWORD, newPassword: `Ng7!${unique()}#wLp-Qz` })).statusCode).toBe(204);
    expect((await client.get('/api/users')).statusCode).toBe(200);
  });

  it('a session waiting for its second factor is not signed in', async () => {
    const pending = await makeSignedIn(world, 'app_admin', world.ownDept, { stopAtPassword: true });
    expect((await pending.client.get('/api/users')).statusCode).toBe(401);
    expect((await pending.client.request('PATCH', '/api/account/preferences', { locale: 'ja' })).statusCode).toBe(401);
  });
});
