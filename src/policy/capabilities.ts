import type { Bilingual } from '../domain/errors.js';

/**
 * Bansho's capabilities (DESIGN §2): what a clause of a policy package can name as "implemented by". A clause
 * that names an id not in this list is refused by the package schema.
 */
export const capabilityIds = [
  'organisation',
  'accounts',
  'policy',
  'assets',
  'approvals',
  'facilities',
  'incidents',
  'violations',
  'contractors',
  'records',
  'security-information',
  'config-integrity',
  'monitoring',
  'audits',
  'journal',
  'reports',
] as const;
export type CapabilityId = (typeof capabilityIds)[number];

/** Where a capability stands in this build: `implemented` has pages and writes records; `planned` not yet. */
export const capabilityStatuses = ['implemented', 'planned'] as const;
export type CapabilityStatus = (typeof capabilityStatuses)[number];

export interface Capability {
  id: CapabilityId;
  /** DESIGN §2's row number. */
  number: number;
  title: Bilingual;
  status: CapabilityStatus;
  /** Web pages of this build that serve the capability (paths of the SPA). */
  pages: string[];
  /**
   * Journal entity types this capability writes: the live evidence count of a clause is the number of journal
   * entries of these types (and event types, when given).
   */
  evidence: { entityTypes: string[]; eventTypes?: string[] };
}

/** The capability table; statuses change as issues bring capabilities in. */
export const capabilities: readonly Capability[] = [
  {
    id: 'organisation', number: 1, status: 'implemented',
    title: { ja: '組織・利用者・役割', en: 'Organisation, users and roles' },
    pages: ['/organisation/users', '/organisation/departments'],
    evidence: { entityTypes: ['user', 'department'], eventTypes: ['user.created', 'user.updated', 'user.disabled', 'user.enabled', 'user.moved', 'role.granted', 'role.revoked', 'department.created', 'department.updated'] },
  },
  {
    id: 'accounts', number: 2, status: 'implemented',
    title: { ja: 'アカウントとサインイン', en: 'Accounts and sign-in' },
    pages: ['/account/password', '/account/mfa'],
    evidence: { entityTypes: ['user'], eventTypes: ['auth.signed_in', 'auth.password_changed', 'auth.mfa_enrolled', 'auth.locked_out', 'user.password_reset'] },
  },
  {
    id: 'policy', number: 3, status: 'implemented',
    title: { ja: 'ポリシーパッケージ・条項', en: 'Policy package and clauses' },
    pages: ['/policy/clauses', '/policy/compliance'],
    evidence: { entityTypes: ['policy'] },
  },
  {
    id: 'assets', number: 4, status: 'implemented',
    title: { ja: '情報資産の目録', en: 'Information asset register' },
    pages: ['/assets', '/assets/import', '/media', '/risks'],
    evidence: { entityTypes: ['asset', 'asset_import', 'medium', 'risk'] },
  },
  { id: 'approvals', number: 5, status: 'planned', title: { ja: '申請と承認', en: 'Requests and approvals' }, pages: [], evidence: { entityTypes: ['request'] } },
  { id: 'facilities', number: 6, status: 'planned', title: { ja: '機器・管理区域・入退室', en: 'Equipment, controlled areas and entry log' }, pages: [], evidence: { entityTypes: ['equipment', 'area'] } },
  { id: 'incidents', number: 7, status: 'planned', title: { ja: '情報セキュリティ障害', en: 'Incidents' }, pages: [], evidence: { entityTypes: ['incident'] } },
  { id: 'violations', number: 8, status: 'planned', title: { ja: '違反への対応', en: 'Violations' }, pages: [], evidence: { entityTypes: ['violation'] } },
  { id: 'contractors', number: 9, status: 'planned', title: { ja: '外部委託・派遣', en: 'Contractors and dispatched workers' }, pages: [], evidence: { entityTypes: ['contract'] } },
  { id: 'records', number: 10, status: 'planned', title: { ja: '作業記録・台帳', en: 'Records and registers' }, pages: [], evidence: { entityTypes: ['record'] } },
  { id: 'security-information', number: 11, status: 'planned', title: { ja: 'セキュリティ情報', en: 'Security information' }, pages: [], evidence: { entityTypes: ['advisory'] } },
  { id: 'config-integrity', number: 12, status: 'planned', title: { ja: '設定ファイルの改ざん検査', en: 'Configuration integrity' }, pages: [], evidence: { entityTypes: ['baseline'] } },
  { id: 'monitoring', number: 13, status: 'planned', title: { ja: '監視と遵守状況', en: 'Monitoring and compliance duties' }, pages: [], evidence: { entityTypes: ['duty'] } },
  { id: 'audits', number: 14, status: 'planned', title: { ja: '監査・点検・評価・周知', en: 'Audits, inspections, reviews and notices' }, pages: [], evidence: { entityTypes: ['audit', 'notice'] } },
  {
    id: 'journal', number: 15, status: 'implemented',
    title: { ja: '改ざん検知可能な記録', en: 'Tamper-evident journal' },
    pages: ['/journal'],
    // Every entry is evidence of the journal itself: counted over all entity types.
    evidence: { entityTypes: [] },
  },
  { id: 'reports', number: 16, status: 'planned', title: { ja: '帳票と連携', en: 'Reports and interchange' }, pages: [], evidence: { entityTypes: ['report'] } },
];

const byId = new Map(capabilities.map((c) => [c.id, c]));

/** The capability with this id; throws for an id outside the table (the package schema refuses those). */
export function capabilityOf(id: CapabilityId): Capability {
  const capability = byId.get(id);
  if (!capability) throw new Error(`unknown capability ${id}`);
  return capability;
}

export const isCapabilityId = (value: string): value is CapabilityId => byId.has(value as CapabilityId);
