import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { api } from '../../api/client.js';
import { ConfirmButton } from '../../components/confirm-button.js';
import { ErrorSummary } from '../../components/error-summary.js';
import { SuccessNotice } from '../../components/success-notice.js';
import { TextField } from '../../components/text-field.js';
import { useFieldErrors } from '../../components/validation.js';
import { useMessages } from '../../i18n/locale-context.js';
import { savedFiltersQuery } from './asset-api.js';
import { saveFilterSchema } from './asset-schemas.js';
import { filterRecord, searchFromSaved, type AssetsSearch } from './asset-search.js';
import type { SavedFilter } from './asset-types.js';
import { assetsMessages } from './assets-messages.js';

/** 保存した条件: a reader's named views of the inventory — apply with one link, save the current one, delete. */
export function SavedFilters({ search }: { search: AssetsSearch }) {
  const t = useMessages(assetsMessages);
  const queryClient = useQueryClient();
  const saved = useQuery(savedFiltersQuery);
  const [notice, setNotice] = useState<string | null>(null);
  const form = useForm<{ name: string }>({ resolver: zodResolver(saveFilterSchema), defaultValues: { name: '' } });

  const refresh = () => queryClient.invalidateQueries({ queryKey: savedFiltersQuery.queryKey });
  const save = useMutation({
    mutationFn: (name: string) => api<SavedFilter>('POST', '/assets/saved-filters', { name, query: filterRecord(search) }),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (filter: SavedFilter) => api<undefined>('DELETE', `/assets/saved-filters/${encodeURIComponent(filter.id)}`),
    onSuccess: refresh,
  });
  const fieldErrors = useFieldErrors(form.formState.errors, save.error);

  const submit = ({ name }: { name: string }) =>
    save.mutate(name.trim(), {
      onSuccess: () => {
        form.reset({ name: '' });
        setNotice(t.filterSaved(name.trim()));
      },
    });

  return (
    <details className="saved-filters card">
      <summary className="saved-filters-summary">{t.savedFiltersHeading}</summary>
      <SuccessNotice text={notice} />
      <ErrorSummary error={saved.error ?? remove.error} focus={Boolean(remove.error)} />
      {saved.data ? (
        saved.data.items.length === 0 ? (
          <p className="field-hint">{t.savedFiltersEmpty}</p>
        ) : (
          <ul className="saved-filter-list">
            {saved.data.items.map((filter) => (
              <li key={filter.id}>
                <Link to="/assets" search={searchFromSaved(filter.query)}>
                  {t.applyFilter(filter.name)}
                </Link>
                <ConfirmButton
                  className="button button-tertiary button-small"
                  ariaLabel={t.deleteFilterNamed(filter.name)}
                  question={t.confirmDeleteFilter(filter.name)}
                  disabled={remove.isPending}
                  onConfirm={() => remove.mutate(filter, { onSuccess: () => setNotice(t.filterDeleted(filter.name)) })}
                >
                  {t.deleteFilter}
                </ConfirmButton>
              </li>
            ))}
          </ul>
        )
      ) : null}
      <div className="subsection">
        <h2 className="subsection-heading">{t.saveFilter}</h2>
        <ErrorSummary error={save.error} />
        <form noValidate className="form form-inline" onSubmit={form.handleSubmit(submit)}>
          <TextField
            label={t.saveFilterName}
            hint={t.saveFilterNameHint}
            registration={form.register('name')}
            errors={fieldErrors('name')}
            autoComplete="off"
            required
          />
          <div className="form-actions">
            <button type="submit" className="button button-secondary" disabled={save.isPending}>
              {t.saveFilterSubmit}
            </button>
          </div>
        </form>
      </div>
    </details>
  );
}
