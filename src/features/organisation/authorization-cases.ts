import { makeUser } from '../../../test/helpers/factories.js';
import { actorOf, clientOf, each, signedIn, simpleGet, type Driver, type FeatureCases, type Method, type Role, type RouteRow, type Target, type Who } from '../../../test/authz/matrix.js';
import { unique, userRows, type World } from '../../../test/authz/world.js';

/** Roles that read every user record (user-policy.ts `userReaderRoles`), written out here as the expectation. */
export const userReaders = ['app_admin', 'cio', 'chief_security_officer', 'network_admin', 'auditor'] as const satisfies readonly Role[];

/** Readers of every user who do not manage users: they see the target, so a refusal is 403, not 404. */
const onlookers = userReaders.filter((role) => role !== 'app_admin');

/**
 * Managing another user's record (edit, disable, enable, move, reset password): the Bansho administrator for
 * everyone, a 情報セキュリティ責任者 for their own 課等 (第5 3(1)); nobody on themself.
 */
const manageUser = (allowed: number): RouteRow =>
  signedIn({ own: 404, other: 404, self: 403 }, { app_admin: { own: allowed, other: allowed }, security_officer: { own: allowed }, ...each(onlookers, { own: 403, other: 403 }) });

/** Granting and revoking roles, and moving between 課等: the Bansho administrator only, never on themself. */
const manageRoles = (allowed: number): RouteRow =>
  signedIn({ own: 404, other: 404, self: 403 }, { app_admin: { own: allowed, other: allowed }, security_officer: { own: 403 }, ...each(onlookers, { own: 403, other: 403 }) });

/** A fresh user in the own or other 課等, or the actor themself. */
async function userTarget(world: World, who: Who, target: Target, status: 'active' | 'disabled' = 'active'): Promise<{ id: string }> {
  if (target === 'self') return actorOf(world, who);
  if (target !== 'own' && target !== 'other') throw new Error(`a user route has no "${target}" target`);
  return makeUser(world.db, { departmentId: target === 'own' ? world.ownDept : world.otherDept, status });
}

/** A driver on a user target: makes the target, then the request. */
const onUser = (method: Method, path: (id: string) => string, body: (world: World) => unknown, status: 'active' | 'disabled' = 'active'): Driver => async (who, target, world) => {
  const user = await userTarget(world, who, target, status);
  return { client: clientOf(world, who), method, url: path(user.id), body: body(world), snapshot: userRows(world, user.id) };
};

/** 課等 and users (department-policy.ts, user-policy.ts): the user-registration record of 第5 3(1). */
export const authorizationCases: FeatureCases = {
  routes: {
    // 課等: everyone reads the tree; only the Bansho administrator changes it.
    'GET /api/departments': { row: signedIn({ any: 200 }), driver: simpleGet('/api/departments') },
    'POST /api/departments': {
      row: signedIn({ any: 403 }, { app_admin: { any: 201 } }),
      driver: async (who, _target, world) => {
        const code = `c${unique()}`;
        return {
          client: clientOf(world, who),
          method: 'POST',
          url: '/api/departments',
          body: { code, name: `新設課${code}`, kana: 'しんせつか', parentId: null, level: 'ka' },
          snapshot: () => world.db.selectFrom('departments').selectAll().where('code', '=', code).execute(),
        };
      },
      writes: ['department.created'],
    },
    'PATCH /api/departments/:id': {
      row: signedIn({ own: 403, other: 403 }, { app_admin: { own: 200, other: 200 } }),
      driver: async (who, target, world) => {
        const id = target === 'own' ? world.ownDept : world.otherDept;
        return {
          client: clientOf(world, who),
          method: 'PATCH',
          url: `/api/departments/${id}`,
          body: { name: `改称課${unique()}` },
          snapshot: () => world.db.selectFrom('departments').selectAll().where('id', '=', id).executeTakeFirst(),
        };
      },
      writes: ['department.updated'],
    },

    // Users. The list is filtered, never refused; list-detail-agree.db.test.ts checks the filter.
    'GET /api/users': { row: signedIn({ any: 200 }), driver: simpleGet('/api/users') },
    'POST /api/users': {
      row: signedIn({ own: 403, other: 403 }, { app_admin: { own: 201, other: 201 }, security_officer: { own: 201 } }),
      driver: async (who, target, world) => {
        const login = `n${unique()}`;
        return {
          client: clientOf(world, who),
          method: 'POST',
          url: '/api/users',
          body: { login, staffNumber: `N-${unique()}`, name: '新規 職員', kana: 'しんき しょくいん', email: '', departmentId: target === 'own' ? world.ownDept : world.otherDept },
          snapshot: () => world.db.selectFrom('users').selectAll().where('login', '=', login).execute(),
        };
      },
      writes: ['user.created', 'role.granted'],
    },
    'GET /api/users/:id': {
      row: signedIn({ own: 404, other: 404, self: 200 }, { ...each(userReaders, { own: 200, other: 200 }), security_officer: { own: 200 } }),
      driver: async (who, target, world) => ({ client: clientOf(world, who), method: 'GET', url: `/api/users/${(await userTarget(world, who, target)).id}` }),
    },
    'PATCH /api/users/:id': { row: manageUser(200), driver: onUser('PATCH', (id) => `/api/users/${id}`, () => ({ name: `変更 ${unique()}` })), writes: ['user.updated'] },
    'POST /api/users/:id/disable': { row: manageUser(200), driver: onUser('POST', (id) => `/api/users/${id}/disable`, () => ({ reason: '退職のため' })), writes: ['user.disabled'] },
    // The target of a re-enable is a disabled user (the actor themself, for `self`, is active: still refused).
    'POST /api/users/:id/enable': { row: manageUser(200), driver: onUser('POST', (id) => `/api/users/${id}/enable`, () => ({}), 'disabled'), writes: ['user.enabled'] },
    // Moving someone between 課等 touches two 課等's registers: the Bansho administrator only.
    'POST /api/users/:id/move': {
      row: manageRoles(200),
      driver: onUser('POST', (id) => `/api/users/${id}/move`, (world) => ({ departmentId: world.thirdDept })),
      // The staff role held in the old 課等 is ended and granted again in the new one.
      writes: ['user.moved', 'role.revoked', 'role.granted'],
    },
    'POST /api/users/:id/reset-password': { row: manageUser(200), driver: onUser('POST', (id) => `/api/users/${id}/reset-password`, () => ({})), writes: ['user.password_reset'] },
    'POST /api/users/:id/roles': {
      row: manageRoles(201),
      driver: onUser('POST', (id) => `/api/users/${id}/roles`, () => ({ role: 'auditor', scopeType: 'global', scopeId: null })),
      writes: ['role.granted'],
    },
    'DELETE /api/users/:id/roles/:assignmentId': {
      row: manageRoles(200),
      driver: async (who, target, world) => {
        const user = await userTarget(world, who, target);
        const staff = await world.db
          .selectFrom('role_assignments')
          .select('id')
          .where('user_id', '=', user.id)
          .where('role', '=', 'staff')
          .where('revoked_at', 'is', null)
          .executeTakeFirstOrThrow();
        return { client: clientOf(world, who), method: 'DELETE', url: `/api/users/${user.id}/roles/${staff.id}`, snapshot: userRows(world, user.id) };
      },
      writes: ['role.revoked'],
    },
  },
};
