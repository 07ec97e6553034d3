import { describe, expect, it } from 'vitest';
import type { Actor, RoleGrant } from '../../domain/actor.js';
import { canonicalRoles, type CanonicalRole } from '../../policy/schema.js';
import { allowedActions, can, canCreateIn, collectionActions, userActions, type UserAction, type UserResource } from './user-policy.js';

const OWN = 'dept-own';
const OTHER = 'dept-other';

/** An actor in OWN with the staff role there and one canonical role, scoped the way the policy scopes it. */
function actorWith(role: CanonicalRole): Actor {
  const grant: RoleGrant =
    role === 'security_officer' || role === 'staff' || role === 'contractor'
      ? { role, scopeType: 'department', scopeId: OWN }
      : role === 'network_admin'
        ? { role, scopeType: 'network', scopeId: '庁内LAN' }
        : role === 'system_admin'
          ? { role, scopeType: 'system', scopeId: '住民記録システム' }
          : { role, scopeType: 'global', scopeId: '' };
  return { id: `actor-${role}`, name: role, login: role, departmentId: OWN, roles: [{ role: 'staff', scopeType: 'department', scopeId: OWN }, grant] };
}

type Target = 'self' | 'own' | 'other';
const resource = (actor: Actor, target: Target, status: UserResource['status'] = 'active', privileged = false): UserResource => ({
  id: target === 'self' ? actor.id : `user-${target}`,
  departmentId: target === 'other' ? OTHER : OWN,
  status,
  privileged,
});

const readAll: Record<Target, UserAction[]> = { self: ['read'], own: ['read'], other: ['read'] };
const onlySelf: Record<Target, UserAction[]> = { self: ['read'], own: [], other: [] };

/**
 * The expected rights on an ACTIVE user, written out by hand (not derived from the policy code): who reads whom,
 * and who manages whom. 'enable' is never allowed on an active user; see the disabled table below.
 */
const expectedOnActive: Record<CanonicalRole, Record<Target, UserAction[]>> = {
  staff: { self: ['read'], own: [], other: [] },
  security_officer: { self: ['read'], own: ['read', 'update', 'disable', 'resetPassword'], other: [] },
  chief_security_officer: { self: ['read'], own: ['read'], other: ['read'] },
  network_admin: { self: ['read'], own: ['read'], other: ['read'] },
  system_admin: { self: ['read'], own: [], other: [] },
  cio: { self: ['read'], own: ['read'], other: ['read'] },
  strategy_board: { self: ['read'], own: [], other: [] },
  contractor: { self: ['read'], own: [], other: [] },
  auditor: { self: ['read'], own: ['read'], other: ['read'] },
  app_admin: {
    self: ['read'],
    own: ['read', 'update', 'disable', 'move', 'grantRole', 'revokeRole', 'resetPassword'],
    other: ['read', 'update', 'disable', 'move', 'grantRole', 'revokeRole', 'resetPassword'],
  },
};

/** On a DISABLED user: 'disable' and 'move' give way to 'enable'. */
const expectedOnDisabled: Record<CanonicalRole, Record<Target, UserAction[]>> = {
  staff: onlySelf,
  security_officer: { self: ['read'], own: ['read', 'update', 'enable', 'resetPassword'], other: [] },
  chief_security_officer: readAll,
  network_admin: readAll,
  system_admin: onlySelf,
  cio: readAll,
  strategy_board: onlySelf,
  contractor: onlySelf,
  auditor: readAll,
  app_admin: {
    self: ['read'],
    own: ['read', 'update', 'enable', 'grantRole', 'revokeRole', 'resetPassword'],
    other: ['read', 'update', 'enable', 'grantRole', 'revokeRole', 'resetPassword'],
  },
};

const targets: Target[] = ['self', 'own', 'other'];

