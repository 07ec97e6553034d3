import type { Kysely, Transaction } from 'kysely';
import { preparedQuery } from '../db/prepared.js';
import type { ActingContext } from '../domain/context.js';
import type { Database } from '../db/tables.js';
import { journalEventSchema, type JournalEvent } from './events.js';
import { chainHash, entryBody, entryBodyParts, GENESIS_HASH, type HashedEntry } from './hash.js';

// One writer at a time extends the chain; the lock is held only from append to commit.
const JOURNAL_LOCK = 0x62616e73686f; // "bansho"

/** At least one event: an act that changes something always says what it did. */
export type Events = [JournalEvent, ...JournalEvent[]];

export interface Recorded<T> {
  value: T;
  events: Events;
  /** Who acted, when only the act itself establishes it (a sign-in identifies its user); else the context's actor. */
  actor?: ActingContext['actor'];
}

/**
 * The only way to change data: runs `work` in a transaction and appends its journal events in the same
 * transaction, so a change and its record commit together or not at all.
 */
export async function recordAct<T>(ctx: ActingContext, work: (tx: Transaction<Database>) => Promise<Recorded<T>>): Promise<T> {
  // The context's handle is read-only by type: this is the one place that opens a transaction on it.
  return (ctx.db as Kysely<Database>).transaction().execute(async (tx) => {
    const { value, events, actor } = await work(tx);
    await appendEvents(tx, prepareEvents(actor === undefined ? ctx : { ...ctx, actor }, events));
    return value;
  });
}

/** An act's events made ready for the chain: everything but seq, prev_hash and hash. */
interface PreparedAct {
  count: number;
  at: Date;
  actorId: string | null;
  actorName: string;
  /** PostgreSQL array literals of the per-event columns. */
  types: string;
  entityTypes: string;
  entityIds: string;
  data: string;
  /** Each event's related records as JSON, or NULL. */
  related: string;
  /** Each event's canonical body around its seq (or its fields, for the rare event that is not plain JSON). */
  bodies: ({ beforeSeq: string; afterSeq: string } | { fields: Omit<HashedEntry, 'seq'> })[];
}

/**
 * Validates the events and serialises everything that does not depend on the journal's head, so that the
 * critical section under the lock is only: read the head, hash, insert. An invalid event throws here, and the
 * act's transaction rolls back.
 */
function prepareEvents(ctx: ActingContext, events: readonly JournalEvent[]): PreparedAct {
  if (events.length === 0) throw new Error('an act must record at least one journal event');
  const actorId = ctx.actor?.id ?? null;
  const actorName = ctx.actor?.name ?? 'system';
  const types: string[] = [];
  const entityTypes: string[] = [];
  const entityIds: string[] = [];
  const data: string[] = [];
  const related: (string | null)[] = [];
  const bodies: PreparedAct['bodies'] = [];
  for (const raw of events) {
    const event = journalEventSchema.parse(raw);
    const fields = { at: ctx.now, actorId, actorName, type: event.type, entityType: event.entityType, entityId: event.entityId, data: event.data, related: event.related ?? null };
    types.push(event.type);
    entityTypes.push(event.entityType);
    entityIds.push(event.entityId);
    data.push(JSON.stringify(event.data));
    related.push(event.related ? JSON.stringify(event.related) : null);
    bodies.push(entryBodyParts(fields) ?? { fields });
  }
  return {
    count: events.length,
    at: ctx.now,
    actorId,
    actorName,
    types: arrayLiteral(types),
    entityTypes: arrayLiteral(entityTypes),
    entityIds: arrayLiteral(entityIds),
    data: arrayLiteral(data),
    related: arrayLiteral(related),
    bodies,
  };
}

/** A PostgreSQL array literal of text elements (each quoted, as pg itself writes arrays; null as NULL). */
function arrayLiteral(values: readonly (string | null)[]): string {
  let out = '{';
  for (let i = 0; i < values.length; i += 1) {
    if (i > 0) out += ',';
    const value = values[i];
    out += value === null || value === undefined ? 'NULL' : `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  }
  return `${out}}`;
}

const LOCK_SQL = 'SELECT pg_advisory_xact_lock($1)';
const HEAD_SQL = 'SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1';
const INSERT_SQL = `
  INSERT INTO journal (seq, at, actor_id, actor_name, type, entity_type, entity_id, data, related, prev_hash, hash)
  SELECT $1::bigint + e.ord, $2::timestamptz, $3::uuid, $4::text, e.type, e.entity_type, e.entity_id, e.data, e.related, e.prev_hash, e.hash
  FROM unnest($5::text[], $6::text[], $7::text[], $8::jsonb[], $9::jsonb[], $10::text[], $11::text[])
       WITH ORDINALITY AS e(type, entity_type, entity_id, data, related, prev_hash, hash, ord)`;

/**
 * Appends prepared events at the end of the chain; call only inside `recordAct`'s transaction. Under the lock
 * only: read the head (a statement of its own, so with a snapshot taken after the lock was granted), hash,
 * insert. One INSERT for any number of events: the per-event columns travel as arrays, so PostgreSQL's limit
 * of 65,535 bind parameters does not bound the size of an act.
 */
async function appendEvents(tx: Transaction<Database>, act: PreparedAct): Promise<void> {
  await tx.executeQuery(preparedQuery('bansho_journal_lock', LOCK_SQL, [JOURNAL_LOCK]));
  const { rows } = await tx.executeQuery<{ seq: string; hash: string }>(preparedQuery('bansho_journal_head', HEAD_SQL, []));
  const head = rows[0];
  const headSeq = head ? BigInt(head.seq) : 0n;
  let prevHash = head?.hash ?? GENESIS_HASH;
  const prevHashes: string[] = new Array<string>(act.count);
  const hashes: string[] = new Array<string>(act.count);
  for (let i = 0; i < act.count; i += 1) {
    const seq = (headSeq + 1n + BigInt(i)).toString();
    const parts = act.bodies[i]!;
    const body = 'beforeSeq' in parts ? `${parts.beforeSeq}"${seq}"${parts.afterSeq}` : entryBody({ ...parts.fields, seq });
    const hash = chainHash(prevHash, body);
    prevHashes[i] = prevHash;
    hashes[i] = hash;
    prevHash = hash;
  }
  await tx.executeQuery(
    preparedQuery('bansho_journal_append', INSERT_SQL, [
      headSeq.toString(), act.at, act.actorId, act.actorName, act.types, act.entityTypes, act.entityIds, act.data, act.related, arrayLiteral(prevHashes), arrayLiteral(hashes),
    ]),
  );
}
