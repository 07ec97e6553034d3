import { describe, expect, it } from 'vitest';
import { contextWords, generateInitialPassword, hashPassword, PASSWORD_MAX, PASSWORD_MIN, passwordProblems, verifyPassword } from './passwords.js';

// The English texts identify each rule; the Japanese ones are checked to be present beside them.
const reasons = (password: string, userParts: string[] = []) => passwordProblems(password, userParts).map((p) => p.message.en);

const TOO_SHORT = `The password must be at least ${PASSWORD_MIN} characters long.`;
const TOO_LONG = `The password must be at most ${PASSWORD_MAX} characters long.`;
const COMMON = 'This password is too common.';
const REPEATS = 'The password repeats too few different characters.';
const NAME_PART = 'The password must not contain parts of your name or login.';

describe('passwordProblems (第5 3(6))', () => {
  it('accepts a long, uncommon password that names nobody', () => {
    expect(passwordProblems('Kumo-no-Ue-de-Odoru-7', ['tanaka.taro', '田中 太郎'])).toEqual([]);
  });

  it('refuses fewer than 12 characters and accepts exactly 12', () => {
    expect(reasons('Zx8#kq2!Lm4')).toEqual([TOO_SHORT]);
    expect(reasons('Zx8#kq2!Lm4$')).toEqual([]);
  });

  it('refuses more than 128 characters and accepts exactly 128', () => {
    const base = 'Zx8#kq2!Lm4$';
    const of = (n: number) => base.repeat(20).slice(0, n);
    expect(reasons(of(128))).toEqual([]);
    expect(reasons(of(129))).toEqual([TOO_LONG]);
  });

  it('counts characters, not UTF-16 code units', () => {
    // Eleven emoji are 22 code units but 11 characters: still too short.
    expect(reasons('🐉🌸🗻🍣🎴🏯🦊🐢🌊🎐🍵')).toContain(TOO_SHORT);
    expect(reasons('🐉🌸🗻🍣🎴🏯🦊🐢🌊🎐🍵🎋')).toEqual([]);
    expect(reasons('くもの上でおどるにじいろのとり')).toEqual([]);
  });

  it('refuses a common password, whatever its case', () => {
    expect(reasons('qazwsxedcrfv')).toEqual([COMMON]);
    expect(reasons('LeaveMeAlone')).toEqual([COMMON]);
  });

  it('refuses a common password with digits or symbols appended or prepended', () => {
    expect(reasons('password1234')).toEqual([COMMON]);
    expect(reasons('sunshine2024!')).toEqual([COMMON]);
    expect(reasons('!!football99')).toEqual([COMMON]);
    expect(reasons('Iloveyou123456')).toEqual([COMMON]);
  });

  it('does not refuse a strong password merely because it contains a common word', () => {
    expect(reasons('dragon-Vq7#mZ-tPw9!kR')).toEqual([]);
  });

  it('refuses too few distinct characters', () => {
    expect(reasons('abababababab')).toEqual([REPEATS]);
    expect(reasons('abcabcabcabc')).toEqual([REPEATS]);
    // Four distinct characters are enough for this rule; the strength estimate then sees the repetition.
    expect(reasons('abcdabcdabcd')).toEqual([expect.stringMatching(/^This password is easy to guess\. Repeated character patterns/)]);
  });

  it('refuses parts of the login, name, kana, staff number or e-mail, ignoring case', () => {
    const parts = ['tanaka.taro', '田中 太郎', 'たなか たろう', 'S-4711', 'tanaka.taro@city.example'];
    expect(reasons('My-TANAKA-secret-99', parts)).toEqual([NAME_PART]);
    expect(reasons('Xq9!たなかRz7#Wp2', parts)).toEqual([NAME_PART]);
    expect(reasons('Vk2#Mq8!4711Zp', parts)).toEqual([NAME_PART]);
    expect(reasons('Vk2#Mq8!cityZp9', parts)).toEqual([NAME_PART]);
  });

  it('ignores name parts shorter than three characters', () => {
    expect(reasons('Li-Kumo-no-Ue-7#', ['li', '李 明'])).toEqual([]);
  });

  it('lists every reason at once, each in Japanese and English', () => {
    const problems = passwordProblems('aaaaaa', ['aaaaaa']);
    expect(problems.map((p) => p.message.en)).toEqual([TOO_SHORT, REPEATS, NAME_PART]);
    const common = passwordProblems('monkey', ['monkey.business']);
    expect(common.map((p) => p.message.en)).toEqual([TOO_SHORT, COMMON, NAME_PART]);
    for (const problem of [...problems, ...common]) {
      expect(problem.path).toBe('newPassword');
      expect(problem.message.ja).toMatch(/[ぁ-んァ-ン一-龯]/);
      expect(problem.message.en.length).toBeGreaterThan(0);
    }
  });
});

