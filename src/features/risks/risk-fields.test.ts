import { describe, expect, it } from 'vitest';
import { isRating, maxRiskScore, ratings, riskScore, riskScores, scoreLevel } from './risk-fields.js';

describe('scoreLevel', () => {
  it('names every product of two ratings from 1 to 3', () => {
    const levels = ratings.flatMap((l) => ratings.map((i) => [riskScore(l, i), scoreLevel(riskScore(l, i))]));
    expect(Object.fromEntries(levels)).toEqual({ 1: 'low', 2: 'low', 3: 'medium', 4: 'medium', 6: 'high', 9: 'high' });
  });
});

describe('the rating scale', () => {
  it('has the scores two ratings can make, up to 9', () => {
    expect([riskScores, maxRiskScore]).toEqual([[1, 2, 3, 4, 6, 9], 9]);
  });

  it('knows its ratings', () => {
    expect([1, 2, 3, 0, 4, 1.5, '2', null].map(isRating)).toEqual([true, true, true, false, false, false, false, false]);
  });
});
