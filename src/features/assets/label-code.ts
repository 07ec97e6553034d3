import { randomInt } from 'node:crypto';

// Crockford's base32 without I, L, O, U: nothing to misread on a printed label.
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * 第2 4(1): a fresh, random label code (`7KQ2-M9XD`, 40 bits). It finds the record in Bansho and tells a third
 * party nothing: no class, no 課等, no sequence.
 */
export function generateLabelCode(): string {
  let code = '';
  for (let i = 0; i < 8; i += 1) code += alphabet[randomInt(alphabet.length)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}
