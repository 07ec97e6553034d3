import { sql } from 'kysely';
import type { Actor } from '../../domain/actor.js';
import { readableWhere as assetReadableWhere } from '../assets/asset-policy.js';
import type { Policy } from '../../policy/schema.js';
import type { AssetOnMedium, ListMediaQuery, MediaList, MediumDetail, MediumSummary } from './schemas.js';
import { mediumNotFound, mediumResource } from './load-medium.js';
import { assetsHeldBy } from './medium-rules.js';
import { allowedActions, can, collectionActions, readableWhere, registerDepartments } from './medium-policy.js';
import { isUuid, likePattern } from '../../db/text-matching.js';
import type { ReadOnlyDb } from '../../db/read-only.js';

const mediumColumns = [
  'media.id', 'media.code', 'media.kind', 'media.description', 'media.department_id', 'departments.name as department_name',
  'media.holder_id', 'holder.name as holder_name', 'media.issued_on', 'media.status', 'media.finalised', 'media.write_protected',
  'media.storage_location', 'media.locked_storage', 'media.updated_at',
] as const;

function media(db: ReadOnlyDb) {
  return db.selectFrom('media').innerJoin('departments', 'departments.id', 'media.department_id').leftJoin('users as holder', 'holder.id', 'media.holder_id');
}

/** The medium columns every read selects. */
const selectMedia = (db: ReadOnlyDb) => media(db).select(mediumColumns);
type MediumRow = Awaited<ReturnType<ReturnType<typeof selectMedia>['executeTakeFirstOrThrow']>>;

function summary(row: MediumRow): MediumSummary {
  return {
    id: row.id, code: row.code, kind: row.kind, description: row.description, departmentId: row.department_id, departmentName: row.department_name,
    holderId: row.holder_id, holderName: row.holder_name, issuedOn: row.issued_on, status: row.status, finalised: row.finalised,
    writeProtected: row.write_protected, storageLocation: row.storage_location, lockedStorage: row.locked_storage, updatedAt: row.updated_at.toISOString(),
  };
}

/** Media the actor may read (the policy's `readableWhere`), filtered and paginated, with what the actor may do. */
export async function listMedia(db: ReadOnlyDb, actor: Actor, query: ListMediaQuery): Promise<MediaList> {
  let base = media(db).where(readableWhere(actor));
  if (query.departmentId) base = base.where('media.department_id', '=', query.departmentId);
  if (query.status) base = base.where('media.status', '=', query.status);
  if (query.holderId) base = base.where('media.holder_id', '=', query.holderId);
  if (query.q) {
    const pattern = likePattern(query.q);
    base = base.where(sql<boolean>`(media.code || ' ' || media.description || ' ' || media.storage_location) ILIKE ${pattern}`);
  }
  const [rows, count] = await Promise.all([
    base.select(mediumColumns).orderBy('media.code').orderBy('media.id').limit(query.pageSize).offset((query.page - 1) * query.pageSize).execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map(summary),
    total: Number(count.n),
    page: query.page,
    pageSize: query.pageSize,
    allowedActions: collectionActions(actor),
    registerDepartmentIds: registerDepartments(actor),
  };
}

/** One medium with the assets on it the actor may read, and what the actor may do with it. */
export async function mediumDetail(db: ReadOnlyDb, actor: Actor, policy: Policy, id: string): Promise<MediumDetail> {
  const row = isUuid(id) ? await selectMedia(db).where('media.id', '=', id).executeTakeFirst() : undefined;
  if (!row || !can(actor, 'read', mediumResource(row))) throw mediumNotFound();
  const [assets, held] = await Promise.all([assetsOnMedium(db, actor, id), assetsHeldBy(db, policy, id)]);
  return {
    medium: summary(row),
    assets,
    // 第2 4(3)ウ: why locked storage cannot be turned off (the form explains it before the server refuses).
    lockedStorageRequired: held.locked > 0,
    allowedActions: allowedActions(actor, mediumResource(row)),
  };
}

/** The assets recorded on a medium that the actor may read (the asset policy's `readableWhere`). Others stay unnamed. */
export async function assetsOnMedium(db: ReadOnlyDb, actor: Actor, mediumId: string): Promise<AssetOnMedium[]> {
  const query = db.selectFrom('assets').select(['id', 'label_code', 'name', 'class_level', 'status']).where('medium_id', '=', mediumId).where(assetReadableWhere(actor));
  const rows = await query.orderBy('name').orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, labelCode: r.label_code, name: r.name, classLevel: r.class_level, status: r.status }));
}
