import type { LocalizedText } from '../../api/types.js';

/** Shapes of `/api/policy/*` (src/features/policy/routes.ts): the standard as data. */

export type ComplianceStatus = 'evidence-recorded' | 'implemented' | 'planned' | 'policy-text-only';

export interface PolicyVersionSummary {
  id: string;
  packageId: string;
  version: string;
  title: string;
  municipality: LocalizedText;
  active: boolean;
  loadedAt: string;
}

/** One 附則: the text's amendment record (dates are ISO days). */
export interface Amendment {
  id: string;
  note?: string;
  issued?: string;
  number?: string;
  effective?: string;
}

export interface PolicyVersion extends PolicyVersionSummary {
  contentHash: string;
  clauseCount: number;
  amendments: Amendment[];
}

export interface PolicyVersionList {
  items: PolicyVersion[];
  activeId: string | null;
}

export interface Capability {
  id: string;
  number: number;
  title: LocalizedText;
  status: 'implemented' | 'planned';
  pages: string[];
  evidenceCount: number;
}

export interface ClauseListItem {
  id: string;
  /** 「第2 4(2)イ」 */
  label: string;
  parentId: string | null;
  depth: number;
  position: number;
  kind: string;
  heading: string | null;
  text: string;
  actorRoles: string[];
  approverRoles: string[];
  capabilities: string[];
  policyTextOnly: string | null;
  hasInterpretation: boolean;
  /** Null for headings (no duty of their own). */
  status: ComplianceStatus | null;
  evidenceCount: number;
}

export interface ClauseList {
  version: PolicyVersionSummary;
  total: number;
  items: ClauseListItem[];
}

export interface RoleRef {
  role: string;
  title: LocalizedText;
}

export interface Interpretation {
  id: string;
  title: string;
  clauses: string[];
  issue: string;
  decision: string;
}

export interface ClauseHistoryEntry {
  versionId: string;
  version: string;
  loadedAt: string;
  active: boolean;
  status: 'added' | 'changed' | 'unchanged' | 'absent';
  text: string | null;
  heading: string | null;
  kind: string | null;
}

export interface ClauseDetail {
  version: PolicyVersionSummary;
  clause: Omit<ClauseListItem, 'actorRoles' | 'approverRoles' | 'capabilities'> & {
    actorRoles: RoleRef[];
    approverRoles: RoleRef[];
    otherActors: string[];
    capabilities: Capability[];
    interpretation: string | null;
    statusLabel: LocalizedText | null;
  };
  breadcrumbs: { id: string; label: string; heading: string | null }[];
  children: { id: string; label: string; heading: string | null; kind: string; text: string }[];
  interpretations: Interpretation[];
  usedBy: {
    roles: RoleRef[];
    requestTypes: { id: string; title: LocalizedText; enabled: boolean }[];
    duties: { id: string; title: LocalizedText; wording?: string; interval: string | null; role: RoleRef }[];
    lists: { id: string; title?: LocalizedText }[];
  };
  history: ClauseHistoryEntry[];
}

export interface ComplianceItem {
  id: string;
  label: string;
  heading: string | null;
  kind: string;
  text: string;
  actorRoles: RoleRef[];
  approverRoles: RoleRef[];
  capabilities: Capability[];
  status: ComplianceStatus;
  statusLabel: LocalizedText;
  evidenceCount: number;
  policyTextOnly: string | null;
  interpretation: string | null;
}

export interface ComplianceMap {
  version: PolicyVersionSummary;
  summary: { total: number; byStatus: Record<ComplianceStatus, number>; byKind: Record<string, number> };
  capabilities: (Capability & { clauseCount: number })[];
  items: ComplianceItem[];
}
