import { queryOptions } from '@tanstack/react-query';
import { api, toQuery } from '../../api/client.js';
import type { Capability, ClauseDetail, ClauseList, ComplianceMap, PolicyVersionList } from '../../../features/policy/schemas.js';
import type { ClausesSearch } from './policy-search.js';

/** The standard changes only when a package is loaded (CLI): keep its data for the visit. */
const policyStaleTime = 5 * 60_000;

/** Clauses matching the browser's search and filters (the server matches Japanese substrings). */
export function clauseSearchQuery(search: ClausesSearch) {
  return queryOptions({
    queryKey: ['policy', 'clauses', 'search', search],
    queryFn: () =>
      api<ClauseList>('GET', `/policy/clauses${toQuery({ q: search.q, kind: search.kind, capability: search.capability, role: search.role })}`),
    staleTime: policyStaleTime,
    placeholderData: (previous) => previous,
  });
}

/** One clause with its roles, capabilities and evidence, interpretations, history and users. */
export function clauseDetailQuery(clauseId: string) {
  return queryOptions({
    queryKey: ['policy', 'clause', clauseId],
    queryFn: () => api<ClauseDetail>('GET', `/policy/clauses/${encodeURIComponent(clauseId)}`),
    staleTime: policyStaleTime,
  });
}

/** Every normative clause with its status: the compliance map. Evidence counts are live: refetch on visit. */
export const complianceQuery = queryOptions({
  queryKey: ['policy', 'compliance'],
  queryFn: () => api<ComplianceMap>('GET', '/policy/compliance'),
});

/** Loaded versions with their 附則. */
export const versionsQuery = queryOptions({
  queryKey: ['policy', 'versions'],
  queryFn: () => api<PolicyVersionList>('GET', '/policy/versions'),
  staleTime: policyStaleTime,
});

/** Bansho's capabilities (for the capability filter). */
export const capabilitiesQuery = queryOptions({
  queryKey: ['policy', 'capabilities'],
  queryFn: () => api<{ items: Capability[] }>('GET', '/policy/capabilities'),
  staleTime: policyStaleTime,
});

/** Where the downloads live (plain links: the browser saves them with the server's file name). */
export const complianceXlsxUrl = '/api/policy/compliance.xlsx';
export const oscalUrl = '/api/policy/oscal';
