import { Link } from '@tanstack/react-router';
import { formatDate } from '../../i18n/dates.js';
import { useLocale, useMessages } from '../../i18n/locale-context.js';
import { ratingLabels, riskMessages, riskStatusLabels } from './risk-messages.js';
import { RiskSubject } from './risk-subject.js';
import type { RiskList } from '../../../features/risks/schemas.js';
import { ScoreBadge } from './score-badge.js';

/** The entries of one page, highest score first: a table on wide screens, stacked cards on a phone. */
export function RisksTable({ list }: { list: RiskList }) {
  const t = useMessages(riskMessages);
  const statuses = useMessages(riskStatusLabels);
  const ratingsText = useMessages(ratingLabels);
  const display = useLocale();
  return (
    <table className="table table-stack">
      <caption>{t.risksCaption(list.total)}</caption>
      <thead>
        <tr>
          <th scope="col">{t.threat}</th>
          <th scope="col">{t.score}</th>
          <th scope="col">{t.subject}</th>
          <th scope="col">{t.department}</th>
          <th scope="col">{t.likelihood}</th>
          <th scope="col">{t.impact}</th>
          <th scope="col">{t.status}</th>
          <th scope="col">{t.reviewDue}</th>
        </tr>
      </thead>
      <tbody>
        {list.items.map((risk) => (
          <tr key={risk.id}>
            <th scope="row" data-label={t.threat}>
              <Link to="/risks/$riskId" params={{ riskId: risk.id }} className="user-link">
                {risk.threat.title[display.locale]}
              </Link>
            </th>
            <td data-label={t.score}>
              <ScoreBadge score={risk.score} />
            </td>
            <td data-label={t.subject}>
              <RiskSubject risk={risk} />
            </td>
            <td data-label={t.department}>{risk.departmentName}</td>
            <td data-label={t.likelihood}>
              {risk.likelihood} {ratingsText[risk.likelihood]}
            </td>
            <td data-label={t.impact}>
              {risk.impact} {ratingsText[risk.impact]}
            </td>
            <td data-label={t.status}>{statuses[risk.status]}</td>
            <td data-label={t.reviewDue}>{risk.reviewDue ? formatDate(risk.reviewDue, display) : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
