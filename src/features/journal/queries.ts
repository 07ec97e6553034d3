import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import type { Actor } from '../auth/actor.js';
import { journalReadScope } from './journal-policy.js';
import type { JournalQuery } from './schemas.js';

/**
 * Journal entries newest first, keyset-paginated on seq so that page 1,000 costs what page 1 does. Every
 * filter has an index that ends in seq.
 */
export async function listJournal(db: Kysely<Database>, actor: Actor, query: JournalQuery) {
  const scope = journalReadScope(actor);
  let q = db.selectFrom('journal').selectAll();
  if (!scope.all) {
    const own = scope.actorId;
    q = q.where((eb) => eb.or([eb('actor_id', '=', own), eb.and([eb('entity_type', '=', 'user'), eb('entity_id', '=', own)])]));
  }
  if (query.actorId) q = q.where('actor_id', '=', query.actorId);
  if (query.entityType) q = q.where('entity_type', '=', query.entityType);
  if (query.entityId) q = q.where('entity_id', '=', query.entityId);
  if (query.type) q = q.where('type', '=', query.type);
  if (query.from) q = q.where('at', '>=', query.from);
  if (query.to) q = q.where('at', '<', query.to);
  if (query.before) q = q.where('seq', '<', String(query.before));
  const rows = await q.orderBy('seq', 'desc').limit(query.limit + 1).execute();
  const page = rows.slice(0, query.limit);
  return {
    items: page.map((r) => ({
      seq: Number(r.seq),
      at: r.at.toISOString(),
      actorId: r.actor_id,
      actorName: r.actor_name,
      type: r.type,
      entityType: r.entity_type,
      entityId: r.entity_id,
      data: r.data,
      hash: r.hash,
    })),
    nextBefore: rows.length > query.limit ? Number(page[page.length - 1]?.seq) : null,
  };
}
