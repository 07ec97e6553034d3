import '../../styles/media-risks.css';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { QueryState } from '../../components/query-state.js';
import { useLocale, useMessages } from '../../i18n/locale-context.js';
import { Page } from '../../shell/page.js';
import { riskQuery } from './risk-api.js';
import { RiskAnalysisSection } from './risk-analysis-section.js';
import { riskMessages, riskStatusLabels } from './risk-messages.js';
import { ScoreBadge } from './score-badge.js';

const route = getRouteApi('/signed-in/ready/risks/$riskId');

/** One entry of the risk register: the analysis, revised in place by the 課等's officer. */
export function RiskDetailPage() {
  const t = useMessages(riskMessages);
  const statuses = useMessages(riskStatusLabels);
  const { locale } = useLocale();
  const { riskId } = route.useParams();
  const detail = useQuery(riskQuery(riskId));

  return (
    <QueryState query={detail}>
      {(data) => (
        <Page
          title={t.riskTitle(data.risk.threat.title[locale])}
          breadcrumbs={[{ label: t.risksTitle, to: '/risks' }]}
          meta={
            <>
              <ScoreBadge score={data.risk.score} />
              <span className="tag">{statuses[data.risk.status]}</span>
              <span>{data.risk.departmentName}</span>
            </>
          }
          clauses={['2.2', '1.3']}
        >
          <RiskAnalysisSection detail={data} />
          <p className="back-link">
            <Link to="/risks">{t.backToRisks}</Link>
          </p>
        </Page>
      )}
    </QueryState>
  );
}
