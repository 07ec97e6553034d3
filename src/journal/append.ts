import { sql, type Transaction } from 'kysely';
import type { ActingContext } from '../domain/context.js';
import type { Database } from '../db/tables.js';
import { journalEventSchema, type JournalEvent } from './events.js';
import { entryHash, GENESIS_HASH } from './hash.js';

// One writer at a time extends the chain; the lock is held only from append to commit.
const JOURNAL_LOCK = 0x62616e73686f; // "bansho"

/** At least one event: an act that changes something always says what it did. */
export type Events = [JournalEvent, ...JournalEvent[]];

export interface Recorded<T> {
  value: T;
  events: Events;
}

/**
 * The only way to change data: runs `work` in a transaction and appends its journal events in the same
 * transaction, so a change and its record commit together or not at all.
 */
export async function recordAct<T>(ctx: ActingContext, work: (tx: Transaction<Database>) => Promise<Recorded<T>>): Promise<T> {
  return ctx.db.transaction().execute(async (tx) => {
    const { value, events } = await work(tx);
    await appendEvents(tx, ctx, events);
    return value;
  });
}

/** Appends events at the end of the chain; call only inside `recordAct`'s transaction. */
async function appendEvents(tx: Transaction<Database>, ctx: ActingContext, events: Events): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${JOURNAL_LOCK})`.execute(tx);
  const last = await tx.selectFrom('journal').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  let seq = last ? BigInt(last.seq) : 0n;
  let prevHash = last?.hash ?? GENESIS_HASH;
  const rows = events.map((raw) => {
    const event = journalEventSchema.parse(raw);
    seq += 1n;
    const entry = {
      seq: seq.toString(),
      at: ctx.now,
      actorId: ctx.actor?.id ?? null,
      actorName: ctx.actor?.name ?? 'system',
      type: event.type,
      entityType: event.entityType,
      entityId: event.entityId,
      data: event.data,
    };
    const hash = entryHash(prevHash, entry);
    const row = {
      seq: entry.seq,
      at: entry.at,
      actor_id: entry.actorId,
      actor_name: entry.actorName,
      type: entry.type,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      data: JSON.stringify(entry.data),
      prev_hash: prevHash,
      hash,
    };
    prevHash = hash;
    return row;
  });
  await tx.insertInto('journal').values(rows).execute();
}
