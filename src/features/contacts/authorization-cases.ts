import { fixture } from '../../../test/helpers/fixtures.js';
import { clientOf, each, signedIn, type FeatureCases, type Role } from '../../../test/authz/matrix.js';
import { unique, type World } from '../../../test/authz/world.js';

/** Roles that read the directory (contact-policy.ts), written out here as the expectation. */
const readers = ['network_admin', 'system_admin', 'security_officer', 'chief_security_officer', 'cio', 'auditor'] as const satisfies readonly Role[];

/** An entry of the directory, written directly (the route's own journal is not under test here). */
async function contactOf(world: World): Promise<string> {
  const now = new Date();
  const row = await fixture(world.db, (tx) =>
    tx
      .insertInto('contacts')
      .values({ name: `担当${unique()}`, organisation: '保守事業者', kind: 'vendor', purpose: '障害時', phone: '03-0000-0000', email: '', notes: '', priority: 1, active: true, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow(),
  );
  return row.id;
}

/**
 * The emergency contact directory (contact-policy.ts): the ネットワーク管理者 keeps it (第5 8(3)); those who act in
 * an incident and oversight read it; to everyone else it is refused (403), an entry by id unknown (404).
 */
export const authorizationCases: FeatureCases = {
  routes: {
    'GET /api/contacts': {
      row: signedIn({ any: 403 }, each(readers, { any: 200 })),
      driver: (who, _target, world) => Promise.resolve({ client: clientOf(world, who), method: 'GET', url: '/api/contacts' }),
    },
    'POST /api/contacts': {
      row: signedIn({ any: 403 }, { network_admin: { any: 201 } }),
      driver: (who, _target, world) => {
        const name = `担当${unique()}`;
        return Promise.resolve({
          client: clientOf(world, who),
          method: 'POST',
          url: '/api/contacts',
          body: { name, kind: 'expert', purpose: '不正アクセスの調査', phone: '03-1111-2222' },
          snapshot: () => world.db.selectFrom('contacts').selectAll().where('name', '=', name).execute(),
        });
      },
      writes: ['contact.added'],
    },
    'PATCH /api/contacts/:id': {
      row: signedIn({ any: 404 }, { ...each(readers, { any: 403 }), network_admin: { any: 200 } }),
      driver: async (who, _target, world) => {
        const id = await contactOf(world);
        return {
          client: clientOf(world, who),
          method: 'PATCH',
          url: `/api/contacts/${id}`,
          body: { phone: '03-9999-0000' },
          snapshot: () => world.db.selectFrom('contacts').selectAll().where('id', '=', id).executeTakeFirst(),
        };
      },
      writes: ['contact.updated'],
    },
  },
};