describe('the strength estimate (ASVS 5.0 V6.2)', () => {
  const shinjuku = contextWords({ ja: '新宿区', en: 'Shinjuku City' });

  it('refuses passwords made of sequences, keyboard rows, repeats, dates and the names of the place and the product, with advice in both languages', () => {
    const weak = ['12345678901234567890', 'abcdefghijklmnop', 'qwertyuiopasdf', 'shinjuku2026!!', 'bansho-demo-2026', '11112222333344445555', 'aaaabbbbccccdddd', '2026-12-04-2026'];
    for (const password of weak) {
      const problems = passwordProblems(password, ['tanaka.taro', '田中 太郎'], shinjuku);
      expect([password, problems.length]).toEqual([password, 1]);
      const [problem] = problems;
      expect(problem?.message.en).toMatch(/easy to guess|too common|repeats too few/);
      expect(problem?.message.ja).toMatch(/[ぁ-んァ-ン一-龯]/);
    }
    const [advice] = passwordProblems('2026-12-04-2026', [], shinjuku);
    expect(advice?.message.en).toMatch(/^This password is easy to guess\. .*Join several unrelated words/);
    expect(advice?.message.ja).toMatch(/^推測されやすいパスワードです。.*長くすると強くなります。$/);
  });

  it('accepts long passphrases and random strings of any script, with no composition rule', () => {
    for (const password of ['Kumo-no-Ue-de-Odoru-7', 'correct horse battery staple', 'tsukimi-dango-kawa-7', 'くもの上でおどるにじいろのとり', 'Zx8#kq2!Lm4$', 'all lower case words here now']) {
      expect([password, passwordProblems(password, [], shinjuku)]).toEqual([password, []]);
    }
  });

  it('allows 64 characters and more', () => {
    const long = 'Hikari-no-naka-de-odoru-tori-to-kumo-to-umi-no-uta-wo-kiku-yoru-7';
    expect([...long].length).toBeGreaterThan(64);
    expect(passwordProblems(long, [], shinjuku)).toEqual([]);
  });

  it('treats the municipality\'s own name as a guessable word', () => {
    expect(passwordProblems('Shinjuku-City-2026', [], shinjuku).map((p) => p.message.en)).toEqual([expect.stringMatching(/easy to guess/)]);
  });
});

describe('argon2id hashing', () => {
  it('produces an argon2id hash that verifies the password and nothing else', async () => {
    const hash = await hashPassword('Kumo-no-Ue-de-Odoru-7');
    expect(hash.startsWith('$argon2id$')).toBe(true);
    expect(hash).toContain('m=19456,t=2,p=1');
    expect(await verifyPassword(hash, 'Kumo-no-Ue-de-Odoru-7')).toBe(true);
    expect(await verifyPassword(hash, 'kumo-no-ue-de-odoru-7')).toBe(false);
    expect(await verifyPassword(hash, '')).toBe(false);
  });

  it('salts every hash', async () => {
    const [a, b] = await Promise.all([hashPassword('same-password-twice'), hashPassword('same-password-twice')]);
    expect(a).not.toBe(b);
    expect(await verifyPassword(b, 'same-password-twice')).toBe(true);
  });

  it('answers false, without throwing, for a hash that is not a hash', async () => {
    expect(await verifyPassword('not-a-hash', 'whatever')).toBe(false);
    expect(await verifyPassword('', 'whatever')).toBe(false);
  });
});

describe('generateInitialPassword', () => {
  it('gives 20 characters without look-alikes that pass the password rules', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i += 1) {
      const password = generateInitialPassword();
      expect(password).toMatch(/^[A-HJ-NP-Za-km-z2-9]{20}$/);
      if (i < 20) expect(passwordProblems(password, [])).toEqual([]);
      seen.add(password);
    }
    expect(seen.size).toBe(200);
  });
});
