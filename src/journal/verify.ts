import type { JournalRow } from '../db/tables.js';
import { chainHash, entryBody, GENESIS_HASH } from './hash.js';
import type { ReadOnlyDb } from '../db/read-only.js';

export interface VerifyResult {
  ok: boolean;
  entries: number;
  headHash: string;
  /** The first entry whose record does not match the chain, with the reason. */
  firstBroken: { seq: string; reason: string } | null;
}

const BATCH = 5000;

/**
 * Recomputes the whole chain from the first entry and reports the first entry that does not fit. Batches are
 * read in seq order; the next batch is fetched while the current one is hashed.
 */
export async function verifyJournal(db: ReadOnlyDb, onProgress?: (entries: number) => void): Promise<VerifyResult> {
  const fetchFrom = (seq: bigint): Promise<JournalRow[]> =>
    db.selectFrom('journal').selectAll().where('seq', '>=', seq.toString()).orderBy('seq').limit(BATCH).execute();
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1n;
  let entries = 0;
  let next: Promise<JournalRow[]> | null = fetchFrom(expectedSeq);
  try {
    while (next) {
      const rows: JournalRow[] = await next;
      // A full batch may have more after it: ask for it now. Should this batch break the chain, the answer is
      // simply not used (the query asks for what the old loop would have asked for: seq >= last + 1).
      next = rows.length === BATCH ? fetchFrom(BigInt(rows[rows.length - 1]!.seq) + 1n) : null;
      for (const row of rows) {
        if (BigInt(row.seq) !== expectedSeq) return { ok: false, entries, headHash: prevHash, firstBroken: { seq: expectedSeq.toString(), reason: 'missing entry' } };
        if (row.prev_hash !== prevHash) return broken(row.seq, 'previous hash does not match the entry before it');
        const hash = chainHash(
          prevHash,
          entryBody({
            seq: row.seq,
            at: row.at,
            actorId: row.actor_id,
            actorName: row.actor_name,
            type: row.type,
            entityType: row.entity_type,
            entityId: row.entity_id,
            data: row.data,
            related: row.related,
          }),
        );
        if (hash !== row.hash) return broken(row.seq, 'content does not match its hash');
        prevHash = hash;
        expectedSeq += 1n;
        entries += 1;
      }
      onProgress?.(entries);
    }
  } finally {
    // A batch fetched ahead and not used must not become an unhandled rejection.
    void next?.catch(() => undefined);
  }
  return { ok: true, entries, headHash: prevHash, firstBroken: null };

  function broken(seq: string, reason: string): VerifyResult {
    return { ok: false, entries, headHash: prevHash, firstBroken: { seq, reason } };
  }
}
