import '../../styles/policy.css';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { Fragment, useId } from 'react';
import { QueryState } from '../../components/query-state.js';
import { commonMessages } from '../../i18n/common-messages.js';
import { formatDate } from '../../i18n/dates.js';
import { useLocale, useMessages } from '../../i18n/locale-context.js';
import { withParenthesis } from '../../i18n/parenthesis.js';
import { formatClauseNumber } from '../../shell/clauses.js';
import { Page } from '../../shell/page.js';
import { pickBilingual } from './bilingual.js';
import { clauseDetailQuery } from './policy-api.js';
import { clauseNumber, ComplianceBadge, KindBadge } from './policy-badges.js';
import { policyMessages } from './policy-messages.js';
import type { Capability, ClauseDetail, ClauseHistoryEntry, RoleRef } from '../../../features/policy/schemas.js';
import { diffText } from './text-diff.js';
import { usePageName } from './page-names.js';

const route = getRouteApi('/signed-in/ready/policy/clauses/$clauseId');

/** 条項の詳細: the exact text, who acts, what in Bansho implements it with live evidence, interpretation, history, users. */
export default function ClauseDetailPage() {
  const { clauseId } = route.useParams();
  const t = useMessages(policyMessages);
  const { locale } = useLocale();
  const detail = useQuery(clauseDetailQuery(clauseId));
  const clause = detail.data?.clause;
  const title = clause ? `${clauseNumber(clause, locale)}${clause.heading ? ` ${clause.heading}` : ''}` : clauseId;
  const breadcrumbs = [
    { label: t.breadcrumbsTop, to: '/policy/clauses' },
    ...(detail.data?.breadcrumbs ?? []).map((crumb) => ({
      label: `${clauseNumber(crumb, locale)}${crumb.heading ? ` ${crumb.heading}` : ''}`,
      to: `/policy/clauses/${encodeURIComponent(crumb.id)}`,
    })),
  ];

  return (
    <Page title={title} breadcrumbs={breadcrumbs} clauses={[clauseId]}>
      <QueryState query={detail}>{(data) => <ClauseDetailBody data={data} />}</QueryState>
    </Page>
  );
}

function roleList(roles: RoleRef[], locale: 'ja' | 'en') {
  return roles.map((role) => role.title[locale]).join('、');
}

