import { describe, expect, it } from 'vitest';
import type { Actor } from '../../domain/actor.js';
import { allowedAssetActions, assetReadScope, canCreateAssetIn, canOnAsset, readIsJournaled, type AssetResource } from './asset-policy.js';

const own = 'dept-own';
const other = 'dept-other';
const actor = (roles: Actor['roles'], departmentId = own): Actor => ({ id: 'u1', name: '試験', login: 'u1', departmentId, roles: [{ role: 'staff', scopeType: 'department', scopeId: departmentId }, ...roles] });
const asset = (overrides: Partial<AssetResource> = {}): AssetResource => ({ departmentId: own, status: 'active', restricted: true, access: null, ...overrides });

const officer = actor([{ role: 'security_officer', scopeType: 'department', scopeId: own }]);
const staff = actor([]);
const auditor = actor([{ role: 'auditor', scopeType: 'global', scopeId: '' }], other);
const admin = actor([{ role: 'app_admin', scopeType: 'global', scopeId: '' }]);

describe('canOnAsset', () => {
  it("gives the owning 課等's officer every action on a live asset (第2 1, 4(2)ア)", () => {
    expect(allowedAssetActions(officer, asset())).toEqual(['readHistory', 'update', 'classify', 'grantAccess', 'revokeAccess', 'changeStatus', 'dispose', 'copy']);
  });

  it('leaves a disposed asset readable and nothing else', () => {
    expect(allowedAssetActions(officer, asset({ status: 'disposed' }))).toEqual(['readHistory']);
    expect(canOnAsset(officer, 'read', asset({ status: 'disposed' }))).toBe(true);
  });

  it("gives another 課等's officer nothing without a right", () => {
    expect(canOnAsset(officer, 'read', asset({ departmentId: other }))).toBe(false);
    expect(canOnAsset(officer, 'copy', asset({ departmentId: other, access: 'read' }))).toBe(true);
  });

  it('lets staff read only with a right, and never change the record', () => {
    expect(canOnAsset(staff, 'read', asset())).toBe(false);
    expect(canOnAsset(staff, 'read', asset({ access: 'read' }))).toBe(true);
    expect(allowedAssetActions(staff, asset({ access: 'write' }))).toEqual([]);
  });

  it('lets oversight read and see history, and change nothing; the administrator gets nothing', () => {
    expect(allowedAssetActions(auditor, asset())).toEqual(['readHistory']);
    expect(canOnAsset(auditor, 'read', asset())).toBe(true);
    expect(canOnAsset(admin, 'read', asset())).toBe(false);
  });

  it('lets only a 課等 officer register there', () => {
    expect(canCreateAssetIn(officer, own)).toBe(true);
    expect(canCreateAssetIn(officer, other)).toBe(false);
    expect(canCreateAssetIn(auditor, other)).toBe(false);
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

describe('assetReadScope', () => {
  it('is everything for oversight, and managed 課等 plus rights for others', () => {
    expect(assetReadScope(auditor)).toEqual({ all: true });
    expect(assetReadScope(officer)).toEqual({ all: false, managedDepartmentIds: [own], userId: 'u1', departmentId: own, roles: ['staff', 'security_officer'] });
  });
});
