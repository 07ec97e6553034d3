import type { Selectable } from 'kysely';
import type { ReadOnlyDb } from '../../db/read-only.js';
import type { ErrorFields } from '../../domain/error-catalogue.js';
import type { Bilingual, DomainError } from '../../domain/errors.js';
import type { Policy } from '../../policy/schema.js';
import type { MediumTable } from '../media/tables.js';
import { assetErrors, chosenMedium, mediumCalled, type AssetErrorCode } from './errors.js';

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
  if (trouble) throw trouble.error({ field: 'mediumId' });
  return medium;
}

/**
 * 第2 4(2)ウ, 4(3)ウ: what is wrong with recording an asset of this level on this medium — not issued to the
 * 課等, lost or disposed of, or not in lockable storage where the level asks for it. `requireMediumFor` and the
 * import (a whole file at once) share it. `typed` is the code as the user wrote it (an import's cell); a medium
 * that is not the 課等's is named only by that, never by its own record.
 */
export function mediumTrouble(
  policy: Policy,
  medium: Pick<Selectable<MediumTable>, 'code' | 'department_id' | 'status' | 'locked_storage'> | undefined,
  departmentId: string | null,
  levelId: string | null,
  typed?: string,
): MediumTrouble | null {
  if (!medium || (departmentId !== null && medium.department_id !== departmentId)) {
    const params = { medium: typed === undefined ? chosenMedium : mediumCalled(typed) };
    return { code: 'E_MEDIUM_NOT_ISSUED', message: assetErrors.E_MEDIUM_NOT_ISSUED.message(params), error: (where) => assetErrors.E_MEDIUM_NOT_ISSUED.error(params, where) };
  }
  if (medium.status === 'lost' || medium.status === 'disposed') {
    const params = { code: medium.code };
    return { code: 'E_MEDIUM_UNAVAILABLE', message: assetErrors.E_MEDIUM_UNAVAILABLE.message(params), error: (where) => assetErrors.E_MEDIUM_UNAVAILABLE.error(params, where) };
  }
  const level = levelId ? policy.classification?.levels.find((l) => l.id === levelId) : undefined;
  if (level?.controls.lockedStorage && !medium.locked_storage) {
    const params = { level: level.title, code: medium.code };
    return { code: 'E_MEDIUM_NOT_LOCKED', message: assetErrors.E_MEDIUM_NOT_LOCKED.message(params), error: (where) => assetErrors.E_MEDIUM_NOT_LOCKED.error(params, where) };
  }
  return null;
}

/** What is wrong with a medium for an asset: its code and words (an import's row), or the error to throw (a form). */
export interface MediumTrouble {
  code: Extract<AssetErrorCode, `E_MEDIUM_${string}`>;
  message: Bilingual;
  error: (where: ErrorFields) => DomainError;
}
