import '../../styles/policy.css';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useId, useMemo } from 'react';
import { QueryState } from '../../components/query-state.js';
import { commonMessages } from '../../i18n/common-messages.js';
import { formatDate } from '../../i18n/dates.js';
import { useLocale, useMessages } from '../../i18n/locale-context.js';
import { Page } from '../../shell/page.js';
import { pickBilingual } from './bilingual.js';
import { complianceQuery, complianceXlsxUrl, oscalUrl, versionsQuery } from './policy-api.js';
import { clauseNumber, ComplianceBadge, KindBadge } from './policy-badges.js';
import { policyMessages, statusLabels } from './policy-messages.js';
import type { ComplianceSearch } from './policy-search.js';
import type { ComplianceStatus } from '../../../features/policy/clause-fields.js';
import type { ComplianceMap, PolicyVersion } from '../../../features/policy/schemas.js';

const route = getRouteApi('/signed-in/ready/policy/compliance');
const statusOrder = Object.keys(statusLabels) as ComplianceStatus[];

/** 準拠状況（コンプライアンスマップ）: every normative clause, the capability that implements it and its evidence. */
export default function CompliancePage() {
  const t = useMessages(policyMessages);
  const compliance = useQuery(complianceQuery);

  return (
    <Page
      title={t.complianceTitle}
      clauses={['6.1', '7.4']}
      actions={
        <>
          <a href={complianceXlsxUrl} download className="button button-primary" data-testid="download-xlsx">
            {t.downloadXlsx}
          </a>
          <a href={oscalUrl} download className="button button-secondary" data-testid="download-oscal">
            {t.downloadOscal}
          </a>
        </>
      }
    >
      <p className="lead">{t.complianceLead}</p>
      <QueryState query={compliance}>{(map) => <ComplianceBody map={map} />}</QueryState>
      <Versions />
    </Page>
  );
}

