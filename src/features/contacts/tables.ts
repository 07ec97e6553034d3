import type { Generated } from 'kysely';

declare module '../../db/tables.js' {
  interface Database {
    contacts: ContactTable;
  }
}

/** Who a contact is to the municipality: its own people, the police and other authorities, experts, vendors. */
export type ContactKind = 'internal' | 'authority' | 'expert' | 'vendor' | 'other';

/** One entry of the emergency contact directory (緊急時対応計画の連絡先). */
export interface ContactTable {
  id: Generated<string>;
  name: string;
  organisation: string;
  kind: ContactKind;
  /** When to call them: what the emergency plan has them for. */
  purpose: string;
  phone: string;
  email: string;
  notes: string;
  /** Called in this order within a purpose (lower first). */
  priority: number;
  /** A contact no longer to be called stays in the directory as history. */
  active: boolean;
  created_at: Date;
  updated_at: Date;
}
