import { sql, type RawBuilder } from 'kysely';
import type { Actor } from '../../domain/actor.js';
import { managedDepartments, managesDepartment, oversees } from '../assets/asset-policy.js';
import type { MediumStatus } from './tables.js';

/**
 * Who may do what with issued media (記録媒体, 第2 4(3)): `can` for one medium, `allowedActions` for the UI,
 * `readableWhere` for lists, and the register-level acts.
 */

export const mediumActions = ['read', 'update'] as const;
export type MediumAction = (typeof mediumActions)[number];

/** The acts on a medium beyond reading it: what the UI may offer. */
export const mediumChanges = ['update'] as const satisfies readonly MediumAction[];
export type MediumChange = (typeof mediumChanges)[number];

/** The acts on the register as a whole. */
export const mediaRegisterActions = ['create'] as const;

/** What authorization needs to know of a medium (記録媒体). */
export interface MediumResource {
  departmentId: string;
  holderId: string | null;
  status: MediumStatus;
}

/**
 * Who may do what to an issued medium. Deny by default. 第2 4(3)ア: the 情報セキュリティ責任者 of the 課等 it
 * was issued to manages it; oversight roles read every medium; the person holding it reads it. A disposed
 * medium is history: it can be read, not changed.
 */
export function can(actor: Actor, action: MediumAction, medium: MediumResource): boolean {
  const officer = managesDepartment(actor, medium.departmentId);
  switch (action) {
    case 'read':
      return officer || oversees(actor) || (medium.holderId !== null && medium.holderId === actor.id);
    case 'update':
      return officer && medium.status !== 'disposed';
    default:
      return false;
  }
}

/** The actions the UI may offer on this medium. */
export function allowedActions(actor: Actor, medium: MediumResource): MediumChange[] {
  return mediumChanges.filter((action) => can(actor, action, medium));
}

/** May the actor register a medium issued to this 課等 (第2 4(3)ア: its officer keeps the media)? */
export function canRegisterIn(actor: Actor, departmentId: string): boolean {
  return managesDepartment(actor, departmentId);
}

/** The 課等 the actor may register media in (the form offers only these). */
export function registerDepartments(actor: Actor): string[] {
  return managedDepartments(actor);
}

/** What the actor may do with the media register as a whole. */
export function collectionActions(actor: Actor): (typeof mediaRegisterActions)[number][] {
  return registerDepartments(actor).length > 0 ? ['create'] : [];
}

/** Does the media register belong in the actor's menu? Officers and oversight; a holder opens their medium by link. */
export function canList(actor: Actor): boolean {
  return oversees(actor) || managedDepartments(actor).length > 0;
}

/** `can(actor, 'read', medium)` in SQL, for any query with the `media` table in scope. */
export function readableWhere(actor: Actor): RawBuilder<boolean> {
  if (oversees(actor)) return sql<boolean>`TRUE`;
  const managed = managedDepartments(actor);
  const held = sql<boolean>`media.holder_id = ${actor.id}`;
  return managed.length > 0 ? sql<boolean>`(${held} OR media.department_id IN (${sql.join(managed)}))` : held;
}
