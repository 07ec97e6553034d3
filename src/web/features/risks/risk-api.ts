import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, toQuery } from '../../api/client.js';
import { policyQuery } from '../../api/queries.js';
import type { Policy } from '../../api/types.js';
import type { RiskDetail, RiskList } from '../../../features/risks/schemas.js';
import type { RisksSearch } from './risk-search.js';
import type { AssetList } from '../../../features/assets/schemas.js';

/** The policy's list of threats (第1 3), as `GET /api/policy` gives it. */
export type ThreatList = NonNullable<Policy['threats']>;

/** Rows per page of the risk register; the server paginates. */
export const risksPageSize = 20;

/** One page of the register for the given filters, with the 3 × 3 counts of the whole filtered set. */
export function risksQuery(search: RisksSearch) {
  return queryOptions({
    queryKey: ['risks', search],
    queryFn: () =>
      api<RiskList>(
        'GET',
        `/risks${toQuery({ departmentId: search.departmentId, threatId: search.threatId, status: search.status, minScore: search.minScore, assetId: search.assetId, page: search.page ?? 1, pageSize: risksPageSize })}`,
      ),
    placeholderData: (previous) => previous,
  });
}

/** What the reader may record (the 課等 offered by the form), without the rows. */
export const riskRightsQuery = queryOptions({
  queryKey: ['risks', 'rights'],
  queryFn: () => api<RiskList>('GET', '/risks?pageSize=1'),
});

/** One entry and what the reader may do with it. */
export function riskQuery(id: string) {
  return queryOptions({
    queryKey: ['risks', 'detail', id],
    queryFn: () => api<RiskDetail>('GET', `/risks/${encodeURIComponent(id)}`),
  });
}

/** The threats of 第1 3 from the policy the shell has already loaded. */
export const threatsQuery = queryOptions({
  ...policyQuery,
  select: (policy: Policy): ThreatList | null => policy.threats,
});

/** The assets of a 課等 a new entry may cover (not disposed of), from the asset register. */
export function departmentAssetsQuery(departmentId: string) {
  return queryOptions({
    queryKey: ['assets', 'choices', departmentId],
    queryFn: async () => {
      const list = await api<AssetList>('GET', `/assets${toQuery({ departmentId, sort: 'name', pageSize: 200 })}`);
      return list.items.filter((asset) => asset.status !== 'disposed');
    },
    enabled: departmentId !== '',
    staleTime: 60_000,
  });
}

/** Recording or revising an entry: afterwards every register view reads what the server recorded. */
export function useRiskMutation<Input>(request: (input: Input) => { method: 'POST' | 'PATCH'; path: string; body: unknown }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Input) => {
      const { method, path, body } = request(input);
      return api<RiskDetail>(method, path, body);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['risks'] }),
  });
}
