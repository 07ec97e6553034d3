/**
 * Shapes of the asset register's API as the pages use them (server: src/features/assets/queries.ts and
 * routes.ts; the OpenAPI document at /api/docs/json is the reference).
 */
import type { LocalizedText } from '../../api/types.js';

export const assetKinds = ['electronic_data', 'paper', 'system', 'software', 'medium', 'other'] as const;
export type AssetKind = (typeof assetKinds)[number];

/** 利用中 / 持出中 (第2 4(2)イ) / 廃棄済み (第2 4(4)). */
export const assetStatuses = ['active', 'out', 'disposed'] as const;
export type AssetStatus = (typeof assetStatuses)[number];

export const assetSorts = ['name', 'updated', 'reviewDue', 'class', 'department', 'kind', 'status'] as const;
export type AssetSort = (typeof assetSorts)[number];
export type SortOrder = 'asc' | 'desc';

export const accessSubjectTypes = ['user', 'role', 'department'] as const;
export type AccessSubjectType = (typeof accessSubjectTypes)[number];
export type AccessPermission = 'read' | 'write';

/** A criterion or handling rule of a class, as the policy package words it. */
export interface ClassificationItem {
  id: string;
  clause?: string;
  text: string;
  en?: string;
}

/** One level of the scheme (重要性分類Ⅰ, Ⅱ) with what it implies. */
export interface ClassificationLevel {
  id: string;
  title: LocalizedText;
  /** Lower is more sensitive. */
  rank: number;
  isDefault: boolean;
  description?: string;
  criteria: ClassificationItem[];
  handling: ClassificationItem[];
  controls: { justificationRequired: boolean; restricted: boolean; issuedMediaOnly: boolean; lockedStorage: boolean };
  clauses: string[];
}

/** 第2 3: the classification scheme of the policy in force (`GET /api/policy` → `classification`). */
export interface ClassificationScheme {
  scheme: LocalizedText;
  dimensions: { id: string; title: LocalizedText }[];
  clauses: string[];
  levels: ClassificationLevel[];
}

export interface AssetSummary {
  id: string;
  labelCode: string;
  name: string;
  kind: AssetKind;
  departmentId: string;
  departmentName: string;
  classLevel: string;
  restricted: boolean;
  location: string;
  status: AssetStatus;
  reviewDue: string | null;
  updatedAt: string;
  /** The reader manages the asset's 課等: it may be selected for bulk acts. */
  manageable: boolean;
}

export interface AssetList {
  items: AssetSummary[];
  total: number;
  /** More than `total` match: the server counts exactly only up to a cap (`countCap`). */
  totalCapped: boolean;
  page: number;
  pageSize: number;
  allowedActions: ('create' | 'import')[];
}

export type AssetAction = 'readHistory' | 'update' | 'classify' | 'grantAccess' | 'revokeAccess' | 'changeStatus' | 'dispose' | 'copy';

export interface AccessGrant {
  id: string;
  subjectType: AccessSubjectType;
  subjectId: string;
  /** The user's or 課等's name; for a role, its id (shown with the policy's title). */
  subjectName: string;
  permission: AccessPermission;
  grantedAt: string;
  grantedByName: string | null;
}

export interface AssetMedium {
  id: string;
  code: string;
  kind: string;
  lockedStorage: boolean;
  writeProtected: boolean;
}

export interface AssetRecord {
  id: string;
  labelCode: string;
  name: string;
  description: string;
  kind: AssetKind;
  departmentId: string;
  departmentName: string;
  officers: { id: string; name: string }[];
  classLevel: string;
  classCriteria: string[];
  classJustification: string;
  restricted: boolean;
  policyVersionId: string | null;
  confidentialityNote: string;
  integrityNote: string;
  availabilityNote: string;
  location: string;
  medium: AssetMedium | null;
  retentionUntil: string | null;
  reviewDue: string | null;
  status: AssetStatus;
  source: { id: string; labelCode: string | null; name: string | null; kind: 'copy' | 'transmission'; readable: boolean } | null;
  copies: { id: string; labelCode: string; departmentName: string; kind: 'copy' | 'transmission' }[];
  disposal: { method: string; evidence: string; disposedOn: string } | null;
  createdAt: string;
  updatedAt: string;
}

export interface AssetDetail {
  asset: AssetRecord;
  access: AccessGrant[];
  /** The reader's own access right, if they hold one. */
  yourAccess: AccessPermission | null;
  allowedActions: AssetAction[];
}

/** What a label's QR code leads to: enough to find whom to ask, the record only for those who may read it. */
export interface LabelLookup {
  labelCode: string;
  assetId: string | null;
  name: string | null;
  departmentName: string;
  officers: { name: string }[];
  status: AssetStatus;
}

export interface SavedFilter {
  id: string;
  name: string;
  query: Record<string, string>;
}

/** A medium issued to a 課等 (another feature's list; only the fields the asset form needs). */
export interface MediumOption {
  id: string;
  code: string;
  kind: string;
  lockedStorage: boolean;
  status: string;
}

/** One journal entry about an asset (`GET /api/assets/:id/history`, newest first). */
export interface AssetHistoryEntry {
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  type: string;
  data: unknown;
}

export interface AssetHistoryPage {
  items: AssetHistoryEntry[];
  nextBefore: number | null;
}

/** How deep the inventory's pages go: the server's `listWindow` (features/assets/queries.ts). */
export const listWindow = 10_000;
