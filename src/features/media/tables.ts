import type { Generated } from 'kysely';
import type { CalendarDate } from '../../db/tables.js';
import type { MediumKind, MediumStatus } from './medium-fields.js';

export type { MediumKind, MediumStatus } from './medium-fields.js';

declare module '../../db/tables.js' {
  interface Database {
    media: MediumTable;
  }
}

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
