import { createHash, randomBytes } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/tables.js';
import type { RequestMeta } from '../../domain/context.js';

export interface SessionSettings {
  idleMinutes: number;
  absoluteHours: number;
}

export const hashSessionId = (id: string): string => createHash('sha256').update(id).digest('hex');

/** A new session with a 128-bit (here 256-bit) random id; the id is returned once and stored only hashed. */
export async function createSession(
  tx: Transaction<Database>,
  input: { userId: string; mfaPending: boolean; now: Date; request: RequestMeta; settings: SessionSettings },
): Promise<{ id: string; csrfToken: string }> {
  const id = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  await tx
    .insertInto('sessions')
    .values({
      id_hash: hashSessionId(id),
      user_id: input.userId,
      csrf_token: csrfToken,
      mfa_pending: input.mfaPending,
      created_at: input.now,
      last_seen_at: input.now,
      expires_at: new Date(input.now.getTime() + input.settings.absoluteHours * 3_600_000),
      ip: input.request.ip,
      user_agent: input.request.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { id, csrfToken };
}

export async function endSession(tx: Transaction<Database>, id: string): Promise<void> {
  await tx.deleteFrom('sessions').where('id_hash', '=', hashSessionId(id)).execute();
}

/** Ends every session of a user (disabled, password reset); returns how many ended. */
export async function endSessionsOf(tx: Transaction<Database>, userId: string, exceptId?: string): Promise<number> {
  let query = tx.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptId) query = query.where('id_hash', '!=', hashSessionId(exceptId));
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}
