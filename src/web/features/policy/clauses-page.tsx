import '../../styles/policy.css';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useEffect, useId, useMemo, useState } from 'react';
import { policyClausesQuery, policyQuery } from '../../api/queries.js';
import { FilterDisclosure } from '../../components/filter-disclosure.js';
import { QueryState } from '../../components/query-state.js';
import { commonMessages } from '../../i18n/common-messages.js';
import { useLocale, useMessages } from '../../i18n/locale-context.js';
import { Page } from '../../shell/page.js';
import { capabilitiesQuery, clauseSearchQuery } from './policy-api.js';
import { clauseNumber, ComplianceBadge, KindBadge } from './policy-badges.js';
import { kindLabels, policyMessages } from './policy-messages.js';
import { clauseSearchMaxLength } from '../../../features/policy/clause-fields.js';
import type { ClauseListItem } from '../../../features/policy/schemas.js';

const route = getRouteApi('/signed-in/ready/policy/clauses');

/** Typing pauses this long before the search runs: one request per word, not per keystroke. */
const searchDelay = 300;

/** 対策基準（条項ブラウザ）: every clause by 第N, searchable (Japanese substrings) and filtered by kind, capability, role. */
export default function ClausesPage() {
  const t = useMessages(policyMessages);
  const common = useMessages(commonMessages);
  const { locale } = useLocale();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const filtered = Boolean(search.q ?? search.kind ?? search.capability ?? search.role);
  const all = useQuery(policyClausesQuery);
  const matches = useQuery({ ...clauseSearchQuery(search), enabled: filtered });
  const capabilities = useQuery(capabilitiesQuery);
  const policy = useQuery(policyQuery);
  const searchId = useId();

  const [text, setText] = useState(search.q ?? '');
  // Back/forward changes the URL under the box: show the words that produced the list.
  useEffect(() => setText((current) => (current.trim() === (search.q ?? '') ? current : (search.q ?? ''))), [search.q]);
  useEffect(() => {
    const q = text.trim() || undefined;
    if (q === search.q) return;
    const timer = setTimeout(() => void navigate({ search: (previous) => ({ ...previous, q }), replace: true }), searchDelay);
    return () => clearTimeout(timer);
  }, [text, search.q, navigate]);

  const setFilter = (key: 'kind' | 'capability' | 'role', value: string) =>
    void navigate({ search: (previous) => ({ ...previous, [key]: value || undefined }) });

  const shown = filtered ? matches : all;
  const total = all.data?.total ?? 0;
  const count = shown.data?.total ?? 0;
  const ready = !shown.isPending && !(filtered && matches.isFetching && matches.isPlaceholderData);

  return (
    <Page title={t.clausesTitle} clauses={['1', '7.4']}>
      <p className="lead">{t.clausesLead}</p>
      <FilterDisclosure label={t.filterHeading} active={filtered}>
        <form role="search" aria-label={t.filterHeading} className="filter filter-wide" onSubmit={(event) => event.preventDefault()}>
          <div className="field field-search">
            <label htmlFor={searchId} className="field-label">
              {t.searchText}
            </label>
            <div id={`${searchId}-hint`} className="field-hint">
              {t.searchHint}
            </div>
            <input
              id={searchId}
              type="search"
              value={text}
              maxLength={clauseSearchMaxLength}
              autoComplete="off"
              aria-describedby={`${searchId}-hint`}
              onChange={(event) => setText(event.target.value)}
            />
          </div>
          <FilterSelect
            label={t.kind}
            value={search.kind ?? ''}
            onChange={(value) => setFilter('kind', value)}
            options={Object.entries(kindLabels).map(([value, label]) => ({ value, label: label[locale] }))}
          />
          <FilterSelect
            label={t.capability}
            value={search.capability ?? ''}
            onChange={(value) => setFilter('capability', value)}
            options={(capabilities.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.number}. ${c.title[locale]}` }))}
          />
          <FilterSelect
            label={t.role}
            value={search.role ?? ''}
            onChange={(value) => setFilter('role', value)}
            options={(policy.data?.roles ?? []).map((r) => ({ value: r.role, label: r.title[locale] }))}
          />
          <div className="filter-actions">
            <button
              type="button"
              className="button button-tertiary"
              onClick={() => {
                setText('');
                void navigate({ search: {} });
              }}
            >
              {common.clear}
            </button>
          </div>
        </form>
      </FilterDisclosure>
      {/* Always in the page, so screen readers announce each new count as the search narrows. */}
      <p className="result-count" role="status">
        {ready ? (filtered ? t.resultCount(count, total) : t.resultCount(total, total)) : ''}
      </p>
      <QueryState query={shown}>
        {(list) =>
          list.items.length === 0 ? (
            <p className="empty">{t.noMatch}</p>
          ) : (
            <ClauseTree items={list.items} all={all.data?.items ?? []} openAll={filtered} key={filtered ? 'filtered' : 'all'} />
          )
        }
      </QueryState>
    </Page>
  );
}

function FilterSelect({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
}) {
  const id = useId();
  const common = useMessages(commonMessages);
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{common.all}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The clauses grouped by 第N, each group folding away; a search opens every group that has matches. */
function ClauseTree({ items, all, openAll }: { items: ClauseListItem[]; all: ClauseListItem[]; openAll: boolean }) {
  const t = useMessages(policyMessages);
  const { locale } = useLocale();
  const [open, setOpen] = useState<Record<string, boolean>>({});
  const parts = useMemo(() => {
    const groups = new Map<string, ClauseListItem[]>();
    for (const item of items) {
      const part = item.id.split('.')[0] ?? item.id;
      groups.set(part, [...(groups.get(part) ?? []), item]);
    }
    return [...groups.entries()].map(([part, members]) => ({
      part,
      top: all.find((clause) => clause.id === part) ?? members.find((clause) => clause.id === part),
      members: members.filter((clause) => clause.id !== part),
    }));
  }, [items, all]);

  const isOpen = (part: string) => open[part] ?? openAll;
  const setEvery = (value: boolean) => setOpen(Object.fromEntries(parts.map(({ part }) => [part, value])));

  return (
    <>
      <div className="tree-tools">
        <button type="button" className="button button-tertiary button-small" onClick={() => setEvery(true)}>
          {t.expandAll}
        </button>
        <button type="button" className="button button-tertiary button-small" onClick={() => setEvery(false)}>
          {t.collapseAll}
        </button>
      </div>
      <div className="clause-tree" aria-label={t.treeLabel} role="group">
        {parts.map(({ part, top, members }) => (
          <details
            key={part}
            className="clause-part"
            open={isOpen(part)}
            onToggle={(event) => {
              const next = event.currentTarget.open;
              if (next !== isOpen(part)) setOpen((current) => ({ ...current, [part]: next }));
            }}
          >
            <summary>
              <span className="clause-part-label">{top ? clauseNumber(top, locale) : part}</span>{' '}
              {top?.heading ? <span lang="ja">{top.heading}</span> : null}{' '}
              <span className="clause-part-count">({t.partClauses(members.length)})</span>
            </summary>
            {top && items.includes(top) ? (
              <p className="clause-part-link">
                <Link to="/policy/clauses/$clauseId" params={{ clauseId: top.id }}>
                  {t.openClause}: {clauseNumber(top, locale)}
                </Link>
              </p>
            ) : null}
            <ul className="clause-list">
              {members.map((clause) => (
                <ClauseRow key={clause.id} clause={clause} />
              ))}
            </ul>
          </details>
        ))}
      </div>
    </>
  );
}

/** One clause of the tree: number (a link), heading or the start of its text, kind and status. */
function ClauseRow({ clause }: { clause: ClauseListItem }) {
  const { locale } = useLocale();
  const excerpt = clause.text.length > 70 ? `${clause.text.slice(0, 70)}…` : clause.text;
  return (
    <li className={`clause-item clause-depth-${Math.min(clause.depth, 6)}${clause.kind === 'heading' ? ' clause-item-heading' : ''}`}>
      <Link to="/policy/clauses/$clauseId" params={{ clauseId: clause.id }} className="clause-item-number">
        {clauseNumber(clause, locale)}
      </Link>
      <span className="clause-item-text" lang="ja">
        {clause.heading ? <strong>{clause.heading}</strong> : null}
        {clause.kind !== 'heading' && !clause.heading ? excerpt : null}
      </span>
      <span className="clause-item-badges">
        <KindBadge kind={clause.kind} />
        {clause.status ? <ComplianceBadge status={clause.status} /> : null}
      </span>
    </li>
  );
}
