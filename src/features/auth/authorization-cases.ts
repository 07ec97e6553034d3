import { TEST_PASSWORD } from '../../../test/helpers/factories.js';
import { actorOf, clientOf, publicRoute, signedIn, simpleGet, type FeatureCases, type Who } from '../../../test/authz/matrix.js';
import { Client, makeSignedIn, needsTotp, totpCode, unique, userRows, type World } from '../../../test/authz/world.js';

/** A fresh user of the role, signed in, for cells that act on one's own account (signing out ends sessions). */
async function accountClient(world: World, who: Who, totp: 'policy' | 'none' = 'policy'): Promise<{ client: Client; id: string | null }> {
  if (who === 'anonymous') return { client: world.anonymous, id: null };
  const fresh = await makeSignedIn(world, who, world.ownDept, { totp });
  return { client: fresh.client, id: fresh.id };
}

/** Sign-in, the second factor and one's own account (access `public`, `pending` and `account`). */
export const authorizationCases: FeatureCases = {
  routes: {
    'GET /api/session': { row: publicRoute({ any: 200 }), driver: simpleGet('/api/session') },

    // `any` = this role's client sends a wrong password for an unknown login; `self` = a fresh client signs in as
    // this role's actor (for TOTP roles the answer is 200 with mfaPending).
    'POST /api/session': {
      row: publicRoute({ any: 401, self: 200 }),
      driver: async (who, target, world) => {
        if (target === 'self') return { client: new Client(world.app), method: 'POST', url: '/api/session', body: { login: actorOf(world, who).login, password: TEST_PASSWORD } };
        return { client: clientOf(world, who), method: 'POST', url: '/api/session', body: { login: `nobody-${unique()}`, password: 'not-the-password' }, journalsRefusal: ['auth.sign_in_failed'] };
      },
      writes: (who, _target, world) => (who !== 'anonymous' && needsTotp(world, who) ? ['auth.password_verified'] : ['auth.signed_in']),
    },

    // `any` = this role's fully signed-in client sends a code (only a session waiting for its second factor may);
    // `self` = a fresh user of this role with TOTP enrolled, after the password step, sends the right code.
    'POST /api/session/mfa': {
      row: publicRoute({ any: 401, self: 200 }),
      driver: async (who, target, world) => {
        if (target === 'self') {
          if (who === 'anonymous') throw new Error('anonymous has no self');
          const pending = await makeSignedIn(world, who, world.ownDept, { totp: 'always', stopAtPassword: true });
          return { client: pending.client, method: 'POST', url: '/api/session/mfa', body: { code: await totpCode(pending.totpSecret ?? '') } };
        }
        return { client: clientOf(world, who), method: 'POST', url: '/api/session/mfa', body: { code: '000000' }, ...(who === 'anonymous' ? {} : { snapshot: userRows(world, actorOf(world, who).id) }) };
      },
      writes: ['auth.signed_in'],
    },

    // Own account (access `account`): each cell acts as a fresh user of the role, on their own account.
    'DELETE /api/session': {
      row: signedIn({ self: 204 }),
      driver: async (who, _target, world) => {
        const { client, id } = await accountClient(world, who);
        return { client, method: 'DELETE', url: '/api/session', ...(id ? { snapshot: userRows(world, id) } : {}) };
      },
      writes: ['auth.signed_out'],
    },
    'POST /api/account/password': {
      row: signedIn({ self: 204 }),
      driver: async (who, _target, world) => {
        const { client, id } = await accountClient(world, who);
        return { client, method: 'POST', url: '/api/account/password', body: { currentPassword: TEST_PASSWORD, newPassword: `Ng7!${unique()}#wLp-Qz` }, ...(id ? { snapshot: userRows(world, id) } : {}) };
      },
      writes: ['auth.password_changed'],
    },
    // Enrolment is what a TOTP role does before its first full use, so these cells use users not yet enrolled.
    'POST /api/account/mfa/setup': {
      row: signedIn({ self: 200 }),
      driver: async (who, _target, world) => {
        const { client, id } = await accountClient(world, who, 'none');
        return { client, method: 'POST', url: '/api/account/mfa/setup', body: {}, ...(id ? { snapshot: userRows(world, id) } : {}) };
      },
      writes: ['auth.mfa_setup_started'],
    },
    'POST /api/account/mfa/confirm': {
      row: signedIn({ self: 204 }),
      driver: async (who, _target, world) => {
        const { client, id } = await accountClient(world, who, 'none');
        if (!id) return { client, method: 'POST', url: '/api/account/mfa/confirm', body: { code: '123456' } };
        const setup = await client.request('POST', '/api/account/mfa/setup', {});
        if (setup.statusCode !== 200) throw new Error(`MFA set-up for ${who} failed: ${setup.statusCode} ${setup.body}`);
        const { secret } = setup.json<{ secret: string }>();
        return { client, method: 'POST', url: '/api/account/mfa/confirm', body: { code: await totpCode(secret) }, snapshot: userRows(world, id) };
      },
      writes: ['auth.mfa_enrolled'],
    },
    'PATCH /api/account/preferences': {
      row: signedIn({ self: 200 }),
      driver: async (who, _target, world) => {
        const { client, id } = await accountClient(world, who);
        return { client, method: 'PATCH', url: '/api/account/preferences', body: { locale: 'en', calendar: 'japanese' }, ...(id ? { snapshot: userRows(world, id) } : {}) };
      },
      writes: ['account.preferences_changed'],
    },
  },
};
