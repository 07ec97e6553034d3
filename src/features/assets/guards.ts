import { sql } from 'kysely';
import { forbidden, notFound, type Bilingual } from '../../domain/errors.js';
import type { Selectable } from 'kysely';
import type { AccessPermission } from './tables.js';
import type { MediumTable } from '../media/tables.js';
import type { Policy } from '../../policy/schema.js';
import type { Actor } from '../../domain/actor.js';
import { canOnAsset, type AssetAction, type AssetResource } from './asset-policy.js';
import { invalidAsset, levelOf } from './classification.js';
import { isUuid } from '../../db/text-matching.js';
import type { ReadOnlyDb } from '../../db/read-only.js';

type Db = ReadOnlyDb;

export const assetNotFound = () => notFound({ ja: '情報資産', en: 'The asset' });

/** SQL: the asset_access rows that reach this actor — as a user, through their 課等, or through a role they hold. */
export function grantsReaching(actor: Pick<Actor, 'id' | 'departmentId' | 'roles'>) {
  const roles = [...new Set(actor.roles.map((grant) => grant.role))];
  return sql<boolean>`((aa.subject_type = 'user' AND aa.subject_id = ${actor.id})
    OR (aa.subject_type = 'department' AND aa.subject_id = ${actor.departmentId})
    ${roles.length > 0 ? sql`OR (aa.subject_type = 'role' AND aa.subject_id IN (${sql.join(roles)}))` : sql``})`;
}

/** The strongest access right the actor holds on each of these assets. */
export async function accessOf(db: Db, actor: Actor, assetIds: string[]): Promise<Map<string, AccessPermission>> {
  const byAsset = new Map<string, AccessPermission>();
  if (assetIds.length === 0) return byAsset;
  const { rows } = await sql<{ asset_id: string; permission: AccessPermission }>`
    SELECT aa.asset_id, max(aa.permission) AS permission FROM asset_access aa
    WHERE aa.asset_id IN (${sql.join(assetIds)}) AND ${grantsReaching(actor)}
    GROUP BY aa.asset_id`.execute(db);
  for (const row of rows) byAsset.set(row.asset_id, row.permission);
  return byAsset;
}

/** The authorization view of an asset row. */
export function assetResource(policy: Policy, row: { department_id: string; status: AssetResource['status']; class_level: string }, access: AccessPermission | null): AssetResource {
  return { departmentId: row.department_id, status: row.status, restricted: levelOf(policy, row.class_level)?.controls.restricted ?? true, access };
}

/**
 * Loads an asset (locked for update inside a transaction) and checks the action: an asset the actor may not
 * read is "not found"; one they may read but not change is "forbidden".
 */
export async function assetForAction(db: Db, actor: Actor, policy: Policy, assetId: string, action: AssetAction) {
  if (!isUuid(assetId)) throw assetNotFound();
  let query = db.selectFrom('assets').selectAll().where('id', '=', assetId);
  if ('isTransaction' in db && db.isTransaction) query = query.forUpdate();
  const asset = await query.executeTakeFirst();
  if (!asset) throw assetNotFound();
  const resource = assetResource(policy, asset, (await accessOf(db, actor, [asset.id])).get(asset.id) ?? null);
  if (!canOnAsset(actor, 'read', resource)) throw assetNotFound();
  if (!canOnAsset(actor, action, resource)) throw forbidden();
  return { asset, resource };
}

/**
 * 第2 4(2)ウ, 4(3)ウ: the medium an asset is recorded on must be one the city issued to the owning 課等 and
 * still in use; for a level with `lockedStorage`, the medium must be kept in lockable storage.
 */
export async function requireMediumFor(db: Db, policy: Policy, input: { mediumId: string; departmentId: string; classLevel: string }) {
  // FOR SHARE inside an act: a medium being unlocked or marked lost at the same moment waits for this act, or
  // this act waits for it and then sees the new state.
  let query = db.selectFrom('media').selectAll().where('id', '=', input.mediumId);
  if ('isTransaction' in db && db.isTransaction) query = query.forShare();
  const medium = await query.executeTakeFirst();
  // The form names the medium by id: its code is not echoed, since a medium of another 課等 is not the actor's to see.
  const trouble = mediumTrouble(policy, medium, input.departmentId, input.classLevel);
  if (trouble) throw invalidAsset(trouble.code, trouble.message, [{ path: 'mediumId', message: trouble.message }]);
  return medium;
}

/**
 * 第2 4(2)ウ, 4(3)ウ: what is wrong with recording an asset of this level on this medium — not issued to the
 * 課等, lost or disposed of, or not in lockable storage where the level asks for it. `requireMediumFor` and the
 * import (a whole file at once) share it. `typed` is the code as the user wrote it (an import's cell); a medium
 * that is not the 課等's is named only by that, never by its own record.
 */
export function mediumTrouble(policy: Policy, medium: Pick<Selectable<MediumTable>, 'code' | 'department_id' | 'status' | 'locked_storage'> | undefined, departmentId: string | null, levelId: string | null, typed?: string): { code: string; message: Bilingual } | null {
  if (!medium || (departmentId !== null && medium.department_id !== departmentId)) {
    const ja = typed === undefined ? '選択した記録媒体' : `記録媒体「${typed}」`;
    const en = typed === undefined ? 'The chosen medium' : `Medium "${typed}"`;
    return { code: 'E_MEDIUM_NOT_ISSUED', message: { ja: `${ja}はこの課等に支給された記録媒体として登録されていません（第2 4(2)ウ）。`, en: `${en} is not registered as issued to this department (2.4.2.ウ).` } };
  }
  const code = medium.code;
  if (medium.status === 'lost' || medium.status === 'disposed') {
    return { code: 'E_MEDIUM_UNAVAILABLE', message: { ja: `記録媒体「${code}」は紛失又は廃棄済みです。`, en: `Medium "${code}" is lost or disposed of.` } };
  }
  const level = levelId ? policy.classification?.levels.find((l) => l.id === levelId) : undefined;
  if (level?.controls.lockedStorage && !medium.locked_storage) {
    return { code: 'E_MEDIUM_NOT_LOCKED', message: { ja: `${level.title.ja}の情報資産を記録した媒体は施錠可能な場所に保管しなければなりません（第2 4(3)ウ）。媒体「${code}」の保管方法を先に更新してください。`, en: `Media holding ${level.title.en} assets must be kept in lockable storage (2.4.3.ウ). Update the storage of medium "${code}" first.` } };
  }
  return null;
}
