import type { PolicyClauseTable } from '../../db/tables.js';
import { capabilityOf, isCapabilityId, type CapabilityId } from '../../policy/capabilities.js';
import { clauseLabel } from '../../policy/clause-label.js';
import type { Policy } from '../../policy/schema.js';
import { complianceLabels, complianceStatus } from './compliance.js';
import type { Capability, ClauseListItem, ComplianceItem, RoleRef } from './schemas.js';

type ClauseRow = Omit<PolicyClauseTable, never>;

/** A canonical role with the title this version of the package gives it. */
export const roleRef = (policy: Policy, role: string): RoleRef => ({ role, title: policy.roles.find((r) => r.role === role)?.title ?? { ja: role, en: role } });

/** One clause in a list: the tree position, what it says and how it stands. */
export function clauseListItem(row: ClauseRow, evidence: Map<CapabilityId, number>): ClauseListItem {
  const { status, evidenceCount } = complianceStatus(row, evidence);
  return {
    id: row.clause_id,
    label: clauseLabel(row.clause_id),
    parentId: row.parent_id,
    depth: row.depth,
    position: row.position,
    kind: row.kind,
    heading: row.heading || null,
    text: row.text,
    actorRoles: row.actor_roles,
    approverRoles: row.approver_roles,
    capabilities: row.capabilities,
    policyTextOnly: row.policy_text_only,
    hasInterpretation: row.interpretation !== null,
    status,
    evidenceCount,
  };
}

/** A capability as a clause shows it: its pages in this build and its live evidence. */
export function capabilityRef(id: string, evidence: Map<CapabilityId, number>): Capability {
  if (!isCapabilityId(id)) return { id, number: 0, title: { ja: id, en: id }, status: 'planned', pages: [], evidenceCount: 0 };
  const c = capabilityOf(id);
  return { id: c.id, number: c.number, title: c.title, status: c.status, pages: c.status === 'implemented' ? c.pages : [], evidenceCount: c.status === 'implemented' ? (evidence.get(c.id) ?? 0) : 0 };
}

/** The compliance map's row for a normative clause. */
export function complianceItem(row: ClauseRow, policy: Policy, evidence: Map<CapabilityId, number>): ComplianceItem {
  const { status, evidenceCount } = complianceStatus(row, evidence);
  const resolved = status ?? 'planned';
  return {
    id: row.clause_id,
    label: clauseLabel(row.clause_id),
    heading: row.heading || null,
    kind: row.kind,
    text: row.text,
    actorRoles: row.actor_roles.map((r) => roleRef(policy, r)),
    approverRoles: row.approver_roles.map((r) => roleRef(policy, r)),
    capabilities: row.capabilities.map((c) => capabilityRef(c, evidence)),
    status: resolved,
    statusLabel: complianceLabels[resolved],
    evidenceCount,
    policyTextOnly: row.policy_text_only,
    interpretation: row.interpretation,
  };
}
