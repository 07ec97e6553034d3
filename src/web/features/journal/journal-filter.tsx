import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useId } from 'react';
import { useForm } from 'react-hook-form';
import { FilterDisclosure } from '../../components/filter-disclosure.js';
import { SelectField } from '../../components/select-field.js';
import { TextField } from '../../components/text-field.js';
import { commonMessages } from '../../i18n/common-messages.js';
import { useLocale, useMessages } from '../../i18n/locale-context.js';
import { withParenthesis } from '../../i18n/parenthesis.js';
import { entityTypeLabels, eventLabels } from './event-labels.js';
import { journalTypesQuery } from './journal-api.js';
import { journalMessages } from './journal-messages.js';
import type { JournalSearch } from './journal-search.js';

type FilterValues = Required<{ [K in Exclude<keyof JournalSearch, 'before'>]: string }>;

function toValues(search: JournalSearch): FilterValues {
  return {
    actorId: search.actorId ?? '',
    entityType: search.entityType ?? '',
    entityId: search.entityId ?? '',
    type: search.type ?? '',
    from: search.from ?? '',
    to: search.to ?? '',
  };
}

/** Journal filters; applying them starts again from the newest entry (the cursor is dropped). */
export function JournalFilter({ search }: { search: JournalSearch }) {
  const t = useMessages(journalMessages);
  const common = useMessages(commonMessages);
  const { locale } = useLocale();
  const navigate = useNavigate();
  const types = useQuery(journalTypesQuery);
  const entityListId = useId();
  const form = useForm<FilterValues>({ defaultValues: toValues(search) });

  const { actorId, entityType, entityId, type, from, to } = search;
  useEffect(
    () => form.reset(toValues({ actorId, entityType, entityId, type, from, to })),
    [form, actorId, entityType, entityId, type, from, to],
  );

  const apply = (values: FilterValues) => {
    const next: JournalSearch = {};
    for (const [key, value] of Object.entries(values) as [keyof FilterValues, string][]) {
      if (value.trim()) next[key] = value.trim();
    }
    return navigate({ to: '/journal', search: next });
  };

  const typeOptions = (types.data?.types ?? [])
    .map((value) => ({ value, label: eventLabels[value] ? withParenthesis(eventLabels[value][locale], value, locale) : value }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));

  return (
    <FilterDisclosure label={t.filterHeading} active={Object.values(toValues(search)).some(Boolean)}>
      <form role="search" aria-label={t.filterHeading} className="filter filter-wide" onSubmit={form.handleSubmit(apply)}>
        <SelectField label={t.eventType} registration={form.register('type')} placeholder={common.all} options={typeOptions} />
        <TextField label={t.actorId} registration={form.register('actorId')} autoComplete="off" spellCheck={false} />
        <TextField
          label={t.entityType}
          registration={form.register('entityType')}
          list={entityListId}
          autoComplete="off"
          spellCheck={false}
        />
        <datalist id={entityListId}>
          {Object.entries(entityTypeLabels).map(([value, label]) => (
            <option key={value} value={value}>
              {label[locale]}
            </option>
          ))}
        </datalist>
        <TextField label={t.entityId} registration={form.register('entityId')} autoComplete="off" spellCheck={false} />
        <fieldset className="date-range">
          <legend>{t.period}</legend>
          <TextField label={t.from} type="date" registration={form.register('from')} />
          <TextField label={t.to} type="date" registration={form.register('to')} />
        </fieldset>
        <div className="filter-actions">
          <button type="submit" className="button button-primary">
            {common.search}
          </button>
          <button type="button" className="button button-tertiary" onClick={() => void navigate({ to: '/journal', search: {} })}>
            {common.clear}
          </button>
        </div>
      </form>
    </FilterDisclosure>
  );
}
