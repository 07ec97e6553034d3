import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/** The hash before the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an entry that its hash covers. */
export interface HashedEntry {
  seq: string;
  at: Date;
  actorId: string | null;
  actorName: string;
  type: string;
  entityType: string;
  entityId: string;
  data: unknown;
}

/**
 * SHA-256 over the previous hash and the entry's canonical JSON (RFC 8785), so that editing, removing or
 * reordering any entry breaks every hash after it.
 */
export function entryHash(prevHash: string, entry: HashedEntry): string {
  const body = canonicalize({
    seq: entry.seq,
    at: entry.at.toISOString(),
    actorId: entry.actorId,
    actorName: entry.actorName,
    type: entry.type,
    entityType: entry.entityType,
    entityId: entry.entityId,
    data: entry.data,
  });
  return createHash('sha256').update(prevHash).update('\n').update(body ?? '').digest('hex');
}
