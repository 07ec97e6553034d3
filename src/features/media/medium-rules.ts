import { sql } from 'kysely';
import type { ReadOnlyDb } from '../../db/read-only.js';
import type { Policy } from '../../policy/schema.js';
import { mediumErrors } from './errors.js';

/** 第2 4(3)ア: a medium is held by someone of the 課等 it was issued to, whose account is active. */
export async function requireHolder(db: ReadOnlyDb, departmentId: string, holderId: string): Promise<void> {
  const holder = await db.selectFrom('users').select(['department_id', 'status']).where('id', '=', holderId).executeTakeFirst();
  if (!holder || holder.department_id !== departmentId || holder.status !== 'active') {
    throw mediumErrors.E_MEDIUM_HOLDER_NOT_IN_DEPARTMENT.error({ field: 'holderId' });
  }
}

/** Classification levels of the policy whose media must be kept in lockable storage (第2 4(3)ウ). */
export function lockedStorageLevels(policy: Policy): string[] {
  return (policy.classification?.levels ?? []).filter((level) => level.controls.lockedStorage).map((level) => level.id);
}

/**
 * What the medium still holds: its assets not yet disposed of, and how many of them are of a level whose media
 * must be locked away. Taken inside the act's transaction, after the medium row is locked.
 */
export async function assetsHeldBy(db: ReadOnlyDb, policy: Policy, mediumId: string): Promise<{ active: number; locked: number }> {
  const levels = lockedStorageLevels(policy);
  const row = await db
    .selectFrom('assets')
    .select((eb) => [
      eb.fn.countAll<string>().as('active'),
      (levels.length > 0 ? sql<string>`count(*) FILTER (WHERE class_level IN (${sql.join(levels)}))` : sql<string>`0`).as('locked'),
    ])
    .where('medium_id', '=', mediumId)
    .where('status', '<>', 'disposed')
    .executeTakeFirstOrThrow();
  return { active: Number(row.active), locked: Number(row.locked) };
}
