/**
 * What an entry of the risk register (リスク分析, 第2 2) may hold: its rating scale and score, its states and the
 * length of its texts. The table's CHECKs say the same; the server's schemas and the web's forms and heat map
 * both read them here. (No server-only imports: the web bundles this file.)
 */

/** 1 低, 2 中, 3 高: the register rates likelihood and impact on a three-step scale. */
export const ratings = [1, 2, 3] as const;
export type Rating = (typeof ratings)[number];

/** Is this one of the scale's ratings? */
export function isRating(value: unknown): value is Rating {
  return (ratings as readonly unknown[]).includes(value);
}

/** An entry's score: likelihood × impact (the table stores the same product as a generated column). */
export function riskScore(likelihood: Rating, impact: Rating): number {
  return likelihood * impact;
}

/** Every score two ratings make, lowest first (1, 2, 3, 4, 6, 9). */
export const riskScores: readonly number[] = [...new Set(ratings.flatMap((likelihood) => ratings.map((impact) => riskScore(likelihood, impact))))].sort((a, b) => a - b);

/** The highest score an entry can have. */
export const maxRiskScore = riskScore(3, 3);

/** How a score is named: 高 from 6, 中 from 3, 低 below. */
export type ScoreLevel = 'high' | 'medium' | 'low';

/** The level of a score, for its word and its fill. */
export function scoreLevel(score: number): ScoreLevel {
  if (score >= 6) return 'high';
  if (score >= 3) return 'medium';
  return 'low';
}

/** 未対応 / 対策済み / 受容 / 終了. */
export const riskStatuses = ['open', 'treated', 'accepted', 'closed'] as const;
export type RiskStatus = (typeof riskStatuses)[number];

/** The longest texts an entry holds. */
export const riskTextLimits = { assetGroup: 200, threatId: 60, description: 2000, countermeasures: 4000, responseProcedure: 4000 } as const;
