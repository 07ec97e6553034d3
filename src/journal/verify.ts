import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.js';
import { entryHash, GENESIS_HASH } from './hash.js';

export interface VerifyResult {
  ok: boolean;
  entries: number;
  headHash: string;
  /** The first entry whose record does not match the chain, with the reason. */
  firstBroken: { seq: string; reason: string } | null;
}

const BATCH = 5000;

/** Recomputes the whole chain from the first entry and reports the first entry that does not fit. */
export async function verifyJournal(db: Kysely<Database>, onProgress?: (entries: number) => void): Promise<VerifyResult> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1n;
  let entries = 0;
  for (;;) {
    const rows = await db
      .selectFrom('journal')
      .selectAll()
      .where('seq', '>=', expectedSeq.toString())
      .orderBy('seq')
      .limit(BATCH)
      .execute();
    for (const row of rows) {
      const broken = (reason: string): VerifyResult => ({ ok: false, entries, headHash: prevHash, firstBroken: { seq: row.seq, reason } });
      if (BigInt(row.seq) !== expectedSeq) return { ok: false, entries, headHash: prevHash, firstBroken: { seq: expectedSeq.toString(), reason: 'missing entry' } };
      if (row.prev_hash !== prevHash) return broken('previous hash does not match the entry before it');
      const hash = entryHash(prevHash, {
        seq: row.seq,
        at: row.at,
        actorId: row.actor_id,
        actorName: row.actor_name,
        type: row.type,
        entityType: row.entity_type,
        entityId: row.entity_id,
        data: row.data,
      });
      if (hash !== row.hash) return broken('content does not match its hash');
      prevHash = hash;
      expectedSeq += 1n;
      entries += 1;
    }
    onProgress?.(entries);
    if (rows.length < BATCH) break;
  }
  return { ok: true, entries, headHash: prevHash, firstBroken: null };
}
