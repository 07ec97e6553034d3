import type { Selectable } from 'kysely';
import type { ReadOnlyDb } from '../../db/read-only.js';
import type { Bilingual } from '../../domain/errors.js';
import type { Policy } from '../../policy/schema.js';
import type { MediumTable } from '../media/tables.js';
import { invalidAsset } from './classification.js';

/**
 * 第2 4(2)ウ, 4(3)ウ: the medium an asset is recorded on must be one the city issued to the owning 課等 and
 * still in use; for a level with `lockedStorage`, the medium must be kept in lockable storage.
 */
export async function requireMediumFor(db: ReadOnlyDb, policy: Policy, input: { mediumId: string; departmentId: string; classLevel: string }) {
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
