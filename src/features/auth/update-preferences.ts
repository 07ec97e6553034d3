import type { ActingContext } from '../../domain/context.js';
import { recordAct } from '../../journal/append.js';
import { notSignedIn } from './errors.js';
import type { Preferences } from './schemas.js';

/** Saves the user's language and calendar (西暦/和暦). */
export async function updatePreferences(ctx: ActingContext, input: Partial<Preferences>): Promise<Preferences> {
  const actor = ctx.actor;
  if (!actor) throw notSignedIn();
  return recordAct(ctx, async (tx) => {
    const before = await tx.selectFrom('users').select(['locale', 'calendar']).where('id', '=', actor.id).forUpdate().executeTakeFirstOrThrow();
    const after = { locale: input.locale ?? before.locale, calendar: input.calendar ?? before.calendar };
    await tx.updateTable('users').set({ ...after, updated_at: ctx.now }).where('id', '=', actor.id).execute();
    const changes = Object.fromEntries(
      (['locale', 'calendar'] as const).filter((key) => before[key] !== after[key]).map((key) => [key, { from: before[key], to: after[key] }]),
    );
    return { value: after, events: [{ type: 'account.preferences_changed', entityType: 'user', entityId: actor.id, data: { changes } }] };
  });
}
