import { searchPositiveInteger, searchText } from '../../components/search-params.js';
import { mediumStatuses, type MediumStatus } from '../../../features/media/medium-fields.js';

/** Filters of the media register, kept in the URL so a view can be bookmarked and the Back button works. */
export interface MediaSearch {
  q?: string;
  departmentId?: string;
  status?: MediumStatus;
  holderId?: string;
  page?: number;
}

const isStatus = (value: unknown): value is MediumStatus => typeof value === 'string' && (mediumStatuses as readonly string[]).includes(value);

/** Reads the filters from the URL, dropping anything malformed instead of failing the page. */
export function parseMediaSearch(search: Record<string, unknown>): MediaSearch {
  const page = searchPositiveInteger(search.page);
  return {
    q: searchText(search.q),
    departmentId: searchText(search.departmentId),
    status: isStatus(search.status) ? search.status : undefined,
    holderId: searchText(search.holderId),
    page: page && page > 1 ? page : undefined,
  };
}
