import type { ColumnType, Generated } from 'kysely';
import type { CalendarDate } from '../../db/tables.js';
import type { AccessPermission, AccessSubjectType, AssetKind, AssetStatus, CopyKind, ImportFormat, ImportStatus } from './asset-rules.js';

declare module '../../db/tables.js' {
  interface Database {
    assets: AssetTable;
    asset_access: AssetAccessTable;
    asset_saved_filters: AssetSavedFilterTable;
    asset_imports: AssetImportTable;
  }
}

// The vocabularies are the register's own (asset-rules.ts), shared with the web UI.
export type { AccessPermission, AccessSubjectType, AssetKind, AssetStatus } from './asset-rules.js';

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
  source_kind: CopyKind | null;
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
  format: ImportFormat;
  status: ImportStatus;
  row_count: number;
  mapping: ColumnType<unknown, string, string>;
  rows: ColumnType<unknown, string, string>;
  errors: ColumnType<unknown, string, string>;
  created_at: Date;
  committed_at: Date | null;
}
