import { useNavigate } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { assetKinds, assetSorts, assetStatuses, type AssetSort } from '../../../features/assets/asset-rules.js';
import type { Department } from '../../api/types.js';
import { FilterDisclosure } from '../../components/filter-disclosure.js';
import { SelectField } from '../../components/select-field.js';
import { TextField } from '../../components/text-field.js';
import { commonMessages } from '../../i18n/common-messages.js';
import { useLocale, useMessages } from '../../i18n/locale-context.js';
import { departmentOptions } from '../organisation/department-order.js';
import { kindLabel, orderedLevels, statusLabel } from './asset-labels.js';
import { parseAssetsSearch, type AssetsSearch } from './asset-search.js';
import type { ClassificationLevel } from './asset-types.js';
import { assetsMessages } from './assets-messages.js';

interface FilterValues {
  q: string;
  departmentId: string;
  classLevel: string;
  kind: string;
  status: string;
  location: string;
  /** `column:order`, e.g. `reviewDue:asc`: on a phone the column headers are hidden, so sorting is chosen here. */
  sort: string;
}

function toValues(search: AssetsSearch): FilterValues {
  return {
    q: search.q ?? '',
    departmentId: search.departmentId ?? '',
    classLevel: search.classLevel ?? '',
    kind: search.kind ?? '',
    status: search.status ?? '',
    location: search.location ?? '',
    sort: `${search.sort ?? 'name'}:${search.order ?? 'asc'}`,
  };
}

/** The inventory's filters; searching writes them to the URL (page 1), which drives the query. */
export function AssetsFilter({
  search,
  departments,
  levels,
}: {
  search: AssetsSearch;
  departments: Department[];
  levels: ClassificationLevel[];
}) {
  const t = useMessages(assetsMessages);
  const common = useMessages(commonMessages);
  const { locale } = useLocale();
  const navigate = useNavigate();
  const form = useForm<FilterValues>({ defaultValues: toValues(search) });

  // Back/forward and header sorting change the URL under the form: show the view that produced the list.
  const { q, departmentId, classLevel, kind, status, location, sort, order } = search;
  useEffect(
    () => form.reset(toValues({ q, departmentId, classLevel, kind, status, location, sort, order })),
    [form, q, departmentId, classLevel, kind, status, location, sort, order],
  );

  const apply = (values: FilterValues) => {
    const [sortColumn, sortOrder] = values.sort.split(':');
    return navigate({
      to: '/assets',
      // The same parser as the URL: whatever the form holds, the address stays canonical.
      search: parseAssetsSearch({ ...values, sort: sortColumn, order: sortOrder }),
    });
  };

  const columnNames: Record<AssetSort, string> = {
    name: t.name,
    updated: t.updatedAt,
    reviewDue: t.reviewDue,
    class: t.classLevel,
    department: t.department,
    kind: t.kind,
    status: t.status,
  };

  return (
    <FilterDisclosure label={t.searchHeading} active={Boolean(q ?? departmentId ?? classLevel ?? kind ?? status ?? location)}>
      <form role="search" aria-label={t.searchHeading} className="filter filter-wide" onSubmit={form.handleSubmit(apply)}>
        <TextField label={t.searchText} hint={t.searchTextHint} registration={form.register('q')} type="search" />
        <SelectField
          label={t.department}
          registration={form.register('departmentId')}
          placeholder={common.all}
          options={departmentOptions(departments)}
        />
        <SelectField
          label={t.classLevel}
          registration={form.register('classLevel')}
          placeholder={common.all}
          options={orderedLevels(levels).map((level) => ({ value: level.id, label: level.title[locale] }))}
        />
        <SelectField
          label={t.kind}
          registration={form.register('kind')}
          placeholder={common.all}
          options={assetKinds.map((value) => ({ value, label: kindLabel(value, t) }))}
        />
        <SelectField
          label={t.status}
          registration={form.register('status')}
          placeholder={common.all}
          options={assetStatuses.map((value) => ({ value, label: statusLabel(value, t) }))}
        />
        <TextField label={t.location} registration={form.register('location')} type="search" />
        <SelectField
          label={t.sortOrder}
          registration={form.register('sort')}
          options={assetSorts.flatMap((column) =>
            (['asc', 'desc'] as const).map((direction) => ({
              value: `${column}:${direction}`,
              label: t.sortLabels(columnNames[column], direction === 'asc' ? t.ascending : t.descending),
            })),
          )}
        />
        <div className="filter-actions">
          <button type="submit" className="button button-primary">
            {common.search}
          </button>
          <button type="button" className="button button-tertiary" onClick={() => void navigate({ to: '/assets', search: {} })}>
            {common.clear}
          </button>
        </div>
      </form>
    </FilterDisclosure>
  );
}
