import { clientOf, signedIn, simpleGet, type FeatureCases } from '../../../test/authz/matrix.js';
import { unique, type World } from '../../../test/authz/world.js';
import { fixture } from '../../../test/helpers/fixtures.js';

/** A small standard's text and its draft tree, as the importer makes it (the API describes stored drafts exactly). */
const draftSource = '第1　総則\n1　目的\n職員は、情報資産を守らなければならない。\n';
const draftTree = {
  style: 'outline',
  clauses: [
    { id: '1', parentId: null, shape: 'dai', depth: 1, marker: '第1', heading: '総則', text: '', line: 1, kind: 'heading' },
    { id: '1.1', parentId: '1', shape: 'number', depth: 2, marker: '1', heading: '目的', text: '職員は、情報資産を守らなければならない。', line: 2, kind: 'TODO' },
  ],
  versions: [],
  roles: [],
  warnings: [],
};

/** A saved draft of the administrator's, inserted directly (the route's own journal is not under test here). */
async function makeDraft(world: World): Promise<string> {
  const now = new Date();
  const row = await fixture(world.db, (tx) =>
    tx
      .insertInto('policy_drafts')
      .values({ name: `下書き${unique()}`, source_text: draftSource, draft: JSON.stringify(draftTree), created_by: world.actors.app_admin.id, updated_by: world.actors.app_admin.id, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow(),
  );
  return row.id;
}

/**
 * Drafting a package from a standard's text (draft-policy.ts): the Bansho administrator only. Nobody else knows a
 * draft exists, so a draft by id is 404 to them; the collection routes are 403.
 */
export const authorizationCases: FeatureCases = {
  routes: {
    // Parsing a standard's text computes and stores nothing: allowed, it journals nothing either.
    'POST /api/policy/import-text': {
      row: signedIn({ any: 403 }, { app_admin: { any: 200 } }),
      driver: (who, _target, world) => Promise.resolve({ client: clientOf(world, who), method: 'POST', url: '/api/policy/import-text', body: { text: draftSource } }),
    },
    'GET /api/policy/drafts': { row: signedIn({ any: 403 }, { app_admin: { any: 200 } }), driver: simpleGet('/api/policy/drafts') },
    'POST /api/policy/drafts': {
      row: signedIn({ any: 403 }, { app_admin: { any: 201 } }),
      driver: (who, _target, world) => {
        const name = `下書き${unique()}`;
        return Promise.resolve({
          client: clientOf(world, who),
          method: 'POST',
          url: '/api/policy/drafts',
          body: { name, sourceText: draftSource, draft: draftTree },
          snapshot: () => world.db.selectFrom('policy_drafts').selectAll().where('name', '=', name).execute(),
        });
      },
      writes: ['policy.draft_saved'],
    },
    'GET /api/policy/drafts/:id': {
      row: signedIn({ any: 404 }, { app_admin: { any: 200 } }),
      driver: async (who, _target, world) => ({ client: clientOf(world, who), method: 'GET', url: `/api/policy/drafts/${await makeDraft(world)}` }),
    },
    'PUT /api/policy/drafts/:id': {
      row: signedIn({ any: 404 }, { app_admin: { any: 200 } }),
      driver: async (who, _target, world) => {
        const id = await makeDraft(world);
        return {
          client: clientOf(world, who),
          method: 'PUT',
          url: `/api/policy/drafts/${id}`,
          body: { name: `改名${unique()}`, draft: draftTree },
          snapshot: () => world.db.selectFrom('policy_drafts').selectAll().where('id', '=', id).executeTakeFirst(),
        };
      },
      writes: ['policy.draft_updated'],
    },
    'GET /api/policy/drafts/:id/files/:file': {
      row: signedIn({ any: 404 }, { app_admin: { any: 200 } }),
      driver: async (who, _target, world) => ({ client: clientOf(world, who), method: 'GET', url: `/api/policy/drafts/${await makeDraft(world)}/files/clauses.yaml` }),
    },
  },
};
