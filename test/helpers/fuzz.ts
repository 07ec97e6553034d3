import fc from 'fast-check';

// Arbitrary request bodies for the fuzzed-write tests (DESIGN §7: every endpoint fuzzed from its schema).

// Characters that have broken servers: NUL, lone surrogates, combining marks, joiners, bidi overrides, BOM,
// characters outside the BMP, quotes and SQL/LIKE metacharacters.
const oddChar = fc.oneof(
  { weight: 5, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)) },
  { weight: 2, arbitrary: fc.constantFrom('\u0000', '\u0301', '\u3099', '\u200d', '\u202e', '\ufeff', '👨‍👩‍👧', '𠮷', 'ｶ', "'", '"', '\\', '%', '_', ';', '--', '$1') },
);
export const oddString = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: oddChar, maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: oddChar, minLength: 90, maxLength: 300 }) },
);
export const anyJson = fc.anything({ key: oddString, values: [oddString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null)], maxDepth: 3, withNullPrototype: true, withBoxedValues: true });

/** A field that is usually valid, sometimes odd text, sometimes any JSON value at all. */
export const field = (valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 8, arbitrary: valid }, { weight: 2, arbitrary: oddString }, { weight: 1, arbitrary: anyJson });

/**
 * Bodies for one endpoint: fully valid, valid with one field spoiled or one unknown key added, every field a
 * gamble, or any JSON at all (including nothing).
 */
export function bodyOf(valid: fc.Arbitrary<Record<string, unknown>>, model: Record<string, fc.Arbitrary<unknown>>, requiredKeys: string[]): fc.Arbitrary<unknown> {
  const keys = Object.keys(model);
  const spoiled = fc
    .tuple(valid, fc.oneof(fc.constantFrom(...keys), oddString), fc.oneof(oddString, anyJson))
    .map(([body, key, value]): Record<string, unknown> => ({ ...body, [key]: value }));
  const gamble: fc.Arbitrary<unknown> = fc.record(
    Object.fromEntries(Object.entries(model).map(([key, arbitrary]) => [key, field(arbitrary)])),
    { requiredKeys },
  );
  return fc.oneof(
    { weight: 4, arbitrary: valid },
    { weight: 3, arbitrary: spoiled },
    { weight: 2, arbitrary: gamble },
    { weight: 1, arbitrary: anyJson },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}
