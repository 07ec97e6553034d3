import type { Locale } from '../../api/types.js';

/**
 * Package texts such as interpretations are written 「日本語 / English」 (docs/policy-format.md): shows the side of
 * the reader's language, or the whole text when it has only one.
 */
export function pickBilingual(text: string, locale: Locale): string {
  const at = text.indexOf(' / ');
  if (at < 0) return text;
  return locale === 'ja' ? text.slice(0, at) : text.slice(at + 3);
}
