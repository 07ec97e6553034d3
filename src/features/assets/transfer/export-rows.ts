import { sql, type RawBuilder } from 'kysely';
import type { AssetKind, AssetStatus } from '../tables.js';
import type { Policy } from '../../../policy/schema.js';
import type { Actor } from '../../../domain/actor.js';
import { visibleAssets } from '../queries.js';
import { readIsJournaledWhere } from '../asset-policy.js';
import type { AssetFilter } from '../schemas.js';
import type { ReadOnlyDb } from '../../../db/read-only.js';

/** One asset as the exports write it: the record with its 課等's code and name and its medium's code. */
export interface ExportRow {
  id: string;
  label_code: string;
  name: string;
  description: string;
  kind: AssetKind;
  department_id: string;
  department_code: string;
  department_name: string;
  class_level: string;
  class_criteria: string[];
  class_justification: string;
  confidentiality_note: string;
  integrity_note: string;
  availability_note: string;
  location: string;
  medium_code: string | null;
  retention_until: string | null;
  review_due: string | null;
  status: AssetStatus;
  updated_at: Date;
  /** updated_at as PostgreSQL prints it (microseconds kept): the keyset cursor of the "updated" sort. */
  updated_key: string;
}

/** The export's filter: the inventory's, and optionally a chosen set of assets (a label sheet). */
export type ExportFilter = Partial<AssetFilter> & Pick<AssetFilter, 'sort' | 'order'> & { ids?: string[] };

/** The columns each sort orders by, before the id that breaks ties (queries.ts `orderAssets`, as keys). */
function sortKeys(sort: AssetFilter['sort']): { keys: RawBuilder<unknown>[]; of: (row: ExportRow) => unknown[] } {
  switch (sort) {
    case 'updated':
      return { keys: [sql`assets.updated_at`], of: (r) => [sql`${r.updated_key}::timestamptz`] };
    case 'class':
      return { keys: [sql`assets.class_level`, sql`assets.name`], of: (r) => [r.class_level, r.name] };
    case 'department':
      return { keys: [sql`departments.code`, sql`assets.name`], of: (r) => [r.department_code, r.name] };
    case 'kind':
      return { keys: [sql`assets.kind`, sql`assets.name`], of: (r) => [r.kind, r.name] };
    case 'status':
      return { keys: [sql`assets.status`, sql`assets.name`], of: (r) => [r.status, r.name] };
    case 'reviewDue':
      // Handled apart: NULLS LAST does not fit a row comparison.
      return { keys: [sql`assets.review_due`], of: (r) => [r.review_due] };
    default:
      return { keys: [sql`assets.name`], of: (r) => [r.name] };
  }
}

/**
 * Every asset the actor may read that matches the filter, in the inventory's order, a batch at a time. Keyset
 * paging (WHERE (keys, id) > (last row's)) reads each batch from the sort's index, holds no connection or
 * transaction between batches, and never has more than one batch in memory: 100,000 rows stream in constant
 * memory.
 */
export async function* exportRowBatches(db: ReadOnlyDb, actor: Actor, filter: ExportFilter, batchSize = 5_000): AsyncGenerator<ExportRow[]> {
  const descending = filter.order === 'desc';
  const dir = descending ? sql`DESC` : sql`ASC`;
  const after = descending ? sql`<` : sql`>`;
  const { keys, of } = sortKeys(filter.sort);
  const orderBy = filter.sort === 'reviewDue' ? sql`assets.review_due ${dir} NULLS LAST, assets.id ${dir}` : sql`${sql.join(keys.map((k) => sql`${k} ${dir}`))}, assets.id ${dir}`;
  let last: ExportRow | undefined;
  for (;;) {
    let query = visibleAssets(db, actor, filter)
      .innerJoin('departments', 'departments.id', 'assets.department_id')
      .leftJoin('media', 'media.id', 'assets.medium_id')
      .select([
        'assets.id', 'assets.label_code', 'assets.name', 'assets.description', 'assets.kind', 'assets.department_id', 'departments.code as department_code',
        'departments.name as department_name', 'assets.class_level', 'assets.class_criteria', 'assets.class_justification', 'assets.confidentiality_note',
        'assets.integrity_note', 'assets.availability_note', 'assets.location', 'media.code as medium_code', 'assets.retention_until', 'assets.review_due',
        'assets.status', 'assets.updated_at',
      ])
      .select(sql<string>`assets.updated_at::text`.as('updated_key'));
    if (filter.ids) query = query.where('assets.id', 'in', filter.ids);
    if (last) {
      const id = sql`${last.id}::uuid`;
      if (filter.sort === 'reviewDue') {
        query = query.where(
          last.review_due === null
            ? sql<boolean>`(assets.review_due IS NULL AND assets.id ${after} ${id})`
            : sql<boolean>`((assets.review_due IS NOT NULL AND (assets.review_due, assets.id) ${after} (${last.review_due}::date, ${id})) OR assets.review_due IS NULL)`,
        );
      } else {
        query = query.where(sql<boolean>`(${sql.join(keys)}, assets.id) ${after} (${sql.join(of(last))}, ${id})`);
      }
    }
    const rows = await query.orderBy(orderBy).limit(batchSize).execute();
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < batchSize) return;
    last = rows[rows.length - 1];
  }
}

/**
 * How many assets an export holds, and how many of them are restricted records outside the actor's own 課等
 * (第2 4(2)ア, DESIGN §3: the reads the journal must show; the asset policy's `readIsJournaledWhere`).
 */
export async function exportCounts(db: ReadOnlyDb, actor: Actor, policy: Policy, filter: ExportFilter): Promise<{ count: number; restricted: number }> {
  let query = visibleAssets(db, actor, filter).select([sql<string>`count(*)`.as('count'), sql<string>`count(*) FILTER (WHERE ${readIsJournaledWhere(actor, policy)})`.as('restricted')]);
  if (filter.ids) query = query.where('assets.id', 'in', filter.ids);
  const row = await query.executeTakeFirstOrThrow();
  return { count: Number(row.count), restricted: Number(row.restricted) };
}

/** The restricted records of other 課等 an export will hold, with their class: each read is journaled. */
export async function restrictedOutsideRows(db: ReadOnlyDb, actor: Actor, policy: Policy, filter: ExportFilter): Promise<{ id: string; class_level: string }[]> {
  let query = visibleAssets(db, actor, filter).select(['assets.id', 'assets.class_level']).where(readIsJournaledWhere(actor, policy));
  if (filter.ids) query = query.where('assets.id', 'in', filter.ids);
  return query.execute();
}
