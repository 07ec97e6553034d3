/** How a score (likelihood × impact, 1–9) is named: 高 from 6, 中 from 3, 低 below. */
export type ScoreLevel = 'high' | 'medium' | 'low';

/** The level of a score, for its word and its fill. */
export function scoreLevel(score: number): ScoreLevel {
  if (score >= 6) return 'high';
  if (score >= 3) return 'medium';
  return 'low';
}
