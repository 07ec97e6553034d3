import type { ActingContext } from '../../domain/context.js';
import { recordAct } from '../../journal/append.js';
import { uniqueUserError } from './create-user.js';
import { requireActor } from '../auth/require-actor.js';
import { userForAction } from './load-user.js';
import type { UpdateUserInput } from './schemas.js';

const columns = { name: 'name', kana: 'kana', email: 'email', staffNumber: 'staff_number' } as const;

/** Changes a user's name, kana, e-mail or staff number; the journal keeps each before and after. */
export async function updateUser(ctx: ActingContext, userId: string, input: UpdateUserInput): Promise<void> {
  const actor = requireActor(ctx);
  try {
    await recordAct(ctx, async (tx) => {
      const user = await userForAction(tx, actor, userId, 'update');
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      const set: Partial<Record<(typeof columns)[keyof typeof columns], string>> = {};
      for (const key of Object.keys(columns) as (keyof typeof columns)[]) {
        const value = input[key];
        if (value === undefined || value === user[columns[key]]) continue;
        changes[key] = { from: user[columns[key]], to: value };
        set[columns[key]] = value;
      }
      if (Object.keys(set).length > 0) {
        await tx.updateTable('users').set({ ...set, updated_at: ctx.now }).where('id', '=', userId).execute();
      }
      return { value: undefined, events: [{ type: 'user.updated', entityType: 'user', entityId: userId, data: { changes } }] };
    });
  } catch (error) {
    throw uniqueUserError(error) ?? error;
  }
}
