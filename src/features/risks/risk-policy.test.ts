import { describe, expect, it } from 'vitest';
import type { Actor, RoleGrant } from '../../domain/actor.js';
import { canonicalRoles, type CanonicalRole } from '../../policy/schema.js';
import { allowedActions, can, canList, canRecordIn, recordDepartments, riskActions, type RiskAction } from './risk-policy.js';

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

type Target = 'own' | 'other';
const targets: Target[] = ['own', 'other'];
const risk = (target: Target) => ({ departmentId: target === 'own' ? OWN : OTHER });

const none: Record<Target, RiskAction[]> = { own: [], other: [] };
const readsAll: Record<Target, RiskAction[]> = { own: ['read'], other: ['read'] };

/** Written out by hand: 第2 2 makes the analysis the 課等's officer's; oversight reads it; nobody else sees it. */
const expected: Record<CanonicalRole, Record<Target, RiskAction[]>> = {
  staff: none,
  security_officer: { own: ['read', 'update'], other: [] },
  chief_security_officer: readsAll,
  network_admin: none,
  system_admin: none,
  cio: readsAll,
  strategy_board: readsAll,
  contractor: none,
  auditor: readsAll,
  app_admin: none,
};

describe('can: every canonical role × own / other 課等 × every action', () => {
  it('covers every canonical role', () => {
    expect(Object.keys(expected).sort()).toEqual([...canonicalRoles].sort());
  });

  for (const role of canonicalRoles) {
    for (const target of targets) {
      it(`${role} on ${target}`, () => {
        const actor = actorWith(role);
        expect(riskActions.filter((action) => can(actor, action, risk(target)))).toEqual(expected[role][target]);
      });
    }
  }

  it('allowedRiskActions is the allowed list without read', () => {
    expect(allowedActions(actorWith('security_officer'), risk('own'))).toEqual(['update']);
    expect(allowedActions(actorWith('auditor'), risk('own'))).toEqual([]);
  });

  it('denies an action it does not know (deny by default)', () => {
    expect(can(actorWith('security_officer'), 'delete' as RiskAction, risk('own'))).toBe(false);
  });

  it('gives an officer of two 課等 both, and nothing more', () => {
    const both: Actor = { ...actorWith('security_officer'), roles: [...actorWith('security_officer').roles, { role: 'security_officer', scopeType: 'department', scopeId: OTHER }] };
    expect(allowedActions(both, risk('other'))).toEqual(['update']);
    expect(can(both, 'read', { departmentId: 'dept-third' })).toBe(false);
  });
});

describe('recording risks and list scope', () => {
  it('lets only the 課等\'s 情報セキュリティ責任者 record its analysis', () => {
    for (const role of canonicalRoles) {
      const actor = actorWith(role);
      const officer = role === 'security_officer';
      expect([role, canRecordIn(actor, OWN), canRecordIn(actor, OTHER), recordDepartments(actor)]).toEqual([role, officer, false, officer ? [OWN] : []]);
    }
  });

  it('lists the register in the menu of officers and oversight roles only', () => {
    const readers: CanonicalRole[] = ['security_officer', 'chief_security_officer', 'cio', 'strategy_board', 'auditor'];
    expect(canonicalRoles.filter((role) => canList(actorWith(role))).sort()).toEqual([...readers].sort());
  });
});