function ComplianceBody({ map }: { map: ComplianceMap }) {
  const t = useMessages(policyMessages);
  const common = useMessages(commonMessages);
  const { locale } = useLocale();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const captionId = useId();
  const statusId = useId();
  const capabilityId = useId();

  const rows = useMemo(
    () =>
      map.items.filter(
        (item) =>
          (!search.status || item.status === search.status) &&
          (!search.capability || item.capabilities.some((c) => c.id === search.capability)),
      ),
    [map.items, search.status, search.capability],
  );

  const setFilter = (next: ComplianceSearch) =>
    void navigate({ search: (previous) => ({ ...previous, ...next }) });

  return (
    <>
      <section className="section" aria-labelledby="compliance-summary-heading">
        <h2 id="compliance-summary-heading">{t.summaryHeading}</h2>
        <ul className="summary-counts">
          <li className="summary-count">
            <span className="summary-count-label">{t.summaryTotal}</span>
            <span className="summary-count-value">{map.summary.total}</span>
          </li>
          {statusOrder.map((status) => (
            <li key={status} className={`summary-count summary-count-${status}`}>
              <span className="summary-count-label">{statusLabels[status][locale]}</span>
              <span className="summary-count-value">{map.summary.byStatus[status]}</span>
            </li>
          ))}
        </ul>
      </section>

      <form role="search" aria-label={t.filterHeading} className="filter filter-inline" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor={statusId} className="field-label">
            {t.status}
          </label>
          <select id={statusId} value={search.status ?? ''} onChange={(event) => setFilter({ status: (event.target.value || undefined) as ComplianceStatus | undefined })}>
            <option value="">{common.all}</option>
            {statusOrder.map((status) => (
              <option key={status} value={status}>
                {statusLabels[status][locale]}（{map.summary.byStatus[status]}）
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={capabilityId} className="field-label">
            {t.capability}
          </label>
          <select id={capabilityId} value={search.capability ?? ''} onChange={(event) => setFilter({ capability: event.target.value || undefined })}>
            <option value="">{common.all}</option>
            {map.capabilities.map((capability) => (
              <option key={capability.id} value={capability.id}>
                {capability.number}. {capability.title[locale]}（{capability.clauseCount}）
              </option>
            ))}
          </select>
        </div>
      </form>
      <p className="result-count" role="status">
        {t.resultCount(rows.length, map.summary.total)}
      </p>

      <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className="table table-stack table-compliance" data-testid="compliance-table">
          <caption id={captionId}>
            {t.complianceCaption(rows.length)}
            <span className="caption-hint scroll-hint">{t.scrollHint}</span>
          </caption>
          <thead>
            <tr>
              <th scope="col">{t.clause}</th>
              <th scope="col">{t.heading}</th>
              <th scope="col">{t.kind}</th>
              <th scope="col">{t.capability}</th>
              <th scope="col">{t.status}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((item) => (
              <tr key={item.id}>
                <th scope="row" data-label={t.clause} className="nowrap">
                  <Link to="/policy/clauses/$clauseId" params={{ clauseId: item.id }}>
                    {clauseNumber(item, locale)}
                  </Link>
                </th>
                <td data-label={t.heading} lang="ja">
                  {item.heading ? <strong>{item.heading}</strong> : item.text.length > 60 ? `${item.text.slice(0, 60)}…` : item.text}
                </td>
                <td data-label={t.kind}>
                  <KindBadge kind={item.kind} />
                </td>
                <td data-label={t.capability}>
                  {item.capabilities.length === 0 ? (
                    '—'
                  ) : (
                    <ul className="plain-list">
                      {item.capabilities.map((capability) => (
                        <li key={capability.id}>
                          {capability.number}. {capability.title[locale]}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td data-label={t.status}>
                  <ComplianceBadge status={item.status} />
                  {item.status === 'evidence-recorded' ? <span className="evidence-count">{t.evidenceCount(item.evidenceCount)}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** The loaded versions, the one in force marked, each with its 附則 (dates in 西暦 or 和暦 as the user prefers). */
function Versions() {
  const t = useMessages(policyMessages);
  const versions = useQuery(versionsQuery);
  return (
    <section className="section" aria-labelledby="versions-heading" id="versions">
      <h2 id="versions-heading">{t.versionsHeading}</h2>
      <p>{t.versionsLead}</p>
      <QueryState query={versions}>
        {(list) => (
          <>
            {list.items.map((version) => (
              <VersionCard key={version.id} version={version} />
            ))}
          </>
        )}
      </QueryState>
    </section>
  );
}

function VersionCard({ version }: { version: PolicyVersion }) {
  const t = useMessages(policyMessages);
  const display = useLocale();
  const { locale } = display;
  const captionId = useId();
  const day = (value?: string) => (value ? formatDate(`${value}T00:00:00+09:00`, display) : '—');
  return (
    <article className="card version-card" data-testid="policy-version">
      <h3>
        <span lang="ja">{version.title}</span> {t.versionTitle(version.version)}{' '}
        <span className={version.active ? 'tag tag-current' : 'tag'}>{version.active ? t.inForce : t.notActive}</span>
      </h3>
      <dl className="details">
        <div>
          <dt>{t.loadedAt}</dt>
          <dd>{formatDate(version.loadedAt, display, { withTime: true })}</dd>
        </div>
        <div>
          <dt>{t.clause}</dt>
          <dd>{t.clauseCount(version.clauseCount)}</dd>
        </div>
        <div>
          <dt>{t.contentHash}</dt>
          <dd>
            <code className="hash">{version.contentHash}</code>
          </dd>
        </div>
      </dl>
      <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className="table table-stack">
          <caption id={captionId}>{t.amendmentsCaption(version.version)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.amendmentId}</th>
              <th scope="col">{t.issued}</th>
              <th scope="col">{t.number}</th>
              <th scope="col">{t.effective}</th>
              <th scope="col">{t.note}</th>
            </tr>
          </thead>
          <tbody>
            {version.amendments.map((amendment) => (
              <tr key={amendment.id}>
                <th scope="row" data-label={t.amendmentId} lang="ja">
                  {amendment.id}
                </th>
                <td data-label={t.issued}>{day(amendment.issued)}</td>
                <td data-label={t.number} lang="ja">
                  {amendment.number ?? '—'}
                </td>
                <td data-label={t.effective}>{day(amendment.effective)}</td>
                <td data-label={t.note}>{amendment.note ? pickBilingual(amendment.note, locale) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </article>
  );
}
