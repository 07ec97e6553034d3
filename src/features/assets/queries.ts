import { sql, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../../db/tables.js';
import type { Policy } from '../../policy/schema.js';
import type { Actor } from '../../domain/actor.js';
import { allowedActions, can, canSelectForBulk, readableWhere, readIsJournaled } from './asset-policy.js';
import { levelOf } from './classification.js';
import { assetErrors } from './errors.js';
import { countCap, listWindow } from './asset-rules.js';
import { accessOf, assetResource } from './load-asset.js';
import type { AccessGrant, AssetDetail, AssetFilter, AssetHistoryPage, AssetSummary, ListAssetsQuery } from './schemas.js';
import { likePattern } from '../../db/text-matching.js';
import type { ReadOnlyDb } from '../../db/read-only.js';

type AssetQuery = SelectQueryBuilder<Database, 'assets', object>;

/**
 * The assets the actor may read (the asset policy's `readableWhere`), narrowed by the filter.
 * Lists, exports and label sheets all start here.
 */
export function visibleAssets(db: ReadOnlyDb, actor: Actor, filter: Partial<AssetFilter>): AssetQuery {
  let query = (db.selectFrom('assets') as AssetQuery).where(readableWhere(actor));
  if (filter.departmentId) query = query.where('assets.department_id', '=', filter.departmentId);
  if (filter.classLevel) query = query.where('assets.class_level', '=', filter.classLevel);
  if (filter.kind) query = query.where('assets.kind', '=', filter.kind);
  if (filter.status) query = query.where('assets.status', '=', filter.status);
  if (filter.location) query = query.where(sql<boolean>`assets.location ILIKE ${likePattern(filter.location)}`);
  if (filter.q) {
    // search_text is NFKC-folded and lower-cased; the term is folded the same way. Its pairs of characters
    // narrow the rows through the assets_search index, and LIKE confirms the term (a single character has no
    // pair: LIKE alone finds it). When the planner walks a sort index instead, LIKE is the cheap filter.
    const term = filter.q.normalize('NFKC').toLowerCase();
    if ([...term].length >= 2) query = query.where(sql<boolean>`asset_search_grams(assets.search_text) @> asset_search_grams(${term})`);
    query = query.where(sql<boolean>`assets.search_text LIKE ${likePattern(term)}`);
  }
  return query;
}

/** ORDER BY of each sort; every one ends with the id so that pages never overlap. */
export function orderAssets<Q extends AssetQuery>(query: Q, sort: AssetFilter['sort'], order: AssetFilter['order']): Q {
  const dir = order === 'desc' ? sql`DESC` : sql`ASC`;
  const by = {
    name: sql`assets.name ${dir}, assets.id ${dir}`,
    updated: sql`assets.updated_at ${dir}, assets.id ${dir}`,
    reviewDue: sql`assets.review_due ${dir} NULLS LAST, assets.id ${dir}`,
    class: sql`assets.class_level ${dir}, assets.name ${dir}, assets.id ${dir}`,
    department: sql`(SELECT d.code FROM departments d WHERE d.id = assets.department_id) ${dir}, assets.name ${dir}, assets.id ${dir}`,
    kind: sql`assets.kind ${dir}, assets.name ${dir}, assets.id ${dir}`,
    status: sql`assets.status ${dir}, assets.name ${dir}, assets.id ${dir}`,
  }[sort];
  return query.orderBy(by) as Q;
}

// The limits live with the register's shared rules; the benchmarks read them here too.
export { countCap, listWindow };

/** The statement of one page of the inventory (the benchmark compiles it too, to run the same SQL bare). */
export function assetPageQuery(db: ReadOnlyDb, actor: Actor, query: ListAssetsQuery) {
  return orderAssets(
    visibleAssets(db, actor, query)
      .innerJoin('departments', 'departments.id', 'assets.department_id')
      .select(['assets.id', 'assets.label_code', 'assets.name', 'assets.kind', 'assets.department_id', 'departments.name as department_name', 'assets.class_level', 'assets.location', 'assets.status', 'assets.review_due', 'assets.updated_at']),
    query.sort,
    query.order,
  )
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
}

/** The statement counting the matches, up to one past `countCap`. */
export function assetCountQuery(db: ReadOnlyDb, actor: Actor, filter: Partial<AssetFilter>) {
  return db.selectFrom(visibleAssets(db, actor, filter).select(sql.lit(1).as('one')).limit(countCap + 1).as('matches')).select((eb) => eb.fn.countAll<string>().as('n'));
}

/** One page of the inventory (目録) and the number of assets that match (exact up to `countCap`). */
export async function listAssets(db: ReadOnlyDb, actor: Actor, policy: Policy, query: ListAssetsQuery): Promise<{ items: AssetSummary[]; total: number; totalCapped: boolean }> {
  if (query.page * query.pageSize > listWindow) throw assetErrors.E_PAGE_BEYOND_WINDOW.error({ max: listWindow }, { field: 'page' });
  const [rows, count] = await Promise.all([assetPageQuery(db, actor, query).execute(), assetCountQuery(db, actor, query).executeTakeFirstOrThrow()]);
  const counted = Number(count.n);
  return {
    total: Math.min(counted, countCap),
    totalCapped: counted > countCap,
    items: rows.map((r) => ({
      id: r.id,
      labelCode: r.label_code,
      name: r.name,
      kind: r.kind,
      departmentId: r.department_id,
      departmentName: r.department_name,
      classLevel: r.class_level,
      restricted: levelOf(policy, r.class_level)?.controls.restricted ?? true,
      location: r.location,
      status: r.status,
      reviewDue: r.review_due,
      updatedAt: r.updated_at.toISOString(),
      manageable: canSelectForBulk(actor, { departmentId: r.department_id }),
    })),
  };
}

/** The 情報セキュリティ責任者 of a 課等 (第2 1(1)): whom to ask about its assets. */
export async function officersOf(db: ReadOnlyDb, departmentId: string): Promise<{ id: string; name: string }[]> {
  return db
    .selectFrom('role_assignments')
    .innerJoin('users', 'users.id', 'role_assignments.user_id')
    .select(['users.id', 'users.name'])
    .where('role_assignments.role', '=', 'security_officer')
    .where('role_assignments.scope_type', '=', 'department')
    .where('role_assignments.scope_id', '=', departmentId)
    .where('role_assignments.revoked_at', 'is', null)
    .where('users.status', '=', 'active')
    .orderBy('users.kana')
    .execute();
}

/** Who holds access rights to the asset (第2 4(2)ア), users first. */
export async function accessGrantsOf(db: ReadOnlyDb, assetId: string): Promise<AccessGrant[]> {
  const rows = await db
    .selectFrom('asset_access as aa')
    .leftJoin('users as granter', 'granter.id', 'aa.granted_by')
    .select(['aa.id', 'aa.subject_type', 'aa.subject_id', 'aa.permission', 'aa.granted_at', 'granter.name as granted_by_name'])
    .select(sql<string | null>`CASE aa.subject_type
      WHEN 'user' THEN (SELECT u.name FROM users u WHERE u.id::text = aa.subject_id)
      WHEN 'department' THEN (SELECT d.name FROM departments d WHERE d.id::text = aa.subject_id)
      ELSE aa.subject_id END`.as('subject_name'))
    .where('aa.asset_id', '=', assetId)
    .orderBy(sql`CASE aa.subject_type WHEN 'user' THEN 0 WHEN 'department' THEN 1 ELSE 2 END`)
    .orderBy('aa.granted_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    subjectName: r.subject_name ?? r.subject_id,
    permission: r.permission,
    grantedAt: r.granted_at.toISOString(),
    grantedByName: r.granted_by_name,
  }));
}

