/** Shapes of the risk register's API as the pages use them (server: src/features/risks/queries.ts and routes.ts). */
import type { LocalizedText } from '../../api/types.js';

export const riskStatuses = ['open', 'treated', 'accepted', 'closed'] as const;
export type RiskStatus = (typeof riskStatuses)[number];

/** 1 低, 2 中, 3 高. */
export const ratings = [1, 2, 3] as const;
export type Rating = (typeof ratings)[number];

/** A threat of the policy's list (第1 3), as the register names it. */
export interface ThreatRef {
  id: string;
  title: LocalizedText;
  clause: string | null;
}

export interface RiskSummary {
  id: string;
  departmentId: string;
  departmentName: string;
  /** Label and name are null when the reader may not read the asset. */
  asset: { id: string; labelCode: string | null; name: string | null } | null;
  assetGroup: string | null;
  threat: ThreatRef;
  likelihood: Rating;
  impact: Rating;
  score: number;
  status: RiskStatus;
  reviewDue: string | null;
  updatedAt: string;
}

export interface RiskList {
  items: RiskSummary[];
  total: number;
  /** heat[likelihood - 1][impact - 1]: entries of the filtered register in each cell. */
  heat: number[][];
  page: number;
  pageSize: number;
  allowedActions: 'create'[];
  /** The 課等 the reader may record risks for. */
  recordDepartmentIds: string[];
}

export interface RiskRecord extends RiskSummary {
  description: string;
  countermeasures: string;
  responseProcedure: string;
  createdAt: string;
  createdByName: string | null;
}

export interface RiskDetail {
  risk: RiskRecord;
  allowedActions: 'update'[];
}

/** The policy's list of threats (`GET /api/policy` → `threats`). */
export interface ThreatList {
  title: LocalizedText;
  clause?: string;
  items: { id: string; text: string; en?: string; clause?: string }[];
}

/** An asset a risk may cover, from the asset register's list (`GET /api/assets`). */
export interface AssetChoice {
  id: string;
  labelCode: string;
  name: string;
  status: string;
}
