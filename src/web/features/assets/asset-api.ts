import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, toQuery } from '../../api/client.js';
import { policyQuery } from '../../api/queries.js';
import type { Policy, UserList } from '../../api/types.js';
import { assetListParams, type AssetsSearch } from './asset-search.js';
import type { AssetDetail, AssetHistoryPage, AssetList, LabelLookup, MediumOption, SavedFilterList } from './asset-types.js';

/** Rows per page of the inventory; the server paginates. */
export const assetsPageSize = 50;

/** One page of the inventory for the given view. */
export function assetsQuery(search: AssetsSearch) {
  return queryOptions({
    queryKey: ['assets', 'list', search],
    queryFn: () =>
      api<AssetList>('GET', `/assets${toQuery({ ...assetListParams(search), page: search.page ?? 1, pageSize: assetsPageSize })}`),
    // Keep the previous page on screen while the next loads, so the table does not jump.
    placeholderData: (previous) => previous,
  });
}

/** One asset with its access rights and what the reader may do to it. */
export function assetQuery(id: string) {
  return queryOptions({
    queryKey: ['assets', 'detail', id],
    queryFn: () => api<AssetDetail>('GET', `/assets/${encodeURIComponent(id)}`),
  });
}

/** Entries read per step of an asset's history. */
export const historyPageSize = 20;

/** The asset's journal entries, newest first, a page at a time (its officer and oversight roles). */
export function assetHistoryQuery(id: string) {
  return infiniteQueryOptions({
    queryKey: ['assets', 'history', id],
    queryFn: ({ pageParam }) =>
      api<AssetHistoryPage>('GET', `/assets/${encodeURIComponent(id)}/history${toQuery({ before: pageParam, limit: historyPageSize })}`),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
}

/** What a label code leads to (第2 4(1)): the record for those who may read it, whom to ask for everyone. */
export function labelQuery(code: string) {
  return queryOptions({
    queryKey: ['assets', 'label', code],
    queryFn: () => api<LabelLookup>('GET', `/assets/labels/${encodeURIComponent(code)}`),
  });
}

/** The reader's saved views of the inventory. */
export const savedFiltersQuery = queryOptions({
  queryKey: ['assets', 'saved-filters'],
  queryFn: () => api<SavedFilterList>('GET', '/assets/saved-filters'),
});

/**
 * The media issued to a 課等 (第2 4(3)), for the asset's medium. The media register is a separate feature:
 * when it is not there (404) or refuses, the form says so and the medium stays optional.
 */
export function mediaQuery(departmentId: string) {
  return queryOptions({
    queryKey: ['media', 'for-asset', departmentId],
    queryFn: () => api<{ items: MediumOption[] }>('GET', `/media${toQuery({ departmentId, pageSize: 200 })}`),
    enabled: departmentId !== '',
    staleTime: 60_000,
  });
}

/** Users matching a name, for choosing whom to give an access right; only asked once something is typed. */
export function userSearchQuery(q: string) {
  return queryOptions({
    queryKey: ['users', { q, status: 'active', for: 'asset-access' }],
    queryFn: () => api<UserList>('GET', `/users${toQuery({ q, status: 'active', pageSize: 20 })}`),
    enabled: q.trim() !== '',
  });
}

/** The classification scheme (第2 3) from the policy the shell has already loaded. */
export const classificationQuery = queryOptions({
  ...policyQuery,
  select: (policy: Policy) => policy.classification,
});

/** Downloads of the inventory for the view's filters (another feature serves them). */
export function exportUrl(format: 'xlsx' | 'csv' | 'pdf', search: AssetsSearch): string {
  return `/api/assets/export.${format}${toQuery(assetListParams(search))}`;
}

/** The label sheet (第2 4(1)) of the given assets. */
export function labelsPdfUrl(ids: readonly string[]): string {
  return `/api/assets/labels.pdf${toQuery({ ids: ids.join(',') })}`;
}

type Method = 'POST' | 'PATCH' | 'DELETE';

/**
 * A change to the register: afterwards every asset list and record is read again, so pages show what the
 * server recorded rather than what the form sent (a copy changes its source's list of copies too).
 */
export function useAssetsMutation<Input, Output = AssetDetail>(request: (input: Input) => { method: Method; path: string; body?: unknown }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Input) => {
      const { method, path, body } = request(input);
      return api<Output>(method, `/assets${path}`, body);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['assets'] }),
  });
}

/** True when the error says the record is not there or not for this reader (the server answers 404 for both). */
export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}