describe('can: every canonical role × self / own 課等 / other 課等 × every action', () => {
  it('covers every canonical role', () => {
    expect(Object.keys(expectedOnActive).sort()).toEqual([...canonicalRoles].sort());
  });

  for (const role of canonicalRoles) {
    for (const target of targets) {
      it(`${role} on ${target} (active)`, () => {
        const actor = actorWith(role);
        const user = resource(actor, target, 'active');
        const allowed = userActions.filter((action) => can(actor, action, user));
        expect(allowed).toEqual(expectedOnActive[role][target]);
      });
      it(`${role} on ${target} (disabled)`, () => {
        const actor = actorWith(role);
        const user = resource(actor, target, 'disabled');
        const allowed = userActions.filter((action) => can(actor, action, user));
        expect(allowed).toEqual(expectedOnDisabled[role][target]);
      });
    }
  }

  it('allowedUserActions is the allowed list without read', () => {
    const admin = actorWith('app_admin');
    expect(allowedActions(admin, resource(admin, 'other'))).toEqual(['update', 'disable', 'move', 'grantRole', 'revokeRole', 'resetPassword']);
    const officer = actorWith('security_officer');
    expect(allowedActions(officer, resource(officer, 'own', 'disabled'))).toEqual(['update', 'enable', 'resetPassword']);
    expect(allowedActions(officer, resource(officer, 'self'))).toEqual([]);
  });

  it('denies an action it does not know (deny by default)', () => {
    const admin = actorWith('app_admin');
    expect(can(admin, 'delete' as UserAction, resource(admin, 'other'))).toBe(false);
  });
});

describe('separation of duties: nobody acts on their own account', () => {
  // The strongest actor imaginable: every role, in every scope that matters.
  const everything: Actor = {
    id: 'me',
    name: 'all roles',
    login: 'all',
    departmentId: OWN,
    roles: [
      { role: 'staff', scopeType: 'department', scopeId: OWN },
      { role: 'security_officer', scopeType: 'department', scopeId: OWN },
      { role: 'app_admin', scopeType: 'global', scopeId: '' },
      { role: 'cio', scopeType: 'global', scopeId: '' },
      { role: 'chief_security_officer', scopeType: 'global', scopeId: '' },
    ],
  };
  const selfActive: UserResource = { id: 'me', departmentId: OWN, status: 'active', privileged: true };
  const selfDisabled: UserResource = { id: 'me', departmentId: OWN, status: 'disabled', privileged: true };

  it.each(['disable', 'move', 'grantRole', 'revokeRole', 'update', 'resetPassword'] as const)('refuses %s on oneself', (action) => {
    expect(can(everything, action, selfActive)).toBe(false);
  });

  it('refuses to re-enable oneself', () => {
    expect(can(everything, 'enable', selfDisabled)).toBe(false);
  });

  it('still lets one read oneself, and act on someone else', () => {
    expect(can(everything, 'read', selfActive)).toBe(true);
    expect(can(everything, 'disable', { ...selfActive, id: 'someone-else' })).toBe(true);
  });
});

describe('creating users', () => {
  it('lets an administrator register anywhere and a 情報セキュリティ責任者 only in their 課等', () => {
    for (const role of canonicalRoles) {
      const actor = actorWith(role);
      const expectedOwn = role === 'app_admin' || role === 'security_officer';
      const expectedOther = role === 'app_admin';
      expect([role, canCreateIn(actor, OWN), canCreateIn(actor, OTHER), collectionActions(actor).includes('create')]).toEqual([role, expectedOwn, expectedOther, expectedOwn]);
    }
  });
});

describe('privileged accounts in an officer\'s 課等 (第5 3(7))', () => {
  const officer = actorWith('security_officer');
  it('lets the officer read but not manage them; only the administrator does', () => {
    const privileged = resource(officer, 'own', 'active', true);
    expect(can(officer, 'read', privileged)).toBe(true);
    expect(allowedActions(officer, privileged)).toEqual([]);
    expect(allowedActions(actorWith('app_admin'), privileged)).toContain('resetPassword');
  });
});
