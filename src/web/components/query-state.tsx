import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { commonMessages } from '../i18n/common-messages.js';
import { useMessages } from '../i18n/locale-context.js';
import { ErrorSummary } from './error-summary.js';

/** Renders a query's loading and failure states the same way everywhere, then its data. */
export function QueryState<T>({ query, children }: { query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  const common = useMessages(commonMessages);
  if (query.isPending) {
    return (
      <p className="loading" role="status">
        {common.loading}
      </p>
    );
  }
  if (query.isError) {
    // A failed read (e.g. a malformed filter the server refused) is announced but does not steal focus.
    return (
      <>
        <ErrorSummary error={query.error} focus={false} />
        <button type="button" className="button button-secondary" onClick={() => void query.refetch()}>
          {common.retry}
        </button>
      </>
    );
  }
  return <>{children(query.data)}</>;
}
