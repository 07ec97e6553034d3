import { describe, expect, it } from 'vitest';
import { formatClauseNumber } from './clauses.js';

describe('formatClauseNumber', () => {
  it('writes clause ids as the standard numbers them', () => {
    expect(formatClauseNumber('5.3.1', 'ja')).toBe('第5 3(1)');
    expect(formatClauseNumber('1.1', 'ja')).toBe('第1 1');
    expect(formatClauseNumber('2.4.2.イ', 'ja')).toBe('第2 4(2)イ');
    expect(formatClauseNumber('5.2.2.ア.イ', 'ja')).toBe('第5 2(2)ア(イ)');
    expect(formatClauseNumber('2.4.4.後段', 'ja')).toBe('第2 4(4)後段');
  });

  it('keeps the numbers in English', () => {
    expect(formatClauseNumber('5.3.1', 'en')).toBe('Part 5, 3(1)');
    expect(formatClauseNumber('6', 'en')).toBe('Part 6');
  });
});
