import { useNavigate } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import type { Department } from '../../api/types.js';
import { FilterDisclosure } from '../../components/filter-disclosure.js';
import { SelectField } from '../../components/select-field.js';
import { commonMessages } from '../../i18n/common-messages.js';
import { useLocale, useMessages } from '../../i18n/locale-context.js';
import { departmentOptions } from '../organisation/department-order.js';
import { riskMessages, riskStatusLabels } from './risk-messages.js';
import type { RisksSearch } from './risk-search.js';
import { riskScores, riskStatuses, type RiskStatus } from '../../../features/risks/risk-fields.js';
import type { ThreatList } from './risk-api.js';

interface FilterValues {
  departmentId: string;
  threatId: string;
  status: string;
  minScore: string;
}

const toValues = (search: RisksSearch): FilterValues => ({
  departmentId: search.departmentId ?? '',
  threatId: search.threatId ?? '',
  status: search.status ?? '',
  minScore: search.minScore ? String(search.minScore) : '',
});

/** The register's filters; searching writes them to the URL (page 1), keeping an asset filter from a link. */
export function RisksFilter({ search, departments, threats }: { search: RisksSearch; departments: Department[]; threats: ThreatList | null }) {
  const t = useMessages(riskMessages);
  const statuses = useMessages(riskStatusLabels);
  const common = useMessages(commonMessages);
  const { locale } = useLocale();
  const navigate = useNavigate();
  const form = useForm<FilterValues>({ defaultValues: toValues(search) });

  // Back/forward changes the URL under the form: show the filters that produced the list.
  const { departmentId, threatId, status, minScore, assetId } = search;
  useEffect(() => form.reset(toValues({ departmentId, threatId, status, minScore })), [form, departmentId, threatId, status, minScore]);

  const apply = (values: FilterValues) =>
    navigate({
      to: '/risks',
      search: {
        departmentId: values.departmentId || undefined,
        threatId: values.threatId || undefined,
        status: (riskStatuses as readonly string[]).includes(values.status) ? (values.status as RiskStatus) : undefined,
        minScore: values.minScore ? Number(values.minScore) : undefined,
        assetId,
      },
    });

  return (
    <FilterDisclosure label={t.searchHeading} active={Boolean(departmentId ?? threatId ?? status ?? minScore)}>
      <form role="search" aria-label={t.searchHeading} className="filter filter-wide" onSubmit={form.handleSubmit(apply)}>
        <SelectField label={t.department} registration={form.register('departmentId')} placeholder={common.all} options={departmentOptions(departments)} />
        <SelectField
          label={t.threat}
          registration={form.register('threatId')}
          placeholder={common.all}
          options={(threats?.items ?? []).map((item) => ({ value: item.id, label: locale === 'ja' ? item.text : (item.en ?? item.text) }))}
        />
        <SelectField
          label={t.status}
          registration={form.register('status')}
          placeholder={common.all}
          options={riskStatuses.map((value) => ({ value, label: statuses[value] }))}
        />
        <SelectField
          label={t.minScore}
          registration={form.register('minScore')}
          placeholder={common.all}
          // Every score above the lowest: at least 1 is no filter at all.
          options={riskScores.slice(1).map((score) => ({ value: String(score), label: t.minScoreOption(score) }))}
        />
        <div className="filter-actions">
          <button type="submit" className="button button-primary">
            {common.search}
          </button>
          <button type="button" className="button button-tertiary" onClick={() => void navigate({ to: '/risks', search: {} })}>
            {common.clear}
          </button>
        </div>
      </form>
    </FilterDisclosure>
  );
}
