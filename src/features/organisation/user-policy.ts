import { sql, type RawBuilder } from 'kysely';
import { holdsRole, departmentsWhere, type Actor } from '../../domain/actor.js';

/**
 * Who may do what with user records (the user-registration record, 第5 3(1)): `can` for one user,
 * `allowedActions` for the UI, `readableWhere` for lists, and registering users.
 */

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
export function can(actor: Actor, action: UserAction, user: UserResource): boolean {
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

/** The actions the UI may offer on a user: every one but reading, which seeing the user implies. */
const offeredActions = userActions.filter((action): action is Exclude<UserAction, 'read'> => action !== 'read');

/** The actions the UI may offer on this user. */
export function allowedActions(actor: Actor, user: UserResource): Exclude<UserAction, 'read'>[] {
  return offeredActions.filter((action) => can(actor, action, user));
}

/** May the actor register a new user in this department? */
export function canCreateIn(actor: Actor, departmentId: string): boolean {
  return holdsRole(actor, 'app_admin') || managesDepartment(actor, departmentId);
}

/** What the actor may do with the user register as a whole: register users (somewhere). */
export function collectionActions(actor: Actor): 'create'[] {
  return holdsRole(actor, 'app_admin') || departmentsWhere(actor, 'security_officer').length > 0 ? ['create'] : [];
}

/** Does the organisation belong in the actor's menu? Readers of every user, and those who register users. */
export function canList(actor: Actor): boolean {
  return holdsRole(actor, ...userReaderRoles) || collectionActions(actor).length > 0;
}

/** `can(actor, 'read', user)` in SQL, for any query with the `users` table in scope. */
export function readableWhere(actor: Actor): RawBuilder<boolean> {
  if (holdsRole(actor, ...userReaderRoles)) return sql<boolean>`TRUE`;
  const managed = departmentsWhere(actor, 'security_officer');
  const self = sql<boolean>`users.id = ${actor.id}`;
  return managed.length > 0 ? sql<boolean>`(${self} OR users.department_id IN (${sql.join(managed)}))` : self;
}
