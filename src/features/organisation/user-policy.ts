import { holdsRole, departmentsWhere, type Actor } from '../../domain/actor.js';

export const userActions = ['read', 'update', 'disable', 'enable', 'move', 'grantRole', 'revokeRole', 'resetPassword'] as const;
export type UserAction = (typeof userActions)[number];

export interface UserResource {
  id: string;
  departmentId: string;
  status: 'active' | 'disabled';
  /** Holds a role beyond staff or contractor (an officer, an administrator, an oversight role). */
  privileged: boolean;
}

/** Roles that make no account privileged: a 課等's officer may manage their holders. */
export const unprivilegedRoles = ['staff', 'contractor'] as const;

/** Roles that oversee the whole organisation and may read every user record. */
export const userReaderRoles = ['app_admin', 'cio', 'chief_security_officer', 'network_admin', 'auditor'] as const;

/** Departments whose users the actor registers (第5 3(1): the 情報セキュリティ責任者 keeps their 課等's register). */
function managesDepartment(actor: Actor, departmentId: string): boolean {
  return departmentsWhere(actor, 'security_officer').includes(departmentId);
}

/**
 * Who may do what to a user record. Deny by default. Administrators manage everyone; a 情報セキュリティ責任者
 * manages the staff and contractors of their own 課等 (第5 3(1)), but not privileged accounts there (第5 3(7):
 * those are the administrator's), and does not move people between 課等. Nobody acts on their own record.
 */
export function canOnUser(actor: Actor, action: UserAction, user: UserResource): boolean {
  const admin = holdsRole(actor, 'app_admin');
  const readsAsOfficer = managesDepartment(actor, user.departmentId);
  const officer = readsAsOfficer && !user.privileged;
  const self = actor.id === user.id;
  switch (action) {
    case 'read':
      return self || readsAsOfficer || holdsRole(actor, ...userReaderRoles);
    case 'update':
    case 'resetPassword':
      return !self && (admin || officer);
    case 'disable':
      return !self && user.status === 'active' && (admin || officer);
    case 'enable':
      return !self && user.status === 'disabled' && (admin || officer);
    case 'move':
      return !self && user.status === 'active' && admin;
    case 'grantRole':
    case 'revokeRole':
      return !self && admin;
    default:
      return false;
  }
}

/** May the actor register a new user in this department? */
export function canCreateUserIn(actor: Actor, departmentId: string): boolean {
  return holdsRole(actor, 'app_admin') || managesDepartment(actor, departmentId);
}

/** May the actor register users anywhere at all (to show the "create" button)? */
export function canCreateUsers(actor: Actor): boolean {
  return holdsRole(actor, 'app_admin') || departmentsWhere(actor, 'security_officer').length > 0;
}

/** The actions the UI may offer on this user. */
export function allowedUserActions(actor: Actor, user: UserResource): UserAction[] {
  return userActions.filter((action) => action !== 'read' && canOnUser(actor, action, user));
}

/** How list queries narrow users to those the actor may read: everything, or these departments plus self. */
export function userReadScope(actor: Actor): { all: true } | { all: false; departmentIds: string[]; selfId: string } {
  if (holdsRole(actor, ...userReaderRoles)) return { all: true };
  return { all: false, departmentIds: departmentsWhere(actor, 'security_officer'), selfId: actor.id };
}
