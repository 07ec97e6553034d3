import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, chainHash, entryBody, entryBodyParts, entryHash, GENESIS_HASH, type HashedEntry } from './hash.js';

/** The chain as it was first defined: a Hash object over canonicalize of the entry's fields. */
function referenceHash(prevHash: string, entry: HashedEntry): string {
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

/** Runs both serialisers; equal output, or both throw. */
function outcome(serialise: () => string | undefined): { ok: string | undefined } | { threw: true } {
  try {
    return { ok: serialise() };
  } catch {
    return { threw: true };
  }
}

// Strings of every kind: ASCII, BMP and astral characters, combining marks, control characters, quotes and
// backslashes (which JSON escapes), and the characters JSON.stringify treats specially.
const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: fc.constantFrom('"', '\\', '\n', '\u0000', '\u001f', '\u007f', '\u2028', '\u2029', '\ufeff', 'é', 'e\u0301', '日', '😀', '\ud83d\ude00', '\u{10ffff}'), maxLength: 8 }),
);
const numbers = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.constantFrom(0, -0, 0.1, 0.2 + 0.1, 1e21, 1e-7, 1e-6, 123456789012345680000, Number.MAX_SAFE_INTEGER, Number.MAX_VALUE, Number.MIN_VALUE, -1.5e-300, 5e-324),
);
// Arbitrary JSON data: nested objects whose keys come in any order (including keys that sort differently by
// code unit than by code point, such as astral characters against U+FFxx), arrays, and every scalar.
const { json } = fc.letrec((tie) => ({
  json: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    numbers,
    text,
    fc.array(tie('json'), { maxLength: 5 }),
    fc.dictionary(fc.oneof(text, fc.constantFrom('a', 'b', 'B', '1', '10', '2', '\uff61', '\ud83d\ude00', '__proto__', 'toJSON')), tie('json'), { maxKeys: 6 }),
  ),
}));

const entries = fc.record({
  seq: fc.bigInt({ min: 1n, max: 9223372036854775807n }).map(String),
  at: fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true }),
  actorId: fc.option(fc.uuid(), { nil: null }),
  actorName: text,
  type: text,
  entityType: text,
  entityId: text,
  data: json,
});

describe('canonical JSON', () => {
  it('is byte for byte what canonicalize gives, over arbitrary JSON data', () => {
    fc.assert(
      fc.property(json, (value) => {
        expect(canonicalJson(value)).toBe(canonicalize(value));
      }),
      { numRuns: 2000 },
    );
    // The same through JSON text, as jsonb gives data back.
    fc.assert(fc.property(json, (value) => {
      const parsed: unknown = JSON.parse(JSON.stringify(value));
      expect(canonicalJson(parsed)).toBe(canonicalize(parsed));
    }), { numRuns: 1000 });
  });

  it('agrees on the cases RFC 8785 singles out', () => {
    const cases: unknown[] = [
      1e21, -0, 0.1, 1e-7, 5e-324, -1e21, 1e20, 333333333.3333333, [-0, 0, 1e21, 0.1],
      { b: 1, a: 2, A: 3, '': 4, '\u20ac': 5, '\r': 6, '\ud83d\ude00': 7, '\ufb33': 8, '1': 9, '10': 10, '2': 11 },
      { nested: { z: [{ y: 1, x: 2 }], a: null }, 'é': 'e\u0301', '日本': '語' },
      'line\u2028separator', '\u0000\u001f"\\', '😀', [], {}, '', true, false, null,
      Object.assign(Object.create(null) as object, { b: 1, a: 2 }),
    ];
    for (const value of cases) expect([value, canonicalJson(value)]).toEqual([value, canonicalize(value)]);
  });

  it('hands what is not plain JSON to canonicalize, and throws where it throws', () => {
    const sparse: unknown[] = [1];
    sparse[2] = 3;
    const odd: unknown[] = [
      undefined, { a: undefined, b: 1 }, [1, undefined, 2], sparse, new Date(0), { d: new Date(0) }, { toJSON: () => ({ z: 1, a: 2 }) },
      new Map([[1, 2]]), { f: () => 1 }, [() => 1], { s: Symbol('x') }, Symbol('y'),
    ];
    for (const value of odd) expect(outcome(() => canonicalJson(value))).toEqual(outcome(() => canonicalize(value)));
    const refused: unknown[] = [NaN, Infinity, -Infinity, { n: NaN }, ['\ud800'], 'a\udc00b', { '\ud800': 1 }, 10n];
    for (const value of refused) {
      expect(() => canonicalize(value)).toThrow();
      expect(() => canonicalJson(value)).toThrow();
    }
    fc.assert(fc.property(fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withSparseArray: true, withUnicodeString: true }), (value) => {
      expect(outcome(() => canonicalJson(value))).toEqual(outcome(() => canonicalize(value)));
    }), { numRuns: 1000 });
  });
});

describe('entry hash', () => {
  it('gives the same body and hash as canonicalize with a Hash object, for arbitrary entries', () => {
    fc.assert(
      fc.property(entries, fc.oneof(fc.constant(GENESIS_HASH), fc.stringMatching(/^[0-9a-f]{64}$/)), (entry, prevHash) => {
        const body = entryBody(entry);
        expect(body).toBe(canonicalize({ seq: entry.seq, at: entry.at.toISOString(), actorId: entry.actorId, actorName: entry.actorName, type: entry.type, entityType: entry.entityType, entityId: entry.entityId, data: entry.data }));
        const parts = entryBodyParts(entry);
        expect(parts && `${parts.beforeSeq}"${entry.seq}"${parts.afterSeq}`).toBe(body);
        expect(chainHash(prevHash, body)).toBe(referenceHash(prevHash, entry));
        expect(entryHash(prevHash, entry)).toBe(referenceHash(prevHash, entry));
      }),
      { numRuns: 2000 },
    );
  });

  it('falls back to canonicalize for an entry whose data is not plain JSON', () => {
    const entry: HashedEntry = { seq: '7', at: new Date(0), actorId: null, actorName: 'system', type: 't', entityType: 'e', entityId: 'i', data: { when: new Date(0), list: [1, undefined] } };
    expect(entryBodyParts(entry)).toBeNull();
    expect(entryHash(GENESIS_HASH, entry)).toBe(referenceHash(GENESIS_HASH, entry));
  });
});
