import { useNavigate } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import type { Department } from '../../../features/organisation/schemas.js';
import { FilterDisclosure } from '../../components/filter-disclosure.js';
import { SelectField } from '../../components/select-field.js';
import { TextField } from '../../components/text-field.js';
import { commonMessages } from '../../i18n/common-messages.js';
import { useMessages } from '../../i18n/locale-context.js';
import { departmentOptions } from './department-order.js';
import { organisationMessages } from './organisation-messages.js';
import type { UsersSearch } from './users-search.js';

interface FilterValues {
  q: string;
  departmentId: string;
  status: string;
}

function toValues(search: UsersSearch): FilterValues {
  return { q: search.q ?? '', departmentId: search.departmentId ?? '', status: search.status ?? '' };
}

/** The users list filters; searching writes them to the URL (page 1), which drives the query. */
export function UsersFilter({ search, departments }: { search: UsersSearch; departments: Department[] }) {
  const t = useMessages(organisationMessages);
  const common = useMessages(commonMessages);
  const navigate = useNavigate();
  const form = useForm<FilterValues>({ defaultValues: toValues(search) });

  // Back/forward changes the URL under the form: show the filters that produced the list.
  const { q, departmentId, status } = search;
  useEffect(() => form.reset({ q: q ?? '', departmentId: departmentId ?? '', status: status ?? '' }), [form, q, departmentId, status]);

  const apply = (values: FilterValues) =>
    navigate({
      to: '/organisation/users',
      search: {
        q: values.q.trim() || undefined,
        departmentId: values.departmentId || undefined,
        status: values.status === 'active' || values.status === 'disabled' ? values.status : undefined,
      },
    });

  return (
    <FilterDisclosure label={t.searchHeading} active={Boolean(q ?? departmentId ?? status)}>
      <form role="search" aria-label={t.searchHeading} className="filter" onSubmit={form.handleSubmit(apply)}>
        <TextField label={t.searchText} hint={t.searchTextHint} registration={form.register('q')} type="search" />
        <SelectField
          label={t.department}
          registration={form.register('departmentId')}
          placeholder={common.all}
          options={departmentOptions(departments)}
        />
        <SelectField
          label={t.status}
          registration={form.register('status')}
          placeholder={common.all}
          options={[
            { value: 'active', label: common.statusActive },
            { value: 'disabled', label: common.statusDisabled },
          ]}
        />
        <div className="filter-actions">
          <button type="submit" className="button button-primary">
            {common.search}
          </button>
          <button
            type="button"
            className="button button-tertiary"
            onClick={() => void navigate({ to: '/organisation/users', search: {} })}
          >
            {common.clear}
          </button>
        </div>
      </form>
    </FilterDisclosure>
  );
}
