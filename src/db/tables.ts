import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Kysely table interfaces: the one declaration of the database's shape. */
export interface Database {
  departments: DepartmentTable;
  users: UserTable;
  role_assignments: RoleAssignmentTable;
  sessions: SessionTable;
  journal: JournalTable;
  policy_versions: PolicyVersionTable;
  policy_clauses: PolicyClauseTable;
  policy_active: PolicyActiveTable;
  policy_drafts: PolicyDraftTable;
  media: MediumTable;
  assets: AssetTable;
  asset_access: AssetAccessTable;
  asset_risks: AssetRiskTable;
  asset_saved_filters: AssetSavedFilterTable;
  asset_imports: AssetImportTable;
}

type CreatedAt = ColumnType<Date, Date | undefined, never>;

/** 課等: the organisation tree. */
export interface DepartmentTable {
  id: Generated<string>;
  code: string;
  name: string;
  kana: string;
  parent_id: string | null;
  level: string;
  status: 'active' | 'disabled';
  created_at: CreatedAt;
}

export interface UserTable {
  id: Generated<string>;
  login: string;
  staff_number: string;
  name: string;
  kana: Generated<string>;
  email: Generated<string>;
  department_id: string;
  status: Generated<'active' | 'disabled'>;
  disabled_reason: string | null;
  password_hash: string | null;
  must_change_password: Generated<boolean>;
  password_changed_at: Date | null;
  totp_secret: string | null;
  totp_enabled_at: Date | null;
  /** bigint: read as a string. */
  totp_last_step: ColumnType<string | null, number | null, number | null>;
  failed_sign_ins: Generated<number>;
  locked_until: Date | null;
  locale: Generated<'ja' | 'en'>;
  calendar: Generated<'gregorian' | 'japanese'>;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
}

export type ScopeType = 'global' | 'department' | 'system' | 'network';

export interface RoleAssignmentTable {
  id: Generated<string>;
  user_id: string;
  role: string;
  scope_type: ScopeType;
  /** Department id for 'department'; the information system's or network's name otherwise; '' for global. */
  scope_id: string;
  granted_at: Date;
  granted_by: string | null;
  revoked_at: Date | null;
  revoked_by: string | null;
}

export interface SessionTable {
  /** SHA-256 of the session id: a database leak does not hand out live sessions. */
  id_hash: string;
  user_id: string;
  csrf_token: string;
  mfa_pending: boolean;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  ip: string | null;
  user_agent: string | null;
}

export interface JournalTable {
  seq: ColumnType<string, string, never>;
  at: Date;
  actor_id: string | null;
  actor_name: string;
  type: string;
  entity_type: string;
  entity_id: string;
  data: ColumnType<unknown, string, never>;
  prev_hash: string;
  hash: string;
}

export interface PolicyVersionTable {
  id: Generated<string>;
  package_id: string;
  version: string;
  content_hash: string;
  content: ColumnType<unknown, string, never>;
  loaded_at: Date;
}

/** One clause of a loaded policy version (the standard's text with Bansho's annotations). */
export interface PolicyClauseTable {
  version_id: string;
  clause_id: string;
  position: number;
  parent_id: string | null;
  depth: number;
  kind: string;
  heading: string;
  text: string;
  actor_roles: string[];
  approver_roles: string[];
  other_actors: string[];
  capabilities: string[];
  policy_text_only: string | null;
  interpretation: string | null;
}

/** The policy version in force (one row). */
export interface PolicyActiveTable {
  singleton: Generated<boolean>;
  version_id: string;
  activated_at: Date;
}

/** A draft policy package under review: the source text and the reviewed clause tree (import-text's draft). */
export interface PolicyDraftTable {
  id: Generated<string>;
  name: string;
  source_text: string;
  /** `{ style, title?, clauses, versions, roles, warnings }`; written as JSON text, read back parsed. */
  draft: ColumnType<unknown, string, string>;
  created_by: string;
  updated_by: string;
  created_at: Date;
  updated_at: Date;
}

/** A calendar date as 'YYYY-MM-DD' (connect.ts parses DATE columns to strings). */
export type CalendarDate = string;

