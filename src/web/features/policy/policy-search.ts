import { searchText } from '../../components/search-params.js';
import { clauseSearchMaxLength, complianceStatuses, type ComplianceStatus } from '../../../features/policy/clause-fields.js';

/** The clause browser's search and filters, in the URL so a view can be bookmarked and shared. */
export interface ClausesSearch {
  q?: string;
  kind?: string;
  capability?: string;
  role?: string;
}

const idLike = /^[a-z][a-z_-]{0,40}$/;

function idOrNothing(value: unknown): string | undefined {
  const text = searchText(value);
  return text && idLike.test(text) ? text : undefined;
}

/** Reads the browser's filters from the URL, dropping anything malformed instead of failing the page. */
export function parseClausesSearch(search: Record<string, unknown>): ClausesSearch {
  const q = searchText(search.q);
  return {
    q: q ? q.slice(0, clauseSearchMaxLength) : undefined,
    kind: idOrNothing(search.kind),
    capability: idOrNothing(search.capability),
    role: idOrNothing(search.role),
  };
}

/** The compliance map's filters. */
export interface ComplianceSearch {
  status?: ComplianceStatus;
  capability?: string;
}

export function parseComplianceSearch(search: Record<string, unknown>): ComplianceSearch {
  const status = searchText(search.status);
  return {
    status: complianceStatuses.find((s) => s === status),
    capability: idOrNothing(search.capability),
  };
}
