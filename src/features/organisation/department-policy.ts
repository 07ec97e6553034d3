import { holdsRole, type Actor } from '../../domain/actor.js';

export const departmentActions = ['read', 'create', 'update'] as const;
export type DepartmentAction = (typeof departmentActions)[number];

/** Every signed-in person may read the 課等 tree; only administrators change it. */
export function can(actor: Actor, action: DepartmentAction): boolean {
  if (action === 'read') return true;
  return holdsRole(actor, 'app_admin');
}

/** The actions the UI may offer on a 課等. */
export function allowedActions(actor: Actor): 'update'[] {
  return can(actor, 'update') ? ['update'] : [];
}

/** What the actor may do with the tree as a whole. */
export function collectionActions(actor: Actor): 'create'[] {
  return can(actor, 'create') ? ['create'] : [];
}