export type AssetKind = 'electronic_data' | 'paper' | 'system' | 'software' | 'medium' | 'other';
export type AssetStatus = 'active' | 'out' | 'disposed';
export type MediumKind = 'usb' | 'optical' | 'hdd' | 'ssd' | 'sd' | 'tape' | 'paper' | 'other';
export type MediumStatus = 'in_use' | 'stored' | 'lost' | 'disposed';
export type AccessSubjectType = 'user' | 'role' | 'department';
export type AccessPermission = 'read' | 'write';
export type RiskStatus = 'open' | 'treated' | 'accepted' | 'closed';

/** 第2 4(3): a medium the city issues (支給), its holder and how it is stored. */
export interface MediumTable {
  id: Generated<string>;
  code: string;
  kind: MediumKind;
  description: Generated<string>;
  department_id: string;
  holder_id: string | null;
  issued_on: CalendarDate;
  status: Generated<MediumStatus>;
  finalised: Generated<boolean>;
  write_protected: Generated<boolean>;
  storage_location: Generated<string>;
  locked_storage: Generated<boolean>;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

/** 第2 1–4: an information asset in the 目録. */
export interface AssetTable {
  id: Generated<string>;
  /** Opaque code printed on the label (第2 4(1)): finds the record, reveals nothing. */
  label_code: string;
  name: string;
  description: Generated<string>;
  kind: AssetKind;
  /** The 課等 whose 情報セキュリティ責任者 manages the asset (第2 1(1)(2)). */
  department_id: string;
  /** A level id of the package's classification scheme. */
  class_level: string;
  class_criteria: Generated<string[]>;
  class_justification: Generated<string>;
  /** The policy version in force when the asset was last classified. */
  policy_version_id: string | null;
  confidentiality_note: Generated<string>;
  integrity_note: Generated<string>;
  availability_note: Generated<string>;
  location: Generated<string>;
  medium_id: string | null;
  retention_until: CalendarDate | null;
  review_due: CalendarDate | null;
  status: Generated<AssetStatus>;
  /** A copy or transmission points to the asset it came from (第2 1(2)). */
  source_asset_id: string | null;
  source_kind: 'copy' | 'transmission' | null;
  disposal_method: string | null;
  disposal_evidence: string | null;
  disposed_on: CalendarDate | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
  search_text: ColumnType<string, never, never>;
}

/** 第2 4(2)ア: one holder of an access right to an asset. */
export interface AssetAccessTable {
  id: Generated<string>;
  asset_id: string;
  subject_type: AccessSubjectType;
  /** A user id, a canonical role, or a department id. */
  subject_id: string;
  permission: AccessPermission;
  granted_by: string | null;
  granted_at: Date;
}

/** 第2 2: one analysed threat to an asset or a group of assets. */
export interface AssetRiskTable {
  id: Generated<string>;
  department_id: string;
  asset_id: string | null;
  asset_group: string | null;
  /** An item id of the package's `lists.threats`. */
  threat_id: string;
  description: Generated<string>;
  likelihood: number;
  impact: number;
  score: ColumnType<number, never, never>;
  countermeasures: string;
  response_procedure: string;
  status: Generated<RiskStatus>;
  review_due: CalendarDate | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface AssetSavedFilterTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  query: ColumnType<Record<string, string>, string, string>;
  created_at: Date;
}

/** An uploaded register, validated row by row, waiting to be committed all at once. */
export interface AssetImportTable {
  id: Generated<string>;
  user_id: string;
  file_name: string;
  file_sha256: string;
  format: 'xlsx' | 'csv';
  status: 'validated' | 'invalid' | 'committed';
  row_count: number;
  mapping: ColumnType<unknown, string, string>;
  rows: ColumnType<unknown, string, string>;
  errors: ColumnType<unknown, string, string>;
  created_at: Date;
  committed_at: Date | null;
}

export type Department = Selectable<DepartmentTable>;
export type User = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type RoleAssignment = Selectable<RoleAssignmentTable>;
export type JournalRow = Selectable<JournalTable>;
