import type { ColumnType, Generated } from 'kysely';
import type { CalendarDate } from '../../db/tables.js';
import type { Rating, RiskStatus } from './risk-fields.js';

export type { RiskStatus } from './risk-fields.js';

declare module '../../db/tables.js' {
  interface Database {
    asset_risks: AssetRiskTable;
  }
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
  /** 1–3 (the CHECK refuses any other number). */
  likelihood: ColumnType<Rating, number, number>;
  impact: ColumnType<Rating, number, number>;
  score: ColumnType<number, never, never>;
  countermeasures: string;
  response_procedure: string;
  status: Generated<RiskStatus>;
  review_due: CalendarDate | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}
