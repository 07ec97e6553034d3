import type { RecordStatus } from '../../api/types.js';
import { searchPositiveInteger, searchText } from '../../components/search-params.js';

/** Filters of the users list, kept in the URL so a result can be bookmarked and the Back button works. */
export interface UsersSearch {
  q?: string;
  departmentId?: string;
  status?: RecordStatus;
  page?: number;
}

/** Reads the users list filters from the URL, dropping anything malformed instead of failing the page. */
export function parseUsersSearch(search: Record<string, unknown>): UsersSearch {
  const page = searchPositiveInteger(search.page);
  return {
    q: searchText(search.q),
    departmentId: searchText(search.departmentId),
    status: search.status === 'active' || search.status === 'disabled' ? search.status : undefined,
    page: page && page > 1 ? page : undefined,
  };
}
