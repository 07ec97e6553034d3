import { randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { dictionary as englishWords, translations as english } from '@zxcvbn-ts/language-en';
import { dictionary as japaneseWords, translations as japanese } from '@zxcvbn-ts/language-ja';
import type { Bilingual, FieldProblem } from '../../domain/errors.js';
import { authErrors } from './errors.js';

// OWASP's argon2id parameters (19 MiB, 2 passes); @node-rs/argon2 defaults to argon2id.
const argonOptions = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

const common = new Set(dictionary['passwords-common'].map((word) => word.toLowerCase()));

export function hashPassword(password: string): Promise<string> {
  return hash(password, argonOptions);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// A hash of a random password, compared against when the login is unknown so that timing does not reveal it.
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword(generateInitialPassword());
  return decoyHash;
}

/** A common password, or a common password with digits or symbols around it. */
function isCommon(password: string): boolean {
  const lower = password.toLowerCase();
  if (common.has(lower)) return true;
  const core = lower.replace(/^[^a-z]+|[^a-z]+$/g, '');
  return core.length >= 4 && common.has(core) && core.length * 2 >= lower.length - 4;
}

// The strength estimate (zxcvbn): keyboard patterns, sequences, repeats, dates, and the common passwords and
// words of English and Japanese (romaji), with the municipality's and Bansho's names and the user's details as
// further words. A password must need at least 10^11 guesses: above every pattern-made password seen refused in
// review (12345678901234567890, shinjuku2026!!, bansho-demo-2026: at most 10^10.2), below a random 12 characters.
const MIN_GUESSES_LOG10 = 11;
// Patterns are looked for in the first 64 characters only: a longer password is long enough, and the estimate's
// cost grows with length.
const ESTIMATED_LENGTH = 64;
let estimator: ZxcvbnFactory | undefined;

function estimate(password: string, words: string[]): ZxcvbnResult {
  estimator ??= new ZxcvbnFactory({
    graphs: adjacencyGraphs,
    dictionary: {
      ...dictionary,
      ...englishWords,
      japaneseCommonWords: japaneseWords.commonWords,
      japaneseFirstnames: japaneseWords.firstnames,
      japaneseLastnames: japaneseWords.lastnames,
      japaneseWikipedia: japaneseWords.wikipedia,
    },
  });
  return estimator.check([...password].slice(0, ESTIMATED_LENGTH).join(''), words);
}

/** The estimate's advice (its feedback keys) in Japanese and English, each ending as a sentence does; empty when it has none. */
function advice(result: ZxcvbnResult): Bilingual {
  const { warning, suggestions } = result.feedback;
  const text = (language: typeof english) => [
    warning ? (language.warnings as Record<string, string>)[warning] : undefined,
    ...suggestions.map((key) => (language.suggestions as Record<string, string>)[key]),
  ].filter((line): line is string => Boolean(line));
  const [ja, en] = [text(japanese), text(english)];
  return { ja: ja.length > 0 ? `${ja.join('。')}。` : '', en: en.length > 0 ? `${en.join(' ')} ` : '' };
}

/** The words a password must not be built on, besides the user's own details: the municipality's and the product's names. */
export function contextWords(municipality: { ja: string; en: string }): string[] {
  return [municipality.ja, ...municipality.en.split(/[\s,.-]+/), 'bansho', '番所'].filter((word) => word.length >= 2);
}

/**
 * 第5 3(6): passwords hard to guess (OWASP ASVS 5.0 V6.2: 12 to 128 characters of any kind, no composition
 * rules, not a common password, a strength estimate). Returns every reason a new password is refused (empty
 * when it is fine), with advice on making it stronger. `userParts` are the login, name and staff number, which
 * a password must not contain; `extraWords` further words the estimate treats as easy to guess.
 */
export function passwordProblems(password: string, userParts: string[], extraWords: string[] = []): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (message: Bilingual) => problems.push({ path: 'newPassword', message });
  const length = [...password].length;
  if (length < PASSWORD_MIN) add(authErrors.E_PASSWORD_TOO_SHORT.message({ min: PASSWORD_MIN }));
  if (length > PASSWORD_MAX) add(authErrors.E_PASSWORD_TOO_LONG.message({ max: PASSWORD_MAX }));
  if (isCommon(password)) add(authErrors.E_PASSWORD_TOO_COMMON.message());
  if (new Set(password).size < 4) add(authErrors.E_PASSWORD_TOO_FEW_CHARACTERS.message());
  const lower = password.toLowerCase();
  const contained = userParts
    .flatMap((part) => part.toLowerCase().split(/[\s._@-]+/))
    .filter((part) => [...part].length >= 3)
    .find((part) => lower.includes(part));
  if (contained) add(authErrors.E_PASSWORD_CONTAINS_USER_DETAILS.message());
  if (problems.length === 0) {
    const result = estimate(password, [...userParts.filter(Boolean), ...extraWords]);
    if (result.guessesLog10 < MIN_GUESSES_LOG10) add(authErrors.E_PASSWORD_EASY_TO_GUESS.message({ advice: advice(result) }));
  }
  return problems;
}

const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/** A one-time password for a new or reset account: 20 characters without look-alikes. */
export function generateInitialPassword(): string {
  let out = '';
  for (let i = 0; i < 20; i += 1) out += alphabet[randomInt(alphabet.length)];
  return out;
}
