/** Shapes of the Bansho HTTP API as the web UI uses them (the server's OpenAPI is at /api/docs/json). */
import type { PolicySummary } from '../../features/system/schemas.js';

export type Locale = 'ja' | 'en';
export type Calendar = 'gregorian' | 'japanese';

/** A text the server gives in both languages. */
export interface LocalizedText {
  ja: string;
  en: string;
}

export type ScopeType = 'global' | 'department' | 'system' | 'network';

export interface Preferences {
  locale: Locale;
  calendar: Calendar;
}

export interface RoleAssignment {
  id: string;
  role: string;
  title: LocalizedText;
  scopeType: ScopeType;
  scopeId: string | null;
  scopeName: string | null;
}

/** The signed-in user, as `GET /api/session` describes them. */
export interface Me {
  id: string;
  login: string;
  name: string;
  kana: string;
  departmentId: string | null;
  departmentName: string | null;
  roles: RoleAssignment[];
  mustChangePassword: boolean;
  mfaEnrolled: boolean;
  mfaRequired: boolean;
  mfaPending: boolean;
  preferences: Preferences;
  /** `journalAll`: false when the journal shows only the user's own acts and the acts on them. */
  navigation: { organisation: boolean; journal: boolean; journalAll?: boolean; policyImport?: boolean; media?: boolean; risks?: boolean };
}

export interface SessionResponse {
  user: Me | null;
}

/** GET /api/policy: the package in force (the server's response schema). */
export type Policy = PolicySummary;
export type PolicyRole = Policy['roles'][number];

export type RecordStatus = 'active' | 'disabled';

export interface Department {
  id: string;
  code: string;
  name: string;
  kana: string;
  parentId: string | null;
  level: string;
  status: RecordStatus;
  allowedActions: string[];
}

export interface DepartmentList {
  items: Department[];
  allowedActions: string[];
}

export interface UserSummary {
  id: string;
  login: string;
  staffNumber: string;
  name: string;
  kana: string;
  email: string | null;
  departmentId: string | null;
  departmentName: string | null;
  status: RecordStatus;
  /** The list gives department scopes by id only (no scopeName). */
  roles: (Omit<RoleAssignment, 'scopeName'> & { scopeName?: string | null })[];
}

export interface UserList {
  items: UserSummary[];
  total: number;
  page: number;
  pageSize: number;
  allowedActions: string[];
}

export type UserAction = 'update' | 'disable' | 'enable' | 'move' | 'grantRole' | 'revokeRole' | 'resetPassword';

export interface GrantedRole extends RoleAssignment {
  grantedAt: string;
  grantedByName: string | null;
}

export interface UserDetail {
  user: UserSummary & { createdAt: string; disabledReason: string | null };
  roles: GrantedRole[];
  allowedActions: UserAction[];
}

export interface CreatedUser {
  user: UserSummary;
  initialPassword: string;
}

export interface MfaSetup {
  secret: string;
  otpauthUri: string;
  qrSvg: string;
}

export interface JournalEntry {
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  type: string;
  entityType: string | null;
  entityId: string | null;
  data: unknown;
  hash: string;
}

export interface JournalPage {
  items: JournalEntry[];
  nextBefore: number | null;
}
