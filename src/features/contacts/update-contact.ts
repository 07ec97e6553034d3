import type { ActingContext } from '../../domain/context.js';
import { recordAct } from '../../journal/append.js';
import { requireActor } from '../auth/require-actor.js';
import { contactErrors } from './errors.js';
import { contactForAction } from './load-contact.js';
import type { UpdateContactInput } from './schemas.js';

/** Changes an entry of the directory, or takes it out of use; the journal keeps each field's before and after. */
export async function updateContact(ctx: ActingContext, contactId: string, input: UpdateContactInput): Promise<void> {
  const actor = requireActor(ctx);
  await recordAct(ctx, async (tx) => {
    const row = await contactForAction(tx, actor, contactId, 'update');
    const before = { name: row.name, organisation: row.organisation, kind: row.kind, purpose: row.purpose, phone: row.phone, email: row.email, notes: row.notes, priority: row.priority, active: row.active };
    const after = { ...before, ...Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) };
    const changes = Object.fromEntries(
      (Object.keys(before) as (keyof typeof before)[]).filter((key) => after[key] !== before[key]).map((key) => [key, { from: before[key], to: after[key] }]),
    );
    if (Object.keys(changes).length === 0) throw contactErrors.E_CONTACT_UNCHANGED.error();
    if (after.phone === '' && after.email === '') throw contactErrors.E_CONTACT_UNREACHABLE.error({ field: input.phone === '' ? 'phone' : 'email' });
    await tx.updateTable('contacts').set({ ...after, updated_at: ctx.now }).where('id', '=', row.id).execute();
    return { value: undefined, events: [{ type: 'contact.updated', entityType: 'contact', entityId: row.id, data: { changes } }] };
  });
}
