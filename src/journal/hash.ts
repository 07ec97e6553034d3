import { hash } from 'node:crypto';
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
  /** Other records the entry concerns; hashed only when present, so entries written before it verify unchanged. */
  related?: readonly { entityType: string; entityId: string }[] | null;
}

/**
 * SHA-256 over the previous hash and the entry's canonical JSON (RFC 8785), so that editing, removing or
 * reordering any entry breaks every hash after it.
 */
export function entryHash(prevHash: string, entry: HashedEntry): string {
  return chainHash(prevHash, entryBody(entry));
}

/** The hash of an entry whose canonical body is already known. */
export function chainHash(prevHash: string, body: string): string {
  // One shot: no Hash object per entry. The same bytes as update(prevHash).update('\n').update(body).
  return hash('sha256', `${prevHash}\n${body}`, 'hex');
}

/**
 * The entry's canonical JSON (RFC 8785): byte for byte what `canonicalize` gives for the object of its fields.
 * The top-level keys are fixed, so they are written in their sorted order directly.
 */
export function entryBody(entry: HashedEntry): string {
  const at = entry.at.toISOString();
  try {
    return (
      `{"actorId":${plain(entry.actorId)},"actorName":${plain(entry.actorName)},"at":${plain(at)},"data":${plain(entry.data)},` +
      `"entityId":${plain(entry.entityId)},"entityType":${plain(entry.entityType)},${relatedField(entry.related)}"seq":${plain(entry.seq)},"type":${plain(entry.type)}}`
    );
  } catch {
    return canonicalEntry(entry, entry.seq, at);
  }
}

/**
 * The canonical body of an entry around its `seq`, the only field that is not known before the journal's head
 * is read: body = beforeSeq + canonicalJson(seq) + afterSeq. So the serialisation can all happen before the
 * lock. Null when a field is not plain JSON data; then use `entryBody` once the seq is known.
 */
export function entryBodyParts(entry: Omit<HashedEntry, 'seq'>): { beforeSeq: string; afterSeq: string } | null {
  const at = entry.at.toISOString();
  try {
    return {
      beforeSeq:
        `{"actorId":${plain(entry.actorId)},"actorName":${plain(entry.actorName)},"at":${plain(at)},"data":${plain(entry.data)},` +
        `"entityId":${plain(entry.entityId)},"entityType":${plain(entry.entityType)},${relatedField(entry.related)}"seq":`,
      afterSeq: `,"type":${plain(entry.type)}}`,
    };
  } catch {
    return null;
  }
}

/** The `related` member and its comma, between `entityType` and `seq` in key order; nothing when there is none. */
function relatedField(related: HashedEntry['related']): string {
  return related && related.length > 0 ? `"related":${plain(related)},` : '';
}

/** The reference: canonicalize over the entry's fields, as the chain has always been defined. */
function canonicalEntry(entry: Omit<HashedEntry, 'seq'>, seq: string, at: string): string {
  const body = canonicalize({
    seq,
    at,
    actorId: entry.actorId,
    actorName: entry.actorName,
    type: entry.type,
    entityType: entry.entityType,
    entityId: entry.entityId,
    data: entry.data,
    ...(entry.related && entry.related.length > 0 ? { related: entry.related } : {}),
  });
  return body ?? '';
}

/** Thrown inside the fast path for anything that is not plain JSON data; the caller falls back to canonicalize. */
class NotPlainJson extends Error {}
const notPlain = new NotPlainJson();

/**
 * RFC 8785 canonical JSON of a value, byte for byte what `canonicalize` returns (and throwing where it throws).
 * Plain JSON data (what jsonb gives back, and what the event schemas produce) takes a fast path; anything
 * else (undefined, toJSON, class instances, sparse arrays, …) goes to `canonicalize` itself.
 */
export function canonicalJson(value: unknown): string | undefined {
  try {
    return plain(value);
  } catch {
    // Either not plain JSON, or invalid (NaN, a lone surrogate, too deep): canonicalize decides, and throws
    // its own error if it refuses the value.
    return canonicalize(value);
  }
}

function plainString(value: string): string {
  if (!value.isWellFormed()) throw notPlain;
  return JSON.stringify(value);
}

function plain(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return plainString(value);
    case 'number':
      if (!Number.isFinite(value)) throw notPlain;
      // ECMAScript number serialisation, which RFC 8785 adopts (-0 is "0", 1e21 is "1e+21").
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      if (value === null) return 'null';
      if (typeof (value as { toJSON?: unknown }).toJSON === 'function') throw notPlain;
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i += 1) {
          const item: unknown = value[i];
          if (item === undefined) throw notPlain; // a hole or undefined: canonicalize's own rules apply
          out += i === 0 ? plain(item) : `,${plain(item)}`;
        }
        return `${out}]`;
      }
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) throw notPlain;
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record).sort();
      let out = '{';
      let first = true;
      for (const key of keys) {
        const item = record[key];
        if (item === undefined) continue; // canonicalize leaves such keys out
        out += `${first ? '' : ','}${plainString(key)}:${plain(item)}`;
        first = false;
      }
      return `${out}}`;
    }
    default:
      throw notPlain;
  }
}
