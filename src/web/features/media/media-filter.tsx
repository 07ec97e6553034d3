import { useNavigate } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import type { Department } from '../../api/types.js';
import { FilterDisclosure } from '../../components/filter-disclosure.js';
import { SelectField } from '../../components/select-field.js';
import { TextField } from '../../components/text-field.js';
import { commonMessages } from '../../i18n/common-messages.js';
import { useMessages } from '../../i18n/locale-context.js';
import { departmentOptions } from '../organisation/department-order.js';
import { mediaMessages, mediumStatusLabels } from './media-messages.js';
import type { MediaSearch } from './media-search.js';
import { mediumStatuses, type MediumStatus } from '../../../features/media/medium-fields.js';

interface FilterValues {
  q: string;
  departmentId: string;
  status: string;
  holder: string;
}

/** The media register's filters; searching writes them to the URL (page 1), which drives the query. */
export function MediaFilter({ search, departments, meId }: { search: MediaSearch; departments: Department[]; meId: string }) {
  const t = useMessages(mediaMessages);
  const statusLabels = useMessages(mediumStatusLabels);
  const common = useMessages(commonMessages);
  const navigate = useNavigate();
  const toValues = (s: MediaSearch): FilterValues => ({ q: s.q ?? '', departmentId: s.departmentId ?? '', status: s.status ?? '', holder: s.holderId === meId ? 'me' : '' });
  const form = useForm<FilterValues>({ defaultValues: toValues(search) });

  // Back/forward changes the URL under the form: show the filters that produced the list.
  const { q, departmentId, status, holderId } = search;
  useEffect(
    () => form.reset({ q: q ?? '', departmentId: departmentId ?? '', status: status ?? '', holder: holderId === meId ? 'me' : '' }),
    [form, q, departmentId, status, holderId, meId],
  );

  const apply = (values: FilterValues) =>
    navigate({
      to: '/media',
      search: {
        q: values.q.trim() || undefined,
        departmentId: values.departmentId || undefined,
        status: (mediumStatuses as readonly string[]).includes(values.status) ? (values.status as MediumStatus) : undefined,
        holderId: values.holder === 'me' ? meId : undefined,
      },
    });

  return (
    <FilterDisclosure label={t.searchHeading} active={Boolean(q ?? departmentId ?? status ?? holderId)}>
      <form role="search" aria-label={t.searchHeading} className="filter filter-wide" onSubmit={form.handleSubmit(apply)}>
        <TextField label={t.searchText} hint={t.searchTextHint} registration={form.register('q')} type="search" />
        <SelectField label={t.department} registration={form.register('departmentId')} placeholder={common.all} options={departmentOptions(departments)} />
        <SelectField
          label={t.status}
          registration={form.register('status')}
          placeholder={common.all}
          options={mediumStatuses.map((value) => ({ value, label: statusLabels[value] }))}
        />
        <SelectField label={t.holderFilter} registration={form.register('holder')} placeholder={common.all} options={[{ value: 'me', label: t.heldByMe }]} />
        <div className="filter-actions">
          <button type="submit" className="button button-primary">
            {common.search}
          </button>
          <button type="button" className="button button-tertiary" onClick={() => void navigate({ to: '/media', search: {} })}>
            {common.clear}
          </button>
        </div>
      </form>
    </FilterDisclosure>
  );
}
