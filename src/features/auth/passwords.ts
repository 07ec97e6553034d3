import { randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import type { FieldProblem } from '../../domain/errors.js';

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

/**
 * 第5 3(6): passwords hard to guess. Returns every reason a new password is refused (empty when it is fine).
 * `userParts` are the login, name and staff number, which a password must not contain.
 */
export function passwordProblems(password: string, userParts: string[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (ja: string, en: string) => problems.push({ path: 'newPassword', message: { ja, en } });
  const length = [...password].length;
  if (length < PASSWORD_MIN) add(`パスワードは${PASSWORD_MIN}文字以上にしてください。`, `The password must be at least ${PASSWORD_MIN} characters long.`);
  if (length > PASSWORD_MAX) add(`パスワードは${PASSWORD_MAX}文字以下にしてください。`, `The password must be at most ${PASSWORD_MAX} characters long.`);
  if (isCommon(password)) add('よく使われるパスワードは使えません。', 'This password is too common.');
  if (new Set(password).size < 4) add('同じ文字の繰り返しは使えません。', 'The password repeats too few different characters.');
  const lower = password.toLowerCase();
  const contained = userParts
    .flatMap((part) => part.toLowerCase().split(/[\s._@-]+/))
    .filter((part) => [...part].length >= 3)
    .find((part) => lower.includes(part));
  if (contained) add('パスワードに利用者名やログインIDの一部を含めないでください。', 'The password must not contain parts of your name or login.');
  return problems;
}

const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/** A one-time password for a new or reset account: 20 characters without look-alikes. */
export function generateInitialPassword(): string {
  let out = '';
  for (let i = 0; i < 20; i += 1) out += alphabet[randomInt(alphabet.length)];
  return out;
}
