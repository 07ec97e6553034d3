import { describe, expect, it } from 'vitest';
import { scoreLevel } from './risk-score.js';

describe('scoreLevel', () => {
  it('names every product of two ratings from 1 to 3', () => {
    const levels = [1, 2, 3].flatMap((l) => [1, 2, 3].map((i) => [l * i, scoreLevel(l * i)]));
    expect(Object.fromEntries(levels)).toEqual({ 1: 'low', 2: 'low', 3: 'medium', 4: 'medium', 6: 'high', 9: 'high' });
  });
});
