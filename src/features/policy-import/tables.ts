import type { ColumnType, Generated } from 'kysely';

declare module '../../db/tables.js' {
  interface Database {
    policy_drafts: PolicyDraftTable;
  }
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
