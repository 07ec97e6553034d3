import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiError } from '../api/client.js';
import { commonMessages } from '../i18n/common-messages.js';
import { useLocale } from '../i18n/locale-context.js';

/** Renders a query's loading and failure states the same way everywhere, then its data. */
export function QueryState<T>({ query, children }: { query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  const { locale } = useLocale();
  const common = commonMessages[locale];
  if (query.isPending) {
    return (
      <p className="loading" role="status">
        {common.loading}
      </p>
    );
  }
  if (query.isError) {
    const text = query.error instanceof ApiError ? query.error.text[locale] : common.loadFailed;
    return (
      <div className="notice notice-error" role="alert">
        <p className="notice-title">{text}</p>
        <button type="button" className="button button-secondary" onClick={() => void query.refetch()}>
          {common.retry}
        </button>
      </div>
    );
  }
  return <>{children(query.data)}</>;
}
