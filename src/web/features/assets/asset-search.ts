import { assetKinds, assetSorts, assetStatuses, hyphenatedLabelCode, labelCodePattern, sortOrders, textLimits, type AssetKind, type AssetSort, type AssetStatus, type SortOrder } from '../../../features/assets/asset-rules.js';
import { searchPositiveInteger, searchText } from '../../components/search-params.js';

/** The inventory's filters, sort and page, kept in the URL so a view can be bookmarked, shared and saved. */
export interface AssetsSearch {
  q?: string;
  departmentId?: string;
  classLevel?: string;
  kind?: AssetKind;
  status?: AssetStatus;
  location?: string;
  sort?: AssetSort;
  order?: SortOrder;
  page?: number;
}

/** The parameters that narrow the list (what exports and saved filters keep); sort and page are the view's. */
export const filterKeys = ['q', 'departmentId', 'classLevel', 'kind', 'status', 'location'] as const;

function oneOf<T extends string>(allowed: readonly T[], value: unknown): T | undefined {
  const text = searchText(value);
  return allowed.find((item) => item === text);
}

/** Cuts a free text to the server's limit so a pasted URL cannot make every request fail. */
function limitedText(value: unknown, max: number): string | undefined {
  const text = searchText(value);
  return text ? text.slice(0, max) : undefined;
}

const levelIdLike = new RegExp(`^[A-Za-z0-9_.-]{1,${textLimits.levelId}}$`);

/** Reads the inventory's filters from the URL, dropping anything malformed instead of failing the page. */
export function parseAssetsSearch(search: Record<string, unknown>): AssetsSearch {
  const page = searchPositiveInteger(search.page);
  const classLevel = searchText(search.classLevel);
  const sort = oneOf(assetSorts, search.sort);
  const order = oneOf(sortOrders, search.order);
  return {
    q: limitedText(search.q, textLimits.search),
    departmentId: searchText(search.departmentId),
    classLevel: classLevel && levelIdLike.test(classLevel) ? classLevel : undefined,
    kind: oneOf(assetKinds, search.kind),
    status: oneOf(assetStatuses, search.status),
    location: limitedText(search.location, textLimits.location),
    // The server's defaults (name, ascending) stay out of the URL: one view, one address.
    sort: sort === 'name' ? undefined : sort,
    order: order === 'desc' ? 'desc' : undefined,
    page: page && page > 1 ? page : undefined,
  };
}

/** The filter part of a view as plain strings: the body of a saved filter and the query of an export. */
export function filterRecord(search: AssetsSearch): Record<string, string> {
  const record: Record<string, string> = {};
  for (const key of filterKeys) {
    const value = search[key];
    if (value) record[key] = value;
  }
  if (search.sort) record.sort = search.sort;
  if (search.order) record.order = search.order;
  return record;
}

/** A saved filter back into a view (its first page); unknown or malformed entries are dropped. */
export function searchFromSaved(query: Record<string, string>): AssetsSearch {
  return { ...parseAssetsSearch(query), page: undefined };
}

/**
 * The view after activating a column header: the same column flips its order, another column starts ascending
 * (dates of review and update start with the most urgent / most recent, as people look for those first).
 */
export function nextSort(search: AssetsSearch, column: AssetSort): AssetsSearch {
  const current = search.sort ?? 'name';
  const currentOrder = search.order ?? 'asc';
  const order: SortOrder = current === column ? (currentOrder === 'asc' ? 'desc' : 'asc') : column === 'updated' ? 'desc' : 'asc';
  return { ...search, sort: column === 'name' ? undefined : column, order: order === 'desc' ? 'desc' : undefined, page: undefined };
}

/** `aria-sort` of a column header: only the sorted column carries it. */
export function ariaSort(search: AssetsSearch, column: AssetSort): 'ascending' | 'descending' | undefined {
  if ((search.sort ?? 'name') !== column) return undefined;
  return search.order === 'desc' ? 'descending' : 'ascending';
}

/**
 * A label code as typed or scanned — lower case, spaces, full-width characters, a missing hyphen — in the
 * canonical `7KQ2-M9XD` form, or null when it cannot be one: the server's pattern (`labelCodePattern`), after
 * folding what people type.
 */
export function normaliseLabelCode(input: string): string | null {
  const code = input
    .normalize('NFKC')
    .replace(/[\s‐-―ー−]/g, (dash) => (/\s/.test(dash) ? '' : '-'))
    .toUpperCase();
  return labelCodePattern.test(code) ? hyphenatedLabelCode(code) : null;
}

/** The list's query string for the API (and for the export links, without page and size). */
export function assetListParams(search: AssetsSearch): Record<string, string | number | undefined> {
  return {
    q: search.q,
    departmentId: search.departmentId,
    classLevel: search.classLevel,
    kind: search.kind,
    status: search.status,
    location: search.location,
    sort: search.sort,
    order: search.order,
  };
}