/** Everything about one asset for someone who may read it (the caller has checked). */
export async function assetDetail(db: ReadOnlyDb, actor: Actor, policy: Policy, assetId: string): Promise<AssetDetail> {
  const row = await db
    .selectFrom('assets')
    .innerJoin('departments', 'departments.id', 'assets.department_id')
    .leftJoin('media', 'media.id', 'assets.medium_id')
    .selectAll('assets')
    .select(['departments.name as department_name', 'media.code as medium_code', 'media.kind as medium_kind', 'media.locked_storage as medium_locked', 'media.write_protected as medium_write_protected'])
    .where('assets.id', '=', assetId)
    .executeTakeFirstOrThrow();
  const access = await accessOf(db, actor, [row.id, ...(row.source_asset_id ? [row.source_asset_id] : [])]);
  const resource = assetResource(policy, row, access.get(row.id) ?? null);
  const [officers, grants, copies, source] = await Promise.all([
    officersOf(db, row.department_id),
    accessGrantsOf(db, row.id),
    db
      .selectFrom('assets as c')
      .innerJoin('departments as d', 'd.id', 'c.department_id')
      .select(['c.id', 'c.label_code', 'd.name as department_name', 'c.source_kind'])
      .where('c.source_asset_id', '=', row.id)
      .orderBy('c.created_at')
      .execute(),
    row.source_asset_id ? db.selectFrom('assets').select(['id', 'label_code', 'name', 'department_id', 'status', 'class_level']).where('id', '=', row.source_asset_id).executeTakeFirst() : Promise.resolve(undefined),
  ]);
  const sourceReadable = source ? can(actor, 'read', assetResource(policy, source, access.get(source.id) ?? null)) : false;
  return {
    asset: {
      id: row.id,
      labelCode: row.label_code,
      name: row.name,
      description: row.description,
      kind: row.kind,
      departmentId: row.department_id,
      departmentName: row.department_name,
      officers,
      classLevel: row.class_level,
      classCriteria: row.class_criteria,
      classJustification: row.class_justification,
      restricted: resource.restricted,
      policyVersionId: row.policy_version_id,
      confidentialityNote: row.confidentiality_note,
      integrityNote: row.integrity_note,
      availabilityNote: row.availability_note,
      location: row.location,
      medium: row.medium_id && row.medium_code ? { id: row.medium_id, code: row.medium_code, kind: row.medium_kind ?? 'other', lockedStorage: row.medium_locked ?? false, writeProtected: row.medium_write_protected ?? false } : null,
      retentionUntil: row.retention_until,
      reviewDue: row.review_due,
      status: row.status,
      source: source && row.source_kind
        ? { id: source.id, labelCode: sourceReadable ? source.label_code : null, name: sourceReadable ? source.name : null, kind: row.source_kind, readable: sourceReadable }
        : null,
      copies: copies.map((c) => ({ id: c.id, labelCode: c.label_code, departmentName: c.department_name, kind: c.source_kind ?? 'copy' })),
      disposal: row.disposal_method && row.disposed_on ? { method: row.disposal_method, evidence: row.disposal_evidence ?? '', disposedOn: row.disposed_on } : null,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
    },
    access: grants,
    yourAccess: resource.access,
    allowedActions: allowedActions(actor, resource),
    readJournaled: readIsJournaled(actor, resource),
  };
}

