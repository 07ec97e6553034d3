import { sql, type RawBuilder } from 'kysely';
import { departmentsWhere, holdsRole, type Actor } from '../../domain/actor.js';
import type { Policy } from '../../policy/schema.js';
import type { AccessPermission, AssetStatus } from './asset-rules.js';

/**
 * Who may do what in the information asset register (第2): one file, read by every use case, query and route of
 * the register, and by the media and risk policies. `can` decides one act on one asset; `allowedActions` is what
 * the UI offers; `readableWhere` is `can(…, 'read', …)` in SQL, where every list, export and label sheet starts.
 */

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

/** Does the actor oversee the whole register (reads every asset, medium and risk entry)? */
export function oversees(actor: Actor): boolean {
  return holdsRole(actor, ...assetOversightRoles);
}

/**
 * 第2 1(1)(2): the 情報セキュリティ責任者 of the owning 課等 manages its assets. The media and risk policies
 * build on it; use cases and queries ask `can` instead.
 */
export function managesDepartment(actor: Actor, departmentId: string): boolean {
  return departmentsWhere(actor, 'security_officer').includes(departmentId);
}

/** The 課等 whose registers the actor keeps: where they register, import, record copies, media and risks. */
export function managedDepartments(actor: Actor): string[] {
  return departmentsWhere(actor, 'security_officer');
}

/**
 * Who may do what to an asset record. Deny by default. The owning 課等's 情報セキュリティ責任者 manages it
 * (第2 1, 3, 4(2)ア); oversight roles read everything; anyone else reads only assets they hold an access right
 * to. Staff may record a copy of an asset they may read (第2 1(2): the copy belongs to its holder's 課等).
 * A disposed asset is history: it can be read, not changed.
 */
export function can(actor: Actor, action: AssetAction, asset: AssetResource): boolean {
  const manager = managesDepartment(actor, asset.departmentId);
  const live = asset.status !== 'disposed';
  switch (action) {
    case 'read':
      return manager || oversees(actor) || asset.access !== null;
    // The record's history names who read it and who changed it: for its 責任者 and oversight, not every holder.
    case 'readHistory':
      return manager || oversees(actor);
    case 'update':
    case 'classify':
    case 'grantAccess':
    case 'revokeAccess':
    case 'changeStatus':
    case 'dispose':
      return manager && live;
    case 'copy':
      return live && (manager || asset.access !== null) && managedDepartments(actor).length > 0;
    default:
      return false;
  }
}

/** The actions the UI may offer on this asset. */
export function allowedActions(actor: Actor, asset: AssetResource): AssetAction[] {
  return assetActions.filter((action) => action !== 'read' && can(actor, action, asset));
}

/** 第2 1(2): a copy goes to a 課等 whose register the actor keeps, from an asset they may copy. */
export function canCopyInto(actor: Actor, source: AssetResource, departmentId: string): boolean {
  return can(actor, 'copy', source) && (managesDepartment(actor, departmentId) || managesDepartment(actor, source.departmentId));
}

/** May the actor register assets in this 課等 (第2 3: the creating 課等's officer classifies and lists them)? */
export function canCreateIn(actor: Actor, departmentId: string): boolean {
  return managesDepartment(actor, departmentId);
}

/** What can be done with the register as a whole: register assets, and import a 台帳. */
export const assetCollectionActions = ['create', 'import'] as const;
export type AssetCollectionAction = (typeof assetCollectionActions)[number];

/** What the actor may do with the register as a whole. */
export function collectionActions(actor: Actor): AssetCollectionAction[] {
  return managedDepartments(actor).length > 0 ? [...assetCollectionActions] : [];
}

/** May the actor select this row of the inventory for a bulk act (the server checks each asset again)? */
export function canSelectForBulk(actor: Actor, asset: Pick<AssetResource, 'departmentId'>): boolean {
  return managesDepartment(actor, asset.departmentId);
}

/**
 * 第2 4(2)ア, DESIGN §3: a restricted record read by someone outside its 課等 (an oversight role, a holder from
 * another 課等) is journaled; the owning 課等's own people and officer read without a trace.
 */
export function readIsJournaled(actor: Actor, asset: Pick<AssetResource, 'departmentId' | 'restricted'>): boolean {
  return asset.restricted && actor.departmentId !== asset.departmentId && !managesDepartment(actor, asset.departmentId);
}

/** SQL: the asset_access rows (alias `aa`) that reach this actor — as a user, through their 課等, or through a role. */
export function grantsReaching(actor: Pick<Actor, 'id' | 'departmentId' | 'roles'>): RawBuilder<boolean> {
  const roles = [...new Set(actor.roles.map((grant) => grant.role))];
  return sql<boolean>`((aa.subject_type = 'user' AND aa.subject_id = ${actor.id})
    OR (aa.subject_type = 'department' AND aa.subject_id = ${actor.departmentId})
    ${roles.length > 0 ? sql`OR (aa.subject_type = 'role' AND aa.subject_id IN (${sql.join(roles)}))` : sql``})`;
}

/**
 * `can(actor, 'read', asset)` in SQL, for any query with the `assets` table in scope: every asset for oversight;
 * otherwise the assets of the 課等 the actor manages and those an access right reaches them on.
 */
export function readableWhere(actor: Actor): RawBuilder<boolean> {
  if (oversees(actor)) return sql<boolean>`TRUE`;
  const granted = sql<boolean>`assets.id IN (SELECT aa.asset_id FROM asset_access aa WHERE ${grantsReaching(actor)})`;
  const managed = managedDepartments(actor);
  return managed.length > 0 ? sql<boolean>`(assets.department_id IN (${sql.join(managed)}) OR ${granted})` : granted;
}

/** `readIsJournaled` in SQL, for any query with the `assets` table in scope (an export counts the reads it journals). */
export function readIsJournaledWhere(actor: Actor, policy: Policy): RawBuilder<boolean> {
  // A level the scheme does not know counts as restricted (classification.ts `isRestricted`).
  const open = (policy.classification?.levels ?? []).filter((l) => !l.controls.restricted).map((l) => l.id);
  const managed = managedDepartments(actor);
  const restrictedLevel = open.length > 0 ? sql`assets.class_level NOT IN (${sql.join(open)})` : sql`TRUE`;
  const outside = managed.length > 0 ? sql`assets.department_id NOT IN (${sql.join(managed)})` : sql`TRUE`;
  return sql<boolean>`(${restrictedLevel} AND assets.department_id <> ${actor.departmentId} AND ${outside})`;
}
