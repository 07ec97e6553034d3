import { sql, type Kysely } from 'kysely';
import { guardJournaledTable } from '../../../db/journal-guard.js';

/** The emergency contact directory: whom to call when an incident or an emergency warning comes (第5 8(3), 第6 3(3)ア). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE contacts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
      organisation text NOT NULL DEFAULT '' CHECK (length(organisation) <= 200),
      kind text NOT NULL CHECK (kind IN ('internal', 'authority', 'expert', 'vendor', 'other')),
      purpose text NOT NULL CHECK (length(purpose) BETWEEN 1 AND 500),
      phone text NOT NULL DEFAULT '' CHECK (length(phone) <= 40),
      email text NOT NULL DEFAULT '' CHECK (length(email) <= 254),
      notes text NOT NULL DEFAULT '' CHECK (length(notes) <= 1000),
      priority integer NOT NULL DEFAULT 1 CHECK (priority BETWEEN 1 AND 99),
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      -- A contact that cannot be reached is no contact.
      CHECK (phone <> '' OR email <> '')
    )`.execute(db);
  await sql`CREATE INDEX contacts_order ON contacts (active DESC, purpose, priority, name)`.execute(db);
  await guardJournaledTable(db, 'contacts');
}
