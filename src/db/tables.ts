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
  /** The other records the entry concerns, `[{ entityType, entityId }]`, or null. */
  related: ColumnType<{ entityType: string; entityId: string }[] | null, string | null, never>;
  prev_hash: string;
  hash: string;
  /** The transaction that appended the entry, for the journal guard (migration 005); null before it. Not hashed. */
  txid: ColumnType<string | null, never, never>;
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

/** A calendar date as 'YYYY-MM-DD' (connect.ts parses DATE columns to strings). */
export type CalendarDate = string;

export type Department = Selectable<DepartmentTable>;
export type User = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type RoleAssignment = Selectable<RoleAssignmentTable>;
export type JournalRow = Selectable<JournalTable>;
