import { departmentsWhere, holdsRole, type Actor } from '../../domain/actor.js';
import { assetOversightRoles, managesAssetsOf } from '../assets/asset-policy.js';

export const riskActions = ['read', 'update'] as const;
export type RiskAction = (typeof riskActions)[number];

/** What authorization needs to know of an entry of the risk register. */
export interface RiskResource {
  departmentId: string;
}

/**
 * Who may do what to an entry of the risk register. Deny by default. 第2 2: the 情報セキュリティ責任者 of the
 * 課等 that manages or uses the assets analyses their threats, so the entry is theirs to read and keep;
 * oversight roles read every 課等's analysis; nobody else sees it (it maps where the city is weak).
 */
export function canOnRisk(actor: Actor, action: RiskAction, risk: RiskResource): boolean {
  const officer = managesAssetsOf(actor, risk.departmentId);
  switch (action) {
    case 'read':
      return officer || holdsRole(actor, ...assetOversightRoles);
    case 'update':
      return officer;
    default:
      return false;
  }
}

/** The actions the UI may offer on this entry. */
export function allowedRiskActions(actor: Actor, risk: RiskResource): RiskAction[] {
  return riskActions.filter((action) => action !== 'read' && canOnRisk(actor, action, risk));
}

/** May the actor record a risk analysis for this 課等? */
export function canRecordRiskIn(actor: Actor, departmentId: string): boolean {
  return managesAssetsOf(actor, departmentId);
}

/** The 課等 the actor may record risks for (the form offers only these). */
export function riskRecordDepartments(actor: Actor): string[] {
  return departmentsWhere(actor, 'security_officer');
}

/** Does the risk register belong in the actor's menu? Those who may read some entry: officers and oversight. */
export function canListRisks(actor: Actor): boolean {
  return holdsRole(actor, ...assetOversightRoles) || departmentsWhere(actor, 'security_officer').length > 0;
}

/** How list queries narrow the register: every entry, or the entries of the 課等 the actor is officer of. */
export type RiskReadScope = { all: true } | { all: false; departmentIds: string[] };

/** The read rule of `canOnRisk` as data for SQL: oversight reads all, an officer their 課等. */
export function riskReadScope(actor: Actor): RiskReadScope {
  if (holdsRole(actor, ...assetOversightRoles)) return { all: true };
  return { all: false, departmentIds: departmentsWhere(actor, 'security_officer') };
}
