import type { Locale } from '../api/types.js';

/** A message is a plain text or a function that builds one from values (counts, names). */
type Message = string | ((...values: never[]) => string);

/**
 * Declares a feature's messages in Japanese (the source) and English; the English side must have
 * exactly the same keys and the same function signatures, so a missing translation fails typecheck.
 */
export function defineMessages<const Ja extends Record<string, Message>>(
  ja: Ja,
  en: { [K in keyof Ja]: Ja[K] extends string ? string : Ja[K] },
): Record<Locale, { [K in keyof Ja]: Ja[K] extends string ? string : Ja[K] }> {
  return { ja: ja as { [K in keyof Ja]: Ja[K] extends string ? string : Ja[K] }, en };
}
