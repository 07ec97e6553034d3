import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { formatDate } from '../../i18n/dates.js';
import { useLocale, useMessages } from '../../i18n/locale-context.js';
import { formatDay, kindLabel, useLevelTitle } from './asset-labels.js';
import { ariaSort, nextSort, type AssetsSearch } from './asset-search.js';
import type { AssetList, AssetSort } from './asset-types.js';
import { AssetStatusBadge } from './asset-badges.js';
import { assetsMessages } from './assets-messages.js';

interface AssetsTableProps {
  list: AssetList;
  search: AssetsSearch;
  selected: ReadonlySet<string>;
  onToggle: (assetId: string, checked: boolean) => void;
  /** The previous page is still shown while the next loads. */
  busy: boolean;
}

/**
 * One page of the inventory: a table on wide screens, stacked cards on a phone (.table-stack). Column headers
 * sort on the server (links, so the order is in the URL) and say how they sort (aria-sort). Rows the reader
 * manages have a checkbox for bulk acts and label printing.
 */
export function AssetsTable({ list, search, selected, onToggle, busy }: AssetsTableProps) {
  const t = useMessages(assetsMessages);
  const display = useLocale();
  const levelTitle = useLevelTitle();
  const selectable = list.items.some((item) => item.manageable);

  const header = (column: AssetSort, label: string): ReactNode => (
    <th scope="col" aria-sort={ariaSort(search, column)}>
      <Link to="/assets" search={nextSort(search, column)} className="sort-link">
        {label}
        <span className="visually-hidden">{t.sortHint}</span>
        <span className="sort-indicator" aria-hidden="true">
          {ariaSort(search, column) === 'ascending' ? '▲' : ariaSort(search, column) === 'descending' ? '▼' : '↕'}
        </span>
      </Link>
    </th>
  );

  return (
    <table className="table table-stack asset-table" aria-busy={busy || undefined}>
      <caption>{t.assetsCaption(list.total)}</caption>
      <thead>
        <tr>
          {selectable ? (
            <th scope="col">
              <span className="visually-hidden">{t.select}</span>
            </th>
          ) : null}
          {header('name', t.name)}
          <th scope="col">{t.labelCode}</th>
          {header('kind', t.kind)}
          {header('department', t.department)}
          {header('class', t.classLevel)}
          <th scope="col">{t.location}</th>
          {header('status', t.status)}
          {header('reviewDue', t.reviewDue)}
          {header('updated', t.updatedAt)}
        </tr>
      </thead>
      <tbody>
        {list.items.map((asset) => (
          <tr key={asset.id} className={selected.has(asset.id) ? 'is-selected' : undefined}>
            {selectable ? (
              <td className="cell-select">
                {asset.manageable ? (
                  <input
                    type="checkbox"
                    className="row-checkbox"
                    checked={selected.has(asset.id)}
                    aria-label={t.selectAsset(asset.name)}
                    onChange={(event) => onToggle(asset.id, event.target.checked)}
                  />
                ) : null}
              </td>
            ) : null}
            <th scope="row" data-label={t.name}>
              <Link to="/assets/$assetId" params={{ assetId: asset.id }} className="user-link">
                {asset.name}
              </Link>
            </th>
            <td data-label={t.labelCode} className="nowrap">
              <span className="code">{asset.labelCode}</span>
            </td>
            <td data-label={t.kind}>{kindLabel(asset.kind, t)}</td>
            <td data-label={t.department}>{asset.departmentName}</td>
            <td data-label={t.classLevel}>
              {/* One child: on a phone the cell is a label/value grid, and the tag belongs with the value. */}
              <span>
                {levelTitle(asset.classLevel)}
                {asset.restricted ? <span className="tag tag-restricted">{t.restrictedMark}</span> : null}
              </span>
            </td>
            <td data-label={t.location}>{asset.location || '—'}</td>
            <td data-label={t.status}>
              <AssetStatusBadge status={asset.status} />
            </td>
            <td data-label={t.reviewDue} className="nowrap">
              {asset.reviewDue ? formatDay(asset.reviewDue, display) : '—'}
            </td>
            <td data-label={t.updatedAt} className="nowrap">
              {formatDate(asset.updatedAt, display)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
