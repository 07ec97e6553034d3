import { queryOptions } from '@tanstack/react-query';
import { api } from './client.js';
import type { ClauseList } from '../../features/policy/schemas.js';
import type { Session } from '../../features/auth/schemas.js';
import type { DepartmentList, Policy } from './types.js';

/** The signed-in user; route guards read it, mutations that change it write it back. */
export const sessionQuery = queryOptions({
  queryKey: ['session'],
  queryFn: () => api<Session>('GET', '/session'),
  staleTime: 60_000,
});

/** The loaded policy package: role titles, scope types, 課等 levels. Changes only when a package is loaded. */
export const policyQuery = queryOptions({
  queryKey: ['policy'],
  queryFn: () => api<Policy>('GET', '/policy'),
  staleTime: Infinity,
});

/** Every 課等 the user may see, with the actions allowed on each. */
export const departmentsQuery = queryOptions({
  queryKey: ['departments'],
  queryFn: () => api<DepartmentList>('GET', '/departments'),
  staleTime: 60_000,
});

/**
 * Every clause of the version in force, fetched once: page citations (根拠条項) read their headings from it,
 * and the clause browser starts from it. Changes only when a package is loaded.
 */
export const policyClausesQuery = queryOptions({
  queryKey: ['policy', 'clauses', 'all'],
  queryFn: () => api<ClauseList>('GET', '/policy/clauses'),
  staleTime: Infinity,
});
