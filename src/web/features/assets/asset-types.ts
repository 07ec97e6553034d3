/**
 * The asset register's API as the pages use it: the server's own response types (src/features/assets/schemas.ts,
 * inferred from the schemas its replies are serialised with) and its vocabularies (asset-rules.ts). Nothing here
 * is written twice; the medium list's shape comes from the media feature's schemas.
 */
import type { AssetRecord } from '../../../features/assets/schemas.js';
import type { MediumSummary } from '../../../features/media/schemas.js';
import type { Policy } from '../../api/types.js';

export type {
  AccessPermission, AccessSubjectType, AssetKind, AssetSort, AssetStatus, CopyKind, SortOrder,
} from '../../../features/assets/asset-rules.js';
export type {
  AccessGrant, AssetDetail, AssetHistoryEntry, AssetHistoryPage, AssetList, AssetRecord, AssetSummary, BulkAssetsRequest, BulkResult, LabelLookup, SavedFilter,
  SavedFilterList,
} from '../../../features/assets/schemas.js';
export type { AssetAction } from '../../../features/assets/asset-policy.js';

/** The medium an asset is recorded on, as its record names it. */
export type AssetMedium = NonNullable<AssetRecord['medium']>;

/** 第2 3: the classification scheme of the policy in force (`GET /api/policy` → `classification`). */
export type ClassificationScheme = NonNullable<Policy['classification']>;
/** One level of the scheme (重要性分類Ⅰ, Ⅱ) with what it implies. */
export type ClassificationLevel = ClassificationScheme['levels'][number];
/** A criterion or handling rule of a class, as the policy package words it. */
export type ClassificationItem = ClassificationLevel['criteria'][number];

/** A medium issued to a 課等, as the media register lists it (the asset form offers them). */
export type MediumOption = MediumSummary;
