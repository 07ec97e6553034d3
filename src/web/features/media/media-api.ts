import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, toQuery } from '../../api/client.js';
import type { UserList } from '../../api/types.js';
import type { MediaSearch } from './media-search.js';
import type { MediaList, MediumDetail } from '../../../features/media/schemas.js';

/** Rows per page of the media register; the server paginates. */
export const mediaPageSize = 20;

/** One page of the media register for the given filters. */
export function mediaQuery(search: MediaSearch) {
  return queryOptions({
    queryKey: ['media', search],
    queryFn: () =>
      api<MediaList>(
        'GET',
        `/media${toQuery({ q: search.q, departmentId: search.departmentId, status: search.status, holderId: search.holderId, page: search.page ?? 1, pageSize: mediaPageSize })}`,
      ),
    placeholderData: (previous) => previous,
  });
}

/** What the reader may register (the 課等 offered by the form), without the rows. */
export const mediaRightsQuery = queryOptions({
  queryKey: ['media', 'rights'],
  queryFn: () => api<MediaList>('GET', '/media?pageSize=1'),
});

/** One medium with the assets on it and what the reader may do. */
export function mediumQuery(id: string) {
  return queryOptions({
    queryKey: ['media', 'detail', id],
    queryFn: () => api<MediumDetail>('GET', `/media/${encodeURIComponent(id)}`),
  });
}

/** The active staff of a 課等: who may hold its media (第2 4(3)ア). */
export function departmentMembersQuery(departmentId: string) {
  return queryOptions({
    queryKey: ['users', 'members', departmentId],
    queryFn: () => api<UserList>('GET', `/users${toQuery({ departmentId, status: 'active', pageSize: 200 })}`),
    enabled: departmentId !== '',
    staleTime: 60_000,
  });
}

/** Registering or changing a medium: afterwards every media view reads what the server recorded. */
export function useMediumMutation<Input>(request: (input: Input) => { method: 'POST' | 'PATCH'; path: string; body: unknown }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Input) => {
      const { method, path, body } = request(input);
      return api<MediumDetail>(method, path, body);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['media'] }),
  });
}
