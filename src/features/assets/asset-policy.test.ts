import { describe, expect, it } from 'vitest';
import type { Actor } from '../../domain/actor.js';
import { allowedActions, can, canCopyInto, canCreateIn, readIsJournaled, type AssetResource } from './asset-policy.js';

const own = 'dept-own';
const other = 'dept-other';
const actor = (roles: Actor['roles'], departmentId = own): Actor => ({ id: 'u1', name: '試験', login: 'u1', departmentId, roles: [{ role: 'staff', scopeType: 'department', scopeId: departmentId }, ...roles] });
const asset = (overrides: Partial<AssetResource> = {}): AssetResource => ({ departmentId: own, status: 'active', restricted: true, access: null, ...overrides });

const officer = actor([{ role: 'security_officer', scopeType: 'department', scopeId: own }]);
const staff = actor([]);
const auditor = actor([{ role: 'auditor', scopeType: 'global', scopeId: '' }], other);
const admin = actor([{ role: 'app_admin', scopeType: 'global', scopeId: '' }]);

describe('can', () => {
  it("gives the owning 課等's officer every action on a live asset (第2 1, 4(2)ア)", () => {
    expect(allowedActions(officer, asset())).toEqual(['readHistory', 'update', 'classify', 'grantAccess', 'revokeAccess', 'changeStatus', 'dispose', 'copy']);
  });

  it('leaves a disposed asset readable and nothing else', () => {
    expect(allowedActions(officer, asset({ status: 'disposed' }))).toEqual(['readHistory']);
    expect(can(officer, 'read', asset({ status: 'disposed' }))).toBe(true);
  });

  it("gives another 課等's officer nothing without a right", () => {
    expect(can(officer, 'read', asset({ departmentId: other }))).toBe(false);
    expect(can(officer, 'copy', asset({ departmentId: other, access: 'read' }))).toBe(true);
  });

  it('lets staff read only with a right, and never change the record', () => {
    expect(can(staff, 'read', asset())).toBe(false);
    expect(can(staff, 'read', asset({ access: 'read' }))).toBe(true);
    expect(allowedActions(staff, asset({ access: 'write' }))).toEqual([]);
  });

  it('lets oversight read and see history, and change nothing; the administrator gets nothing', () => {
    expect(allowedActions(auditor, asset())).toEqual(['readHistory']);
    expect(can(auditor, 'read', asset())).toBe(true);
    expect(can(admin, 'read', asset())).toBe(false);
  });

  it('lets only a 課等 officer register there', () => {
    expect(canCreateIn(officer, own)).toBe(true);
    expect(canCreateIn(officer, other)).toBe(false);
    expect(canCreateIn(auditor, other)).toBe(false);
  });
});

describe('readIsJournaled', () => {
  it('journals restricted reads from outside the 課等 only', () => {
    expect(readIsJournaled(auditor, asset())).toBe(true);
    expect(readIsJournaled(auditor, asset({ restricted: false }))).toBe(false);
    expect(readIsJournaled(staff, asset())).toBe(false);
    expect(readIsJournaled(actor([{ role: 'security_officer', scopeType: 'department', scopeId: own }], other), asset())).toBe(false);
  });
});

describe('canCopyInto', () => {
  it("records a copy into a 課等 whose register the actor keeps, from an asset the actor may copy (第2 1(2))", () => {
    expect(canCopyInto(officer, asset(), own)).toBe(true);
    expect(canCopyInto(officer, asset({ departmentId: other, access: 'read' }), own)).toBe(true);
    expect(canCopyInto(officer, asset({ departmentId: other }), own)).toBe(false);
    expect(canCopyInto(staff, asset({ access: 'read' }), own)).toBe(false);
    expect(canCopyInto(officer, asset({ status: 'disposed' }), own)).toBe(false);
  });
});
