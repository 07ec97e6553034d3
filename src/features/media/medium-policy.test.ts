import { describe, expect, it } from 'vitest';
import type { Actor, RoleGrant } from '../../domain/actor.js';
import type { MediumStatus } from './tables.js';
import { canonicalRoles, type CanonicalRole } from '../../policy/schema.js';
import { allowedActions, can, canList, canRegisterIn, mediumActions, registerDepartments, type MediumAction, type MediumResource } from './medium-policy.js';

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

/** `own`/`other`: a medium issued to that 課等, held by someone else; `held`: one of OWN that the actor holds. */
type Target = 'own' | 'other' | 'held';
const targets: Target[] = ['own', 'other', 'held'];
const medium = (actor: Actor, target: Target, status: MediumStatus = 'in_use'): MediumResource => ({
  departmentId: target === 'other' ? OTHER : OWN,
  holderId: target === 'held' ? actor.id : 'someone-else',
  status,
});

const holderOnly: Record<Target, MediumAction[]> = { own: [], other: [], held: ['read'] };
const readsAll: Record<Target, MediumAction[]> = { own: ['read'], other: ['read'], held: ['read'] };

/** Written out by hand, not derived from the policy code: 第2 4(3)ア's officer keeps them, oversight reads, the holder reads theirs. */
const expectedInUse: Record<CanonicalRole, Record<Target, MediumAction[]>> = {
  staff: holderOnly,
  security_officer: { own: ['read', 'update'], other: [], held: ['read', 'update'] },
  chief_security_officer: readsAll,
  network_admin: holderOnly,
  system_admin: holderOnly,
  cio: readsAll,
  strategy_board: readsAll,
  contractor: holderOnly,
  auditor: readsAll,
  app_admin: holderOnly,
};

describe('can: every canonical role × own / other 課等 / held × every action', () => {
  it('covers every canonical role', () => {
    expect(Object.keys(expectedInUse).sort()).toEqual([...canonicalRoles].sort());
  });

  for (const role of canonicalRoles) {
    for (const target of targets) {
      it(`${role} on ${target}`, () => {
        const actor = actorWith(role);
        expect(mediumActions.filter((action) => can(actor, action, medium(actor, target)))).toEqual(expectedInUse[role][target]);
      });
    }
  }

  it('lets nobody change a disposed medium (it is history), though readers still read it', () => {
    for (const role of canonicalRoles) {
      const actor = actorWith(role);
      for (const target of targets) {
        const disposed = medium(actor, target, 'disposed');
        expect([role, target, can(actor, 'update', disposed)]).toEqual([role, target, false]);
        expect([role, target, can(actor, 'read', disposed)]).toEqual([role, target, expectedInUse[role][target].includes('read')]);
      }
    }
  });

  it('lets the officer change a lost or stored medium (a lost one may be found again)', () => {
    const officer = actorWith('security_officer');
    expect(allowedActions(officer, medium(officer, 'own', 'lost'))).toEqual(['update']);
    expect(allowedActions(officer, medium(officer, 'own', 'stored'))).toEqual(['update']);
  });

  it('allowedActions is the allowed list without read', () => {
    const officer = actorWith('security_officer');
    expect(allowedActions(officer, medium(officer, 'own'))).toEqual(['update']);
    expect(allowedActions(actorWith('cio'), medium(officer, 'own'))).toEqual([]);
  });

  it('denies an action it does not know (deny by default)', () => {
    const officer = actorWith('security_officer');
    expect(can(officer, 'delete' as MediumAction, medium(officer, 'own'))).toBe(false);
  });

  it('gives no right to a medium without a holder through the "holder" rule', () => {
    const staff = actorWith('staff');
    expect(can(staff, 'read', { departmentId: OWN, holderId: null, status: 'stored' })).toBe(false);
  });
});

describe('registering media', () => {
  it('lets only the 課等\'s 情報セキュリティ責任者 register media there', () => {
    for (const role of canonicalRoles) {
      const actor = actorWith(role);
      const officer = role === 'security_officer';
      expect([role, canRegisterIn(actor, OWN), canRegisterIn(actor, OTHER), registerDepartments(actor)]).toEqual([role, officer, false, officer ? [OWN] : []]);
    }
  });

  it('lists the register in the menu of officers and oversight roles only', () => {
    const expected: CanonicalRole[] = ['security_officer', 'chief_security_officer', 'cio', 'strategy_board', 'auditor'];
    expect(canonicalRoles.filter((role) => canList(actorWith(role))).sort()).toEqual([...expected].sort());
  });
});
