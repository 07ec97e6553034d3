import { useMessages } from '../../i18n/locale-context.js';
import { ratingLabels, riskMessages } from './risk-messages.js';
import { scoreLevel } from '../../../features/risks/risk-fields.js';

/** A score with its level in words (高 / 中 / 低); the fill repeats the word, never replaces it. */
export function ScoreBadge({ score }: { score: number }) {
  const t = useMessages(riskMessages);
  const labels = useMessages(ratingLabels);
  const level = scoreLevel(score);
  return (
    <span className={`score score-${level}`}>
      <span className="visually-hidden">{t.score} </span>
      <span className="score-value">{score}</span>
      <span>{labels[level]}</span>
    </span>
  );
}