/** An asset's journal entries, newest first, keyset-paginated on seq (the journal_entity index). */
export async function assetHistory(db: ReadOnlyDb, assetId: string, page: { before?: number | undefined; limit: number }): Promise<AssetHistoryPage> {
  const namesTheAsset = JSON.stringify([{ entityType: 'asset', entityId: assetId }]);
  let query = db
    .selectFrom('journal')
    .select(['seq', 'at', 'actor_id', 'actor_name', 'type', 'entity_type', 'entity_id', 'data'])
    // Its own entries, and those of other records that name it (a risk analysed on it, a copy made of it).
    .where((eb) => eb.or([eb.and([eb('entity_type', '=', 'asset'), eb('entity_id', '=', assetId)]), sql<boolean>`related @> ${namesTheAsset}::jsonb`]));
  if (page.before) query = query.where('seq', '<', String(page.before));
  const rows = await query.orderBy('seq', 'desc').limit(page.limit + 1).execute();
  const items = rows.slice(0, page.limit).map((r) => ({
    seq: Number(r.seq), at: r.at.toISOString(), actorId: r.actor_id, actorName: r.actor_name, type: r.type, entityType: r.entity_type, entityId: r.entity_id, data: r.data,
  }));
  return { items, nextBefore: rows.length > page.limit ? (items[items.length - 1]?.seq ?? null) : null };
}
