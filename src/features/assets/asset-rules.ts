/**
 * The register's vocabulary, limits and pure rules, in one place for the server and the web UI: this file imports
 * nothing at run time, so that the browser bundle takes it as it is. The server's schemas, queries and use
 * cases and the web's forms, filters and pages read these; neither keeps a copy.
 */

/** 種別: what an information asset is. */
export const assetKinds = ['electronic_data', 'paper', 'system', 'software', 'medium', 'other'] as const;
export type AssetKind = (typeof assetKinds)[number];

/** 使用中 / 持出し中 (第2 4(2)イ) / 廃棄済み (第2 4(4)). */
export const assetStatuses = ['active', 'out', 'disposed'] as const;
export type AssetStatus = (typeof assetStatuses)[number];

/** Who an access right is given to (第2 4(2)ア): a user, the holders of a role, or a whole 課等. */
export const accessSubjectTypes = ['user', 'role', 'department'] as const;
export type AccessSubjectType = (typeof accessSubjectTypes)[number];

export const accessPermissions = ['read', 'write'] as const;
export type AccessPermission = (typeof accessPermissions)[number];

/** A copy (複製) or a transmission (送信) of an asset (第2 1(2)). */
export const copyKinds = ['copy', 'transmission'] as const;
export type CopyKind = (typeof copyKinds)[number];

/** An uploaded register: an Excel workbook or a CSV file; checked (with or without problems), then committed. */
export const importFormats = ['xlsx', 'csv'] as const;
export type ImportFormat = (typeof importFormats)[number];
export const importStatuses = ['validated', 'invalid', 'committed'] as const;
export type ImportStatus = (typeof importStatuses)[number];

/** The inventory's sorts and orders. */
export const assetSorts = ['name', 'updated', 'reviewDue', 'class', 'department', 'kind', 'status'] as const;
export type AssetSort = (typeof assetSorts)[number];
export const sortOrders = ['asc', 'desc'] as const;
export type SortOrder = (typeof sortOrders)[number];

/**
 * The inventory counts matches exactly up to this many, and says "more than" beyond: an exact count of a broad
 * filter over 100,000 assets costs more than the page itself. Narrow the filter, or export, to see them all.
 */
export const countCap = 1_000;
/** How deep the pages of one view go; beyond it, narrow the filter or export (the export streams any size). */
export const listWindow = 10_000;

/** The longest text each field of the register takes (characters, after trimming). */
export const textLimits = {
  name: 200,
  description: 2000,
  classJustification: 2000,
  /** 機密性・完全性・可用性 notes. */
  securityNote: 1000,
  location: 200,
  /** The note of a copy or of a change of status. */
  note: 500,
  disposalMethod: 200,
  disposalEvidence: 2000,
  /** A saved view's name. */
  filterName: 100,
  /** The inventory's search term. */
  search: 100,
  /** A level or criterion id of the classification scheme. */
  levelId: 60,
} as const;

/** Label codes: 8 characters of Crockford base32 in two groups (no I, L, O, U), e.g. `7KQ2-M9XD`; the hyphen may be left out. */
export const labelCodePattern = /^[0-9A-HJKMNP-TV-Z]{4}-?[0-9A-HJKMNP-TV-Z]{4}$/;

/** A label code that matches `labelCodePattern`, with its hyphen. */
export function hyphenatedLabelCode(code: string): string {
  return code.includes('-') ? code : `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** What a classification rule needs of a level of the package's scheme (policy/schema.ts `classificationSchema`). */
export interface LevelRules {
  id: string;
  isDefault: boolean;
  criteria: readonly { id: string }[];
  controls: { justificationRequired: boolean };
}

/** One thing wrong with a classification, on its field; the server and the web each put it in words. */
export type ClassificationIssue =
  | { path: 'classLevel'; issue: 'noScheme' | 'unknownLevel' }
  | { path: 'classCriteria'; issue: 'unknownCriteria'; criteria: string[] }
  | { path: 'classCriteria'; issue: 'criteriaRequired' }
  | { path: 'classJustification'; issue: 'justificationRequired' };

export interface ClassificationInput {
  classLevel: string;
  classCriteria: readonly string[];
  classJustification: string;
}

/**
 * 第2 3: what is wrong with a classification under the package's scheme (`levels`, or undefined when the package
 * has none) — an unknown level, criteria that are not the level's, a non-default level without the criterion
 * that puts the asset there, or a missing justification where the level asks for one. Empty when it is sound.
 */
export function classificationIssues(levels: readonly LevelRules[] | undefined, input: ClassificationInput): ClassificationIssue[] {
  if (!levels) return [{ path: 'classLevel', issue: 'noScheme' }];
  const level = levels.find((candidate) => candidate.id === input.classLevel);
  if (!level) return [{ path: 'classLevel', issue: 'unknownLevel' }];
  const issues: ClassificationIssue[] = [];
  const unknown = input.classCriteria.filter((id) => !level.criteria.some((criterion) => criterion.id === id));
  if (unknown.length > 0) issues.push({ path: 'classCriteria', issue: 'unknownCriteria', criteria: unknown });
  else if (!level.isDefault && level.criteria.length > 0 && input.classCriteria.length === 0) issues.push({ path: 'classCriteria', issue: 'criteriaRequired' });
  if (level.controls.justificationRequired && input.classJustification.trim() === '') issues.push({ path: 'classJustification', issue: 'justificationRequired' });
  return issues;
}
