import { useMessages } from '../../i18n/locale-context.js';
import { ratingLabels, riskMessages } from './risk-messages.js';
import { ratings, riskScore, scoreLevel } from '../../../features/risks/risk-fields.js';

/**
 * The 3 × 3 summary of the filtered register: likelihood down (高 at the top), impact across. A table, so a
 * screen reader reads each cell with its row and column; the count and score are text, the fill repeats them.
 */
export function RiskHeatMap({ heat }: { heat: number[][] }) {
  const t = useMessages(riskMessages);
  const labels = useMessages(ratingLabels);
  return (
    <section className="heat-section" aria-labelledby="heat-heading">
      <h2 id="heat-heading" className="heat-heading">
        {t.heatCaption}
      </h2>
      <p className="field-hint">{t.heatHint}</p>
      <table className="heat-map" aria-labelledby="heat-heading">
        <thead>
          <tr>
            <td />
            <th scope="colgroup" colSpan={3} className="heat-axis">
              {t.impact}
            </th>
          </tr>
          <tr>
            <th scope="col" className="heat-axis">
              {t.likelihood}
            </th>
            {ratings.map((impact) => (
              <th key={impact} scope="col">
                {impact} {labels[impact]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[...ratings].reverse().map((likelihood) => (
            <tr key={likelihood}>
              <th scope="row">
                {likelihood} {labels[likelihood]}
              </th>
              {ratings.map((impact) => {
                const score = riskScore(likelihood, impact);
                const count = heat[likelihood - 1]?.[impact - 1] ?? 0;
                return (
                  // An empty cell keeps its score's outline but no fill: the eye goes to where entries are.
                  <td key={impact} className={count > 0 ? `score-${scoreLevel(score)}` : `score-${scoreLevel(score)} heat-empty`}>
                    <span className="heat-count" aria-hidden="true">
                      {count}
                    </span>
                    <span className="heat-score" aria-hidden="true">
                      {t.score} {score}
                    </span>
                    <span className="visually-hidden">{t.heatCell(count, score)}</span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