function ClauseDetailBody({ data }: { data: ClauseDetail }) {
  const t = useMessages(policyMessages);
  const common = useMessages(commonMessages);
  const { locale } = useLocale();
  const { clause } = data;
  return (
    <>
      <dl className="details clause-facts">
        <div>
          <dt>{t.kind}</dt>
          <dd>
            <KindBadge kind={clause.kind} />
          </dd>
        </div>
        {clause.status ? (
          <div>
            <dt>{t.status}</dt>
            <dd>
              <ComplianceBadge status={clause.status} />
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t.actorRoles}</dt>
          <dd>{clause.actorRoles.length > 0 ? roleList(clause.actorRoles, locale) : common.none}</dd>
        </div>
        <div>
          <dt>{t.approverRoles}</dt>
          <dd>{clause.approverRoles.length > 0 ? roleList(clause.approverRoles, locale) : common.none}</dd>
        </div>
        {clause.otherActors.length > 0 ? (
          <div>
            <dt>{t.otherActors}</dt>
            <dd lang="ja">{clause.otherActors.join('、')}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t.version}</dt>
          <dd>
            <span lang="ja">{data.version.title}</span> {t.versionTitle(data.version.version)}
          </dd>
        </div>
      </dl>

      <section className="section" aria-labelledby="clause-text-heading">
        <h2 id="clause-text-heading">{t.clauseText}</h2>
        {clause.text ? (
          <blockquote className="clause-text" lang="ja" data-testid="clause-text">
            {clause.text}
          </blockquote>
        ) : (
          <p className="empty">{t.noText}</p>
        )}
        {clause.policyTextOnly ? (
          <div className="notice notice-info">
            <p className="notice-title">{t.policyTextOnly}</p>
            <p>{pickBilingual(clause.policyTextOnly, locale)}</p>
          </div>
        ) : null}
      </section>

      {data.children.length > 0 ? (
        <section className="section" aria-labelledby="clause-children-heading">
          <h2 id="clause-children-heading">{t.children}</h2>
          <ul className="clause-list">
            {data.children.map((child) => (
              <li key={child.id} className="clause-item">
                <Link to="/policy/clauses/$clauseId" params={{ clauseId: child.id }} className="clause-item-number">
                  {clauseNumber(child, locale)}
                </Link>
                <span className="clause-item-text" lang="ja">
                  {child.heading ? <strong>{child.heading}</strong> : child.text}
                </span>
                <span className="clause-item-badges">
                  <KindBadge kind={child.kind} />
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {clause.kind !== 'heading' ? <Implementation capabilities={clause.capabilities} /> : null}

      {clause.interpretation || data.interpretations.length > 0 ? (
        <section className="section" aria-labelledby="clause-interpretation-heading">
          <h2 id="clause-interpretation-heading">{t.interpretation}</h2>
          <p>{t.interpretationLead}</p>
          {clause.interpretation ? <p className="card interpretation">{pickBilingual(clause.interpretation, locale)}</p> : null}
          {data.interpretations.map((item) => (
            <article key={item.id} className="card interpretation">
              <h3 lang="ja">{item.title}</h3>
              <dl className="details">
                <div>
                  <dt>{t.issue}</dt>
                  <dd>{pickBilingual(item.issue, locale)}</dd>
                </div>
                <div>
                  <dt>{t.decision}</dt>
                  <dd>{pickBilingual(item.decision, locale)}</dd>
                </div>
                <div>
                  <dt>{t.clause}</dt>
                  <dd>
                    <ul className="inline-list">
                      {item.clauses.map((id) => (
                        <li key={id}>
                          <Link to="/policy/clauses/$clauseId" params={{ clauseId: id }}>
                            {formatClauseNumber(id, locale)}
                          </Link>
                        </li>
                      ))}
                    </ul>
                  </dd>
                </div>
              </dl>
            </article>
          ))}
        </section>
      ) : null}

      <History history={data.history} />
      <UsedBy usedBy={data.usedBy} />
    </>
  );
}

function Implementation({ capabilities }: { capabilities: Capability[] }) {
  const t = useMessages(policyMessages);
  const { locale } = useLocale();
  const pageName = usePageName();
  return (
    <section className="section" aria-labelledby="clause-implementation-heading">
      <h2 id="clause-implementation-heading">{t.implementation}</h2>
      <p>{t.implementationLead}</p>
      {capabilities.length === 0 ? (
        <p className="empty">{t.noCapabilities}</p>
      ) : (
        <ul className="capability-list">
          {capabilities.map((capability) => (
            <li key={capability.id} className="card capability">
              <p className="capability-title">
                <strong>
                  {capability.number}. {capability.title[locale]}
                </strong>{' '}
                <span className={capability.status === 'implemented' ? 'badge badge-active' : 'badge badge-disabled'}>
                  {capability.status === 'implemented' ? t.capabilityImplemented : t.capabilityPlanned}
                </span>
              </p>
              {capability.status === 'implemented' ? (
                <>
                  <p className="capability-evidence">
                    {t.evidence}: <strong data-testid={`evidence-${capability.id}`}>{t.evidenceCount(capability.evidenceCount)}</strong>
                  </p>
                  {capability.pages.length > 0 ? (
                    <ul className="inline-list">
                      {capability.pages.map((path) => (
                        <li key={path}>
                          <Link to={path}>{pageName(path)}</Link>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const historyStatusKey = {
  added: 'historyAdded',
  changed: 'historyChanged',
  unchanged: 'historyUnchanged',
  absent: 'historyAbsent',
} as const;

function History({ history }: { history: ClauseHistoryEntry[] }) {
  const t = useMessages(policyMessages);
  const display = useLocale();
  const captionId = useId();
  return (
    <section className="section" aria-labelledby="clause-history-heading">
      <h2 id="clause-history-heading">{t.history}</h2>
      <p>{t.historyLead}</p>
      <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className="table table-stack" data-testid="clause-history">
          <caption id={captionId}>{t.historyCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.version}</th>
              <th scope="col">{t.loadedAt}</th>
              <th scope="col">{t.status}</th>
              <th scope="col">{t.change}</th>
            </tr>
          </thead>
          <tbody>
            {history.map((entry, index) => {
              const previous = history.slice(0, index).reverse().find((e) => e.text !== null);
              return (
                <tr key={entry.versionId}>
                  <th scope="row" data-label={t.version}>
                    {entry.version} {entry.active ? <span className="tag tag-current">{t.inForce}</span> : null}
                  </th>
                  <td data-label={t.loadedAt}>{formatDate(entry.loadedAt, display, { withTime: true })}</td>
                  <td data-label={t.status}>
                    <span className={`badge badge-history-${entry.status}`}>{t[historyStatusKey[entry.status]]}</span>
                  </td>
                  <td data-label={t.change} lang="ja">
                    {entry.status === 'changed' && previous?.text != null && entry.text != null ? (
                      <TextDiff before={previous.text} after={entry.text} />
                    ) : entry.status === 'added' ? (
                      (entry.text ?? '')
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Deleted and inserted characters, marked with <del>/<ins> and named for screen readers (not colour alone). */
function TextDiff({ before, after }: { before: string; after: string }) {
  const t = useMessages(policyMessages);
  return (
    <p className="text-diff">
      {diffText(before, after).map((piece, index) => (
        <Fragment key={index}>
          {piece.type === 'same' ? (
            piece.text
          ) : piece.type === 'deleted' ? (
            <del>
              <span className="visually-hidden">[{t.deleted}: </span>
              {piece.text}
              <span className="visually-hidden">]</span>
            </del>
          ) : (
            <ins>
              <span className="visually-hidden">[{t.inserted}: </span>
              {piece.text}
              <span className="visually-hidden">]</span>
            </ins>
          )}
        </Fragment>
      ))}
    </p>
  );
}

function UsedBy({ usedBy }: { usedBy: ClauseDetail['usedBy'] }) {
  const t = useMessages(policyMessages);
  const { locale } = useLocale();
  const empty = usedBy.roles.length + usedBy.requestTypes.length + usedBy.duties.length + usedBy.lists.length === 0;
  return (
    <section className="section" aria-labelledby="clause-used-heading">
      <h2 id="clause-used-heading">{t.usedBy}</h2>
      {empty ? (
        <p className="empty">{t.nothingUses}</p>
      ) : (
        <dl className="details">
          {usedBy.roles.length > 0 ? (
            <div>
              <dt>{t.usedByRoles}</dt>
              <dd>{roleList(usedBy.roles, locale)}</dd>
            </div>
          ) : null}
          {usedBy.requestTypes.length > 0 ? (
            <div>
              <dt>{t.requestTypes}</dt>
              <dd>
                <ul className="plain-list">
                  {usedBy.requestTypes.map((type) => (
                    <li key={type.id}>
                      {type.title[locale]}
                      {type.enabled ? '' : ` ${t.disabledType}`}
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          ) : null}
          {usedBy.duties.length > 0 ? (
            <div>
              <dt>{t.duties}</dt>
              <dd>
                <ul className="plain-list">
                  {usedBy.duties.map((duty) => (
                    <li key={duty.id}>
                      {withParenthesis(duty.title[locale], [duty.role.title[locale], duty.interval].filter(Boolean).join(' / '), locale)}
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          ) : null}
          {usedBy.lists.length > 0 ? (
            <div>
              <dt>{t.lists}</dt>
              <dd>
                <ul className="plain-list">
                  {usedBy.lists.map((list) => (
                    <li key={list.id}>{list.title?.[locale] ?? list.id}</li>
                  ))}
                </ul>
              </dd>
            </div>
          ) : null}
        </dl>
      )}
    </section>
  );
}
