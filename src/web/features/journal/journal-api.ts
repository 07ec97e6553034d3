import { queryOptions } from '@tanstack/react-query';
import { api, toQuery } from '../../api/client.js';
import type { JournalPage, JournalTypes } from '../../../features/journal/schemas.js';
import { endOfDayExclusiveIso, startOfDayIso } from '../../i18n/dates.js';
import type { JournalSearch } from './journal-search.js';

/** Entries per page; the journal is read newest first with a cursor, never with an offset. */
export const journalPageSize = 50;

/** One page of journal entries matching the filters. */
export function journalQuery(search: JournalSearch) {
  return queryOptions({
    queryKey: ['journal', search],
    queryFn: () =>
      api<JournalPage>(
        'GET',
        `/journal${toQuery({
          actorId: search.actorId,
          entityType: search.entityType,
          entityId: search.entityId,
          type: search.type,
          from: search.from ? startOfDayIso(search.from) : undefined,
          to: search.to ? endOfDayExclusiveIso(search.to) : undefined,
          before: search.before,
          limit: journalPageSize,
        })}`,
      ),
    placeholderData: (previous) => previous,
  });
}

/** Every event type recorded so far, for the filter. */
export const journalTypesQuery = queryOptions({
  queryKey: ['journal', 'types'],
  queryFn: () => api<JournalTypes>('GET', '/journal/types'),
  staleTime: 5 * 60_000,
});
