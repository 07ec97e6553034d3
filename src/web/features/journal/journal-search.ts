import { searchPositiveInteger, searchText } from '../../components/search-params.js';

/** Journal filters and the cursor, in the URL: an auditor can share or bookmark the exact view. */
export interface JournalSearch {
  actorId?: string;
  entityType?: string;
  entityId?: string;
  type?: string;
  /** Calendar days (YYYY-MM-DD, Japan time), as the date inputs give them. */
  from?: string;
  to?: string;
  /** Show entries older than this sequence number (the server's `nextBefore`). */
  before?: number;
}

const day = /^\d{4}-\d{2}-\d{2}$/;

function dayOrNothing(value: unknown): string | undefined {
  return typeof value === 'string' && day.test(value) ? value : undefined;
}

/** Reads the journal filters from the URL, dropping anything malformed instead of failing the page. */
export function parseJournalSearch(search: Record<string, unknown>): JournalSearch {
  return {
    actorId: searchText(search.actorId),
    entityType: searchText(search.entityType),
    entityId: searchText(search.entityId),
    type: searchText(search.type),
    from: dayOrNothing(search.from),
    to: dayOrNothing(search.to),
    before: searchPositiveInteger(search.before),
  };
}
