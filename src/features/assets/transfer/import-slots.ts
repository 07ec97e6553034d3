import { availableParallelism } from 'node:os';
import { assetErrors } from '../errors.js';

/**
 * Uploads being read at once in this process: one per user, and one fewer in all than the machine has cores
 * (at least one), so that reading files never takes the core that answers everyone else.
 */
export const importSlots = { perUser: 1, total: Math.max(1, availableParallelism() - 1) } as const;

const running = new Map<string, number>();
let total = 0;

/** Runs `work` in one of the import slots, or refuses at once (429) when the user's or all slots are taken. */
export async function inImportSlot<T>(userId: string, work: () => Promise<T>): Promise<T> {
  const mine = running.get(userId) ?? 0;
  if (mine >= importSlots.perUser || total >= importSlots.total) throw assetErrors.E_IMPORT_BUSY.error();
  running.set(userId, mine + 1);
  total += 1;
  try {
    return await work();
  } finally {
    total -= 1;
    const left = (running.get(userId) ?? 1) - 1;
    if (left === 0) running.delete(userId);
    else running.set(userId, left);
  }
}
