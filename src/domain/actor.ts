import type { ScopeType } from '../db/tables.js';
import type { CanonicalRole } from '../policy/schema.js';

export interface RoleGrant {
  role: CanonicalRole;
  scopeType: ScopeType;
  scopeId: string;
}

/** The signed-in person as authorization sees them. */
export interface Actor {
  id: string;
  name: string;
  login: string;
  departmentId: string;
  roles: RoleGrant[];
}

/** True when the actor holds the role anywhere (any scope). */
export function holdsRole(actor: Actor, ...roles: CanonicalRole[]): boolean {
  return actor.roles.some((grant) => roles.includes(grant.role));
}

/** The departments for which the actor holds the role. */
export function departmentsWhere(actor: Actor, role: CanonicalRole): string[] {
  return actor.roles.filter((g) => g.role === role && g.scopeType === 'department').map((g) => g.scopeId);
}
