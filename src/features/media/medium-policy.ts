import { departmentsWhere, holdsRole, type Actor } from '../../domain/actor.js';
import type { MediumStatus } from './tables.js';
import { assetOversightRoles, managesAssetsOf } from '../assets/asset-policy.js';

export const mediumActions = ['read', 'update'] as const;
export type MediumAction = (typeof mediumActions)[number];

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
export function canOnMedium(actor: Actor, action: MediumAction, medium: MediumResource): boolean {
  const officer = managesAssetsOf(actor, medium.departmentId);
  switch (action) {
    case 'read':
      return officer || holdsRole(actor, ...assetOversightRoles) || (medium.holderId !== null && medium.holderId === actor.id);
    case 'update':
      return officer && medium.status !== 'disposed';
    default:
      return false;
  }
}

/** The actions the UI may offer on this medium. */
export function allowedMediumActions(actor: Actor, medium: MediumResource): MediumAction[] {
  return mediumActions.filter((action) => action !== 'read' && canOnMedium(actor, action, medium));
}

/** May the actor register a medium issued to this 課等 (第2 4(3)ア: its officer keeps the media)? */
export function canRegisterMediumIn(actor: Actor, departmentId: string): boolean {
  return managesAssetsOf(actor, departmentId);
}

/** The 課等 the actor may register media in (the form offers only these). */
export function mediumRegisterDepartments(actor: Actor): string[] {
  return departmentsWhere(actor, 'security_officer');
}

/** Does the media register belong in the actor's menu? Officers and oversight; a holder opens their medium by link. */
export function canListMedia(actor: Actor): boolean {
  return holdsRole(actor, ...assetOversightRoles) || departmentsWhere(actor, 'security_officer').length > 0;
}

/** How list queries narrow media to those the actor may read: every medium, or managed 課等 plus held media. */
export type MediumReadScope = { all: true } | { all: false; departmentIds: string[]; holderId: string };

/** The read rule of `canOnMedium` as data for SQL: oversight reads all, others their 課等 and what they hold. */
export function mediumReadScope(actor: Actor): MediumReadScope {
  if (holdsRole(actor, ...assetOversightRoles)) return { all: true };
  return { all: false, departmentIds: departmentsWhere(actor, 'security_officer'), holderId: actor.id };
}
