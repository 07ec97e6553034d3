import { departmentsWhere, holdsRole, type Actor } from '../../domain/actor.js';
import type { AccessPermission, AssetStatus } from './tables.js';

export const assetActions = ['read', 'readHistory', 'update', 'classify', 'grantAccess', 'revokeAccess', 'changeStatus', 'dispose', 'copy'] as const;
export type AssetAction = (typeof assetActions)[number];

export interface AssetResource {
  departmentId: string;
  status: AssetStatus;
  /** The level's `controls.restricted` (class Ⅰ in Shinjuku). */
  restricted: boolean;
  /** The strongest access right the actor holds on the asset (as a user, by role, or by 課等), if any. */
  access: AccessPermission | null;
}

/**
 * Roles that oversee the register and read every asset (第2 2, 第7: the 情報化統括管理者, the
 * 統括情報セキュリティ責任者, the 情報化戦略本部 and auditors). Reading is all they do here.
 */
export const assetOversightRoles = ['cio', 'chief_security_officer', 'strategy_board', 'auditor'] as const;

/** 第2 1(1)(2): the 情報セキュリティ責任者 of the owning 課等 manages its assets. */
export function managesAssetsOf(actor: Actor, departmentId: string): boolean {
  return departmentsWhere(actor, 'security_officer').includes(departmentId);
}

/**
 * Who may do what to an asset record. Deny by default. The owning 課等's 情報セキュリティ責任者 manages it
 * (第2 1, 3, 4(2)ア); oversight roles read everything; anyone else reads only assets they hold an access right
 * to. Staff may record a copy of an asset they may read (第2 1(2): the copy belongs to its holder's 課等).
 * A disposed asset is history: it can be read, not changed.
 */
export function canOnAsset(actor: Actor, action: AssetAction, asset: AssetResource): boolean {
  const manager = managesAssetsOf(actor, asset.departmentId);
  const live = asset.status !== 'disposed';
  switch (action) {
    case 'read':
      return manager || holdsRole(actor, ...assetOversightRoles) || asset.access !== null;
    // The record's history names who read it and who changed it: for its 責任者 and oversight, not every holder.
    case 'readHistory':
      return manager || holdsRole(actor, ...assetOversightRoles);
    case 'update':
    case 'classify':
    case 'grantAccess':
    case 'revokeAccess':
    case 'changeStatus':
    case 'dispose':
      return manager && live;
    case 'copy':
      return live && (manager || asset.access !== null) && departmentsWhere(actor, 'security_officer').length > 0;
    default:
      return false;
  }
}

/** The actions the UI may offer on this asset. */
export function allowedAssetActions(actor: Actor, asset: AssetResource): AssetAction[] {
  return assetActions.filter((action) => action !== 'read' && canOnAsset(actor, action, asset));
}

/** May the actor register assets in this 課等 (第2 3: the creating 課等's officer classifies and lists them)? */
export function canCreateAssetIn(actor: Actor, departmentId: string): boolean {
  return managesAssetsOf(actor, departmentId);
}

/** May the actor register (or import) assets anywhere at all, to show the buttons? */
export function canCreateAssets(actor: Actor): boolean {
  return departmentsWhere(actor, 'security_officer').length > 0;
}

/**
 * 第2 4(2)ア, DESIGN §3: a restricted record read by someone outside its 課等 (an oversight role, a holder from
 * another 課等) is journaled; the owning 課等's own people and officer read without a trace.
 */
export function readIsJournaled(actor: Actor, asset: Pick<AssetResource, 'departmentId' | 'restricted'>): boolean {
  return asset.restricted && actor.departmentId !== asset.departmentId && !managesAssetsOf(actor, asset.departmentId);
}

/** How list queries narrow assets to those the actor may read: every asset, or managed 課等 plus own rights. */
export type AssetReadScope =
  | { all: true }
  | { all: false; managedDepartmentIds: string[]; userId: string; departmentId: string; roles: string[] };

export function assetReadScope(actor: Actor): AssetReadScope {
  if (holdsRole(actor, ...assetOversightRoles)) return { all: true };
  return {
    all: false,
    managedDepartmentIds: departmentsWhere(actor, 'security_officer'),
    userId: actor.id,
    departmentId: actor.departmentId,
    roles: [...new Set(actor.roles.map((grant) => grant.role))],
  };
}
