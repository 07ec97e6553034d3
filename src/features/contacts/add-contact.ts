import type { ActingContext } from '../../domain/context.js';
import { forbidden } from '../../domain/kernel-errors.js';
import { recordAct } from '../../journal/append.js';
import { requireActor } from '../auth/require-actor.js';
import { collectionActions } from './contact-policy.js';
import { contactErrors } from './errors.js';
import type { AddContactInput } from './schemas.js';

/** 第5 8(3), 第6 3(3)ア: adds whom to call, when, and how to reach them to the emergency contact directory. */
export async function addContact(ctx: ActingContext, input: AddContactInput): Promise<{ contactId: string }> {
  const actor = requireActor(ctx);
  if (!collectionActions(actor).includes('create')) throw forbidden();
  if (input.phone === '' && input.email === '') throw contactErrors.E_CONTACT_UNREACHABLE.error({ field: 'phone' });
  return recordAct(ctx, async (tx) => {
    const row = await tx
      .insertInto('contacts')
      .values({ ...input, active: true, created_at: ctx.now, updated_at: ctx.now })
      .returning('id')
      .executeTakeFirstOrThrow();
    return {
      value: { contactId: row.id },
      events: [{ type: 'contact.added', entityType: 'contact', entityId: row.id, data: { name: input.name, organisation: input.organisation, kind: input.kind, purpose: input.purpose } }],
    };
  });
}
