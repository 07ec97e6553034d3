import { holdsRole, type Actor } from '../../domain/actor.js';

export type DepartmentAction = 'read' | 'create' | 'update';

/** Every signed-in person may read the 課等 tree; only administrators change it. */
export function canOnDepartments(actor: Actor, action: DepartmentAction): boolean {
  if (action === 'read') return true;
  return holdsRole(actor, 'app_admin');
}
