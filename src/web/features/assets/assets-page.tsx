import '../../styles/assets.css';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { listWindow } from '../../../features/assets/asset-rules.js';
import { departmentsQuery } from '../../api/queries.js';
import { Pagination } from '../../components/pagination.js';
import { QueryState } from '../../components/query-state.js';
import { SuccessNotice } from '../../components/success-notice.js';
import { commonMessages } from '../../i18n/common-messages.js';
import { useMessages } from '../../i18n/locale-context.js';
import { Page } from '../../shell/page.js';
import { assetsQuery, classificationQuery, exportUrl, labelsPdfUrl } from './asset-api.js';
import type { AssetsSearch } from './asset-search.js';
import type { AssetList } from './asset-types.js';
import { AssetsFilter } from './assets-filter.js';
import { assetsMessages } from './assets-messages.js';
import { AssetsTable } from './assets-table.js';
import { BulkActionBar } from './bulk-action-bar.js';
import { LabelLookupForm } from './label-lookup-form.js';
import { SavedFilters } from './saved-filters.js';

const route = getRouteApi('/signed-in/ready/assets');

/**
 * 情報資産目録 (第2 3): the inventory the 責任者 keep — filters, sorting and pages in the URL; saved views;
 * bulk acts and label sheets for the reader's own 課等; downloads of the filtered register.
 */
export default function AssetsPage() {
  const t = useMessages(assetsMessages);
  const search = route.useSearch();
  const assets = useQuery(assetsQuery(search));
  const departments = useQuery(departmentsQuery);
  const scheme = useQuery(classificationQuery);
  const allowed = assets.data?.allowedActions ?? [];

  return (
    <Page
      title={t.assetsTitle}
      clauses={['2.1.1', '2.3', '2.4.1', '2.4.2.ア']}
      actions={
        <>
          {allowed.includes('create') ? (
            <Link to="/assets/new" className="button button-primary">
              {t.createAsset}
            </Link>
          ) : null}
          {allowed.includes('import') ? (
            <Link to="/assets/import" className="button button-secondary">
              {t.importAssets}
            </Link>
          ) : null}
        </>
      }
    >
      <p className="lead">{t.assetsLead}</p>
      <LabelLookupForm />
      <AssetsFilter search={search} departments={departments.data?.items ?? []} levels={scheme.data?.levels ?? []} />
      <SavedFilters search={search} />
      <QueryState query={assets}>{(list) => <AssetsResult list={list} search={search} loading={assets.isPlaceholderData} />}</QueryState>
    </Page>
  );
}

function AssetsResult({ list, search, loading }: { list: AssetList; search: AssetsSearch; loading: boolean }) {
  const t = useMessages(assetsMessages);
  const common = useMessages(commonMessages);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [bulkNotice, setBulkNotice] = useState<string | null>(null);
  const selectAllRef = useRef<HTMLInputElement>(null);

  // A selection belongs to the rows on screen: another page, filter or order starts afresh.
  const viewKey = JSON.stringify(search);
  useEffect(() => setSelected(new Set()), [viewKey]);

  const manageable = list.items.filter((item) => item.manageable).map((item) => item.id);
  const selectedIds = manageable.filter((id) => selected.has(id));
  const allSelected = manageable.length > 0 && selectedIds.length === manageable.length;
  useEffect(() => {
    if (selectAllRef.current) selectAllRef.current.indeterminate = selectedIds.length > 0 && !allSelected;
  }, [selectedIds.length, allSelected]);

  const toggle = (assetId: string, checked: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (checked) next.add(assetId);
      else next.delete(assetId);
      return next;
    });

  // Beyond the server's count cap the total is a lower bound: pages go on while they are full, up to the window.
  const pages = list.totalCapped ? Math.floor(listWindow / list.pageSize) : Math.max(1, Math.ceil(list.total / list.pageSize));
  const from = list.items.length === 0 ? 0 : (list.page - 1) * list.pageSize + 1;
  const to = (list.page - 1) * list.pageSize + list.items.length;
  const atWindowEnd = list.totalCapped && list.page >= pages;

  return (
    <>
      <div className="list-toolbar">
        <p className="result-count" role="status">
          {list.totalCapped ? t.showingMore(from, to, list.total) : common.showing(from, to, list.total)}
        </p>
        {list.total > 0 ? (
          <div className="downloads" role="group" aria-label={t.downloads} aria-describedby="export-hint">
            <span className="downloads-label" aria-hidden="true">
              {t.downloads}
            </span>
            <a href={exportUrl('xlsx', search)} download className="button button-secondary button-small" data-testid="export-xlsx">
              {t.exportXlsx}
            </a>
            <a href={exportUrl('csv', search)} download className="button button-secondary button-small" data-testid="export-csv">
              {t.exportCsv}
            </a>
            <a href={exportUrl('pdf', search)} download className="button button-secondary button-small" data-testid="export-pdf">
              {t.exportPdf}
            </a>
            <span id="export-hint" className="field-hint">
              {t.exportHint}
            </span>
          </div>
        ) : null}
      </div>
      {manageable.length > 0 ? (
        <div className="selection-tools">
          <label className="checkbox">
            <input
              ref={selectAllRef}
              type="checkbox"
              checked={allSelected}
              onChange={(event) => setSelected(event.target.checked ? new Set(manageable) : new Set())}
            />
            {t.selectAllOnPage}
          </label>
          <span role="status" className="selection-count">
            {t.selectedCount(selectedIds.length)}
          </span>
          {selectedIds.length > 0 ? (
            <>
              <a href={labelsPdfUrl(selectedIds)} className="button button-secondary button-small" data-testid="print-labels">
                {t.printLabelsCount(selectedIds.length)}
              </a>
              <button type="button" className="button button-tertiary button-small" onClick={() => setSelected(new Set())}>
                {t.clearSelection}
              </button>
            </>
          ) : null}
        </div>
      ) : null}
      {list.items.length === 0 ? (
        <p className="empty">{t.assetsEmpty}</p>
      ) : (
        <AssetsTable list={list} search={search} selected={selected} onToggle={toggle} busy={loading} />
      )}
      <SuccessNotice text={bulkNotice} />
      {manageable.length > 0 ? (
        <BulkActionBar
          selectedIds={selectedIds}
          onDone={(result) => {
            setSelected(new Set());
            setBulkNotice(result);
          }}
        />
      ) : null}
      {atWindowEnd ? <p className="field-hint">{t.windowEnd(listWindow)}</p> : null}
      {pages > 1 ? (
        <Pagination
          label={common.pagination}
          position={list.totalCapped ? t.pageAt(list.page) : common.pageOf(list.page, pages)}
          previous={list.page > 1 ? { to: '.', search: { ...search, page: list.page - 1 } } : null}
          next={list.page < pages ? { to: '.', search: { ...search, page: list.page + 1 } } : null}
        />
      ) : null}
    </>
  );
}
