import '../../styles/media-risks.css';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { departmentsQuery } from '../../api/queries.js';
import { PagedList } from '../../components/paged-list.js';
import { QueryState } from '../../components/query-state.js';
import { useMessages } from '../../i18n/locale-context.js';
import { Page } from '../../shell/page.js';
import { risksQuery, threatsQuery } from './risk-api.js';
import { RiskHeatMap } from './risk-heat-map.js';
import { riskMessages } from './risk-messages.js';
import { RisksFilter } from './risks-filter.js';
import { RisksTable } from './risks-table.js';

const route = getRouteApi('/signed-in/ready/risks');

/** リスク分析の台帳 (第2 2): the 3 × 3 summary, filters, and the entries by score, highest first. */
export function RisksPage() {
  const t = useMessages(riskMessages);
  const search = route.useSearch();
  const risks = useQuery(risksQuery(search));
  const departments = useQuery(departmentsQuery);
  const threats = useQuery(threatsQuery);

  return (
    <Page
      title={t.risksTitle}
      clauses={['2.2', '1.3']}
      actions={
        risks.data?.allowedActions.includes('create') ? (
          <Link to="/risks/new" search={{ departmentId: search.departmentId, assetId: search.assetId }} className="button button-primary">
            {t.recordRisk}
          </Link>
        ) : null
      }
    >
      <p className="lead">{t.risksLead}</p>
      <RisksFilter search={search} departments={departments.data?.items ?? []} threats={threats.data ?? null} />
      {search.assetId ? (
        <p className="active-filter">
          <span className="tag">{t.assetFilter}</span>
          <Link to="/risks" search={{ ...search, assetId: undefined, page: undefined }}>
            {t.clearAssetFilter}
          </Link>
        </p>
      ) : null}
      <QueryState query={risks}>
        {(list) => (
          <>
            <RiskHeatMap heat={list.heat} />
            <PagedList list={list} pageLink={(page) => ({ to: '.', search: { ...search, page } })} empty={t.risksEmpty}>
              <RisksTable list={list} />
            </PagedList>
          </>
        )}
      </QueryState>
    </Page>
  );
}
