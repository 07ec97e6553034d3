import { sql, type RawBuilder } from 'kysely';
import type { Actor } from '../../domain/actor.js';
import { managedDepartments, managesDepartment, oversees } from '../assets/asset-policy.js';

/**
 * Who may do what with the risk register (リスク分析, 第2 2): `can` for one entry, `allowedActions` for the UI,
 * `readableWhere` for lists, and the register-level acts.
 */

export const riskActions = ['read', 'update'] as const;
export type RiskAction = (typeof riskActions)[number];

/** The acts on an entry beyond reading it: what the UI may offer. */
export const riskChanges = ['update'] as const satisfies readonly RiskAction[];
export type RiskChange = (typeof riskChanges)[number];

/** The acts on the register as a whole. */
export const riskRegisterActions = ['create'] as const;

/** What authorization needs to know of an entry of the risk register. */
export interface RiskResource {
  departmentId: string;
}

/**
 * Who may do what to an entry of the risk register. Deny by default. 第2 2: the 情報セキュリティ責任者 of the
 * 課等 that manages or uses the assets analyses their threats, so the entry is theirs to read and keep;
 * oversight roles read every 課等's analysis; nobody else sees it (it maps where the city is weak).
 */
export function can(actor: Actor, action: RiskAction, risk: RiskResource): boolean {
  const officer = managesDepartment(actor, risk.departmentId);
  switch (action) {
    case 'read':
      return officer || oversees(actor);
    case 'update':
      return officer;
    default:
      return false;
  }
}

/** The actions the UI may offer on this entry. */
export function allowedActions(actor: Actor, risk: RiskResource): RiskChange[] {
  return riskChanges.filter((action) => can(actor, action, risk));
}

/** May the actor record a risk analysis for this 課等? */
export function canRecordIn(actor: Actor, departmentId: string): boolean {
  return managesDepartment(actor, departmentId);
}

/** The 課等 the actor may record risks for (the form offers only these). */
export function recordDepartments(actor: Actor): string[] {
  return managedDepartments(actor);
}

/** What the actor may do with the register as a whole. */
export function collectionActions(actor: Actor): (typeof riskRegisterActions)[number][] {
  return recordDepartments(actor).length > 0 ? ['create'] : [];
}

/**
 * 第2 2 (管理し、又は利用する課等): an analysis may cover an asset of its own 課等, or one of another 課等 that
 * the actor also keeps the register of.
 */
export function mayAnalyseAssetOf(actor: Actor, riskDepartmentId: string, assetDepartmentId: string): boolean {
  return assetDepartmentId === riskDepartmentId || managesDepartment(actor, assetDepartmentId);
}

/** Does the risk register belong in the actor's menu? Those who may read some entry: officers and oversight. */
export function canList(actor: Actor): boolean {
  return oversees(actor) || managedDepartments(actor).length > 0;
}

/** `can(actor, 'read', entry)` in SQL, for any query with the `asset_risks` table in scope. */
export function readableWhere(actor: Actor): RawBuilder<boolean> {
  if (oversees(actor)) return sql<boolean>`TRUE`;
  const managed = managedDepartments(actor);
  return managed.length > 0 ? sql<boolean>`asset_risks.department_id IN (${sql.join(managed)})` : sql<boolean>`FALSE`;
}
