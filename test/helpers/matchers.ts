import { expect } from 'vitest';

// Vitest's asymmetric matchers are typed `any`; these return `unknown`, so that they can sit inside expected
// objects without weakening type checks (and without tripping no-unsafe-assignment).

/** Any string. */
export const anyString = (): unknown => expect.any(String);
/** Any number. */
export const anyNumber = (): unknown => expect.any(Number);
/** A message in both languages, `{ ja, en }`, each a string. */
export const bilingual = (): unknown => ({ ja: anyString(), en: anyString() });
/** A string matching the pattern. */
export const matching = (pattern: RegExp): unknown => expect.stringMatching(pattern);
