import type { ActingContext } from '../../domain/context.js';
import type { MediumKind, MediumStatus } from './tables.js';
import { recordAct } from '../../journal/append.js';
import { requireActor } from '../auth/require-actor.js';
import { mediumErrors } from './errors.js';
import { mediumForAction } from './load-medium.js';
import { assetsHeldBy, requireHolder } from './medium-rules.js';
import type { UpdateMediumInput } from './schemas.js';

/** What an update may change, named as the input names it. */
interface MediumState {
  kind: MediumKind;
  description: string;
  holderId: string | null;
  status: MediumStatus;
  finalised: boolean;
  writeProtected: boolean;
  storageLocation: string;
  lockedStorage: boolean;
}

/**
 * Changes a medium's holder, status, finalisation, write protection or storage; the journal keeps each before
 * and after. The standard's rules on media are checked against what the medium holds at this moment.
 */
export async function updateMedium(ctx: ActingContext, mediumId: string, input: UpdateMediumInput): Promise<void> {
  const actor = requireActor(ctx);
  await recordAct(ctx, async (tx) => {
    const medium = await mediumForAction(tx, actor, mediumId, 'update');
    const before: MediumState = {
      kind: medium.kind,
      description: medium.description,
      holderId: medium.holder_id,
      status: medium.status,
      finalised: medium.finalised,
      writeProtected: medium.write_protected,
      storageLocation: medium.storage_location,
      lockedStorage: medium.locked_storage,
    };
    const after: MediumState = { ...before, ...stripUndefined(input) };

    // 第2 4(3)イ: a medium whose assets are final is kept write-protected; finalising it protects it.
    if (input.finalised === true && input.writeProtected === undefined) after.writeProtected = true;
    if (after.finalised && !after.writeProtected) throw mediumErrors.E_MEDIUM_FINALISED_WRITABLE.error({ field: 'writeProtected' });
    if (after.holderId !== null && after.holderId !== before.holderId) await requireHolder(tx, medium.department_id, after.holderId);

    const leaving = after.status !== before.status && (after.status === 'lost' || after.status === 'disposed');
    const unlocking = before.lockedStorage && !after.lockedStorage;
    if (leaving || unlocking) {
      const held = await assetsHeldBy(tx, ctx.policy, mediumId);
      // 第2 4(3)ア, 4(4): the assets on a medium are accounted for (moved or disposed of) before the medium goes.
      if (leaving && held.active > 0) throw mediumErrors.E_MEDIUM_IN_USE.error({ count: held.active }, { field: 'status' });
      // 第2 4(3)ウ: media holding class Ⅰ assets stay in lockable storage.
      if (unlocking && held.locked > 0) throw mediumErrors.E_MEDIUM_HOLDS_LOCKED_ASSETS.error({ count: held.locked }, { field: 'lockedStorage' });
    }

    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of Object.keys(before) as (keyof MediumState)[]) {
      if (after[key] !== before[key]) changes[key] = { from: before[key], to: after[key] };
    }
    if (Object.keys(changes).length > 0) {
      await tx
        .updateTable('media')
        .set({
          kind: after.kind,
          description: after.description,
          holder_id: after.holderId,
          status: after.status,
          finalised: after.finalised,
          write_protected: after.writeProtected,
          storage_location: after.storageLocation,
          locked_storage: after.lockedStorage,
          updated_at: ctx.now,
        })
        .where('id', '=', mediumId)
        .execute();
    }
    return { value: undefined, events: [{ type: 'medium.updated', entityType: 'medium', entityId: mediumId, data: { changes } }] };
  });
}

/** The input's given fields only: `undefined` means "leave as it is". */
function stripUndefined(input: UpdateMediumInput): Partial<MediumState> {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
}
