import { availableParallelism } from 'node:os';
import { DomainError } from '../../../domain/errors.js';

/**
 * Uploads being read at once in this process: one per user, and one fewer in all than the machine has cores
 * (at least one), so that reading files never takes the core that answers everyone else.
 */
export const importSlots = { perUser: 1, total: Math.max(1, availableParallelism() - 1) } as const;

const running = new Map<string, number>();
let total = 0;

const busy = (mine: boolean) =>
  new DomainError('rate_limited', 'E_IMPORT_BUSY', mine
    ? { ja: '前に送ったファイルをまだ読み込んでいます。終わってからもう一度送ってください。', en: 'Your previous file is still being read. Send this one when it is done.' }
    : { ja: 'ほかの取り込みを処理中です。少し待ってからもう一度送ってください。', en: 'Other imports are being read. Wait a moment and send the file again.' });

/** Runs `work` in one of the import slots, or refuses at once (429) when the user's or all slots are taken. */
export async function inImportSlot<T>(userId: string, work: () => Promise<T>): Promise<T> {
  const mine = running.get(userId) ?? 0;
  if (mine >= importSlots.perUser) throw busy(true);
  if (total >= importSlots.total) throw busy(false);
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
