import type { ActingContext } from '../../domain/context.js';
import { forbidden } from '../../domain/kernel-errors.js';
import { isUniqueViolation } from '../../db/errors.js';
import { recordAct } from '../../journal/append.js';
import { requireActor } from '../auth/require-actor.js';
import { requireDepartment } from '../organisation/require-department.js';
import { mediumErrors } from './errors.js';
import { requireHolder } from './medium-rules.js';
import { canRegisterIn } from './medium-policy.js';
import type { RegisterMediumInput } from './schemas.js';

/**
 * 第2 4(3)ア: records a medium the city issued (支給) to a 課等: its number, kind, holder and where it is kept.
 * 第2 4(2)ウ makes this register the list of media class Ⅰ assets may be recorded on.
 */
export async function registerMedium(ctx: ActingContext, input: RegisterMediumInput): Promise<{ mediumId: string }> {
  const actor = requireActor(ctx);
  await requireDepartment(ctx.db, input.departmentId);
  if (!canRegisterIn(actor, input.departmentId)) throw forbidden();
  try {
    return await recordAct(ctx, async (tx) => {
      if (input.holderId) await requireHolder(tx, input.departmentId, input.holderId);
      const row = await tx
        .insertInto('media')
        .values({
          code: input.code,
          kind: input.kind,
          description: input.description,
          department_id: input.departmentId,
          holder_id: input.holderId,
          issued_on: input.issuedOn,
          status: input.status,
          storage_location: input.storageLocation,
          locked_storage: input.lockedStorage,
          created_by: actor.id,
          created_at: ctx.now,
          updated_at: ctx.now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return {
        value: { mediumId: row.id },
        events: [{ type: 'medium.registered', entityType: 'medium', entityId: row.id, data: { code: input.code, kind: input.kind, departmentId: input.departmentId, holderId: input.holderId } }],
      };
    });
  } catch (error) {
    if (isUniqueViolation(error, 'media_code')) throw mediumErrors.E_MEDIUM_CODE_TAKEN.error({ field: 'code' });
    throw error;
  }
}
