import { searchPositiveInteger, searchText } from '../../components/search-params.js';
import { maxRiskScore, riskStatuses, type RiskStatus } from '../../../features/risks/risk-fields.js';

/** Filters of the risk register, kept in the URL so a view can be bookmarked and the Back button works. */
export interface RisksSearch {
  departmentId?: string;
  threatId?: string;
  status?: RiskStatus;
  minScore?: number;
  assetId?: string;
  page?: number;
}

const isStatus = (value: unknown): value is RiskStatus => typeof value === 'string' && (riskStatuses as readonly string[]).includes(value);

/** Reads the filters from the URL, dropping anything malformed instead of failing the page. */
export function parseRisksSearch(search: Record<string, unknown>): RisksSearch {
  const page = searchPositiveInteger(search.page);
  const minScore = searchPositiveInteger(search.minScore);
  return {
    departmentId: searchText(search.departmentId),
    threatId: searchText(search.threatId),
    status: isStatus(search.status) ? search.status : undefined,
    minScore: minScore && minScore <= maxRiskScore ? minScore : undefined,
    assetId: searchText(search.assetId),
    page: page && page > 1 ? page : undefined,
  };
}

/** Where the record form starts: a 課等 and an asset, when the user came from one (e.g. an asset's page). */
export interface RiskCreateSearch {
  departmentId?: string;
  assetId?: string;
}

/** Reads the record form's starting point from the URL. */
export function parseRiskCreateSearch(search: Record<string, unknown>): RiskCreateSearch {
  return { departmentId: searchText(search.departmentId), assetId: searchText(search.assetId) };
}
