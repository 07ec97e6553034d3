import { sql, type CompiledQuery, type SelectQueryBuilder } from 'kysely';
import type { Database, JournalRow } from '../../db/tables.js';
import type { Actor } from '../../domain/actor.js';
import { readsEverything } from './journal-policy.js';
import type { JournalPage, JournalQuery } from './schemas.js';
import type { ReadOnlyDb } from '../../db/read-only.js';

/**
 * How far an entry's `at` may lag behind its place in the chain. `at` is the act's `ctx.now`, taken when the
 * request began; `seq` is given when the act takes the journal lock at its end. So `at` follows `seq` up to the
 * length of an act (milliseconds, seconds for the slowest), and the date filters are turned into `seq` bounds
 * with this much slack. They are exact for every act shorter than a day.
 */
export const JOURNAL_AT_SLACK_MS = 24 * 60 * 60 * 1000;

type JournalSelect = SelectQueryBuilder<Database, 'journal', JournalRow>;

/**
 * The statement of one page of the journal for this reader, compiled (one past the page, to tell whether there is
 * a next): the benchmark sends the same statement bare. Keyset-paginated on seq so that page 1,000 costs what
 * page 1 does; every filter has an index that ends in seq, and every plan walks one of them backwards.
 */
export function journalPageStatement(db: ReadOnlyDb, actor: Actor, query: JournalQuery): CompiledQuery<JournalRow> {
  const take = query.limit + 1;
  const filtered = (q: JournalSelect): JournalSelect => {
    if (query.actorId) q = q.where('actor_id', '=', query.actorId);
    if (query.entityType) q = q.where('entity_type', '=', query.entityType);
    if (query.entityId) q = q.where('entity_id', '=', query.entityId);
    if (query.type) q = q.where('type', '=', query.type);
    if (query.from) {
      // Every entry at or after `from` comes after any entry dated a day before it (see JOURNAL_AT_SLACK_MS):
      // one probe of journal_at gives a seq floor, so the walk down the seq index stops there.
      const floor = new Date(query.from.getTime() - JOURNAL_AT_SLACK_MS);
      q = q.where('at', '>=', query.from).where('seq', '>', sql<string>`coalesce((SELECT j.seq FROM journal j WHERE j.at < ${floor} ORDER BY j.at DESC LIMIT 1), 0)`);
    }
    if (query.to) {
      // Likewise every entry before `to` comes before any entry dated a day after it: a seq ceiling, so the walk
      // starts there instead of at the newest entry.
      const ceiling = new Date(query.to.getTime() + JOURNAL_AT_SLACK_MS);
      q = q.where('at', '<', query.to).where('seq', '<', sql<string>`coalesce((SELECT j.seq FROM journal j WHERE j.at >= ${ceiling} ORDER BY j.at LIMIT 1), 9223372036854775807)`);
    }
    if (query.before) q = q.where('seq', '<', String(query.before));
    return q.orderBy('seq', 'desc').limit(take);
  };

  if (readsEverything(actor)) return filtered(db.selectFrom('journal').selectAll()).compile();
  // One's own entries (journal-policy.ts `readableWhere`'s two clauses): those one made (journal_actor) and
  // those about oneself (journal_entity). Each branch is a backward walk of its index; the merge keeps seq
  // order, and DISTINCT ON drops the entries that are both (an act on one's own account). An OR of the two
  // would walk the whole journal for someone with few entries.
  const own = actor.id;
  const made = filtered(db.selectFrom('journal').selectAll().where('actor_id', '=', own));
  const about = filtered(db.selectFrom('journal').selectAll().where('entity_type', '=', 'user').where('entity_id', '=', own));
  return sql<JournalRow>`SELECT DISTINCT ON (seq) * FROM (${made} UNION ALL ${about}) own ORDER BY seq DESC LIMIT ${take}`.compile(db);
}

/** Journal entries newest first, a page at a time, of those the reader may read. */
export async function listJournal(db: ReadOnlyDb, actor: Actor, query: JournalQuery): Promise<JournalPage> {
  const { rows } = await db.executeQuery(journalPageStatement(db, actor, query));
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
