import { queryOptions } from '@tanstack/react-query';
import { api, toQuery } from '../../api/client.js';
import type { UserDetail, UserList } from '../../../features/organisation/schemas.js';
import type { UsersSearch } from './users-search.js';

/** Rows per page of the users list; the server paginates. */
export const usersPageSize = 20;

/** One page of the users list for the given filters. */
export function usersQuery(search: UsersSearch) {
  return queryOptions({
    queryKey: ['users', search],
    queryFn: () =>
      api<UserList>(
        'GET',
        `/users${toQuery({ q: search.q, departmentId: search.departmentId, status: search.status, page: search.page ?? 1, pageSize: usersPageSize })}`,
      ),
    // Keep the previous page on screen while the next loads, so the table does not jump.
    placeholderData: (previous) => previous,
  });
}

/** One user with their roles and what the signed-in user may do to them. */
export function userQuery(id: string) {
  return queryOptions({
    queryKey: ['users', 'detail', id],
    queryFn: () => api<UserDetail>('GET', `/users/${encodeURIComponent(id)}`),
  });
}
