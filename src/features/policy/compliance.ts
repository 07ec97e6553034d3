import { capabilityOf, isCapabilityId, type CapabilityId } from '../../policy/capabilities.js';
import type { ComplianceStatus } from './clause-fields.js';

export type { ComplianceStatus } from './clause-fields.js';

export interface ClauseForCompliance {
  kind: string;
  capabilities: string[];
  policy_text_only: string | null;
}

/** Where a clause stands in this build (clause-fields.ts names the statuses); a heading has none. */
export function complianceStatus(clause: ClauseForCompliance, evidence: Map<CapabilityId, number>): { status: ComplianceStatus | null; evidenceCount: number } {
  if (clause.kind === 'heading') return { status: null, evidenceCount: 0 };
  if (clause.policy_text_only) return { status: 'policy-text-only', evidenceCount: 0 };
  const built = clause.capabilities.filter(isCapabilityId).filter((id) => capabilityOf(id).status === 'implemented');
  if (built.length === 0) return { status: 'planned', evidenceCount: 0 };
  const evidenceCount = built.reduce((sum, id) => sum + (evidence.get(id) ?? 0), 0);
  return { status: evidenceCount > 0 ? 'evidence-recorded' : 'implemented', evidenceCount };
}

export const complianceLabels: Record<ComplianceStatus, { ja: string; en: string }> = {
  'evidence-recorded': { ja: '記録あり', en: 'Evidence recorded' },
  implemented: { ja: '番所で実装', en: 'Implemented in Bansho' },
  planned: { ja: '実装予定', en: 'Planned' },
  'policy-text-only': { ja: '規定のみ', en: 'Policy text only' },
};
