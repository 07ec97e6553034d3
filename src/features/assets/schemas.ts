import { z } from 'zod';
import { assetActions, assetCollectionActions } from './asset-policy.js';
import {
  accessPermissions, accessSubjectTypes, assetKinds, assetSorts, assetStatuses, copyKinds, hyphenatedLabelCode, labelCodePattern, sortOrders, textLimits,
} from './asset-rules.js';

// One schema per input: request validation, TypeScript types, the OpenAPI document, and the import's row check.
const text = (max: number) => z.string().trim().max(max, { message: `${max}文字以内で入力してください / At most ${max} characters` });
export const idSchema = z.uuid({ message: 'IDの形式が正しくありません / Not a valid id' });
export const calendarDateSchema = z.iso.date({ message: '日付は YYYY-MM-DD で入力してください / Write dates as YYYY-MM-DD' });

/** Label codes: 8 characters of Crockford base32 in two groups (no I, L, O, U), e.g. `7KQ2-M9XD`. */
export const labelCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(labelCodePattern, { message: 'ラベル番号の形式が正しくありません / Not a label code' })
  .transform(hyphenatedLabelCode);

/** Fields of an asset that its 責任者 writes (everything but the 課等, status and disposal), without defaults. */
const assetFields = {
  name: text(textLimits.name).min(1, { message: '名称を入力してください / Enter a name' }),
  description: text(textLimits.description),
  kind: z.enum(assetKinds, { message: '種別を選んでください / Choose a kind' }),
  /** A level id of the classification scheme in force. */
  classLevel: z.string().trim().min(1, { message: '重要性分類を選んでください / Choose a class' }).max(textLimits.levelId),
  /** Criterion ids of that level which apply (第2 3(1)ア–オ). */
  classCriteria: z.array(z.string().trim().min(1).max(textLimits.levelId)).max(20),
  classJustification: text(textLimits.classJustification),
  confidentialityNote: text(textLimits.securityNote),
  integrityNote: text(textLimits.securityNote),
  availabilityNote: text(textLimits.securityNote),
  location: text(textLimits.location),
  mediumId: idSchema.nullable(),
  retentionUntil: calendarDateSchema.nullable(),
  reviewDue: calendarDateSchema.nullable(),
};

export const createAssetSchema = z.strictObject({
  ...assetFields,
  description: assetFields.description.default(''),
  classCriteria: assetFields.classCriteria.default([]),
  classJustification: assetFields.classJustification.default(''),
  confidentialityNote: assetFields.confidentialityNote.default(''),
  integrityNote: assetFields.integrityNote.default(''),
  availabilityNote: assetFields.availabilityNote.default(''),
  location: assetFields.location.default(''),
  mediumId: assetFields.mediumId.default(null),
  retentionUntil: assetFields.retentionUntil.default(null),
  reviewDue: assetFields.reviewDue.default(null),
  departmentId: idSchema,
});
export type CreateAssetInput = z.infer<typeof createAssetSchema>;

// No defaults here: a field left out of an edit keeps its value.
export const updateAssetSchema = z
  .strictObject(assetFields)
  .partial()
  .refine((value) => Object.keys(value).length > 0, { message: '変更する項目がありません / Nothing to change' });
export type UpdateAssetInput = z.infer<typeof updateAssetSchema>;

/** 第2 1(2): a copy or transmission, held by `departmentId` (whose officer then manages it). */
export const copyAssetSchema = z.strictObject({
  kind: z.enum(copyKinds),
  departmentId: idSchema,
  location: text(textLimits.location).default(''),
  mediumId: idSchema.nullable().default(null),
  note: text(textLimits.note).default(''),
});
export type CopyAssetInput = z.infer<typeof copyAssetSchema>;

export const changeAssetStatusSchema = z.strictObject({
  status: z.enum(['active', 'out']),
  note: text(textLimits.note).default(''),
});
export type ChangeAssetStatusInput = z.infer<typeof changeAssetStatusSchema>;

/** 第2 4(4): how the asset was disposed of and the evidence (erasure certificate, witness, …). */
export const disposeAssetSchema = z.strictObject({
  method: text(textLimits.disposalMethod).min(1, { message: '廃棄方法を入力してください / Enter the method' }),
  evidence: text(textLimits.disposalEvidence).min(1, { message: '証跡を入力してください / Enter the evidence' }),
  disposedOn: calendarDateSchema,
});
export type DisposeAssetInput = z.infer<typeof disposeAssetSchema>;

export const grantAccessSchema = z.strictObject({
  subjectType: z.enum(accessSubjectTypes),
  /** A user id, a canonical role, or a department id. */
  subjectId: z.string().trim().min(1).max(64),
  permission: z.enum(accessPermissions).default('read'),
});
export type GrantAccessInput = z.infer<typeof grantAccessSchema>;

/** The inventory's filters, sort and page: the URL of a view, a saved filter, an export. */
export const listAssetsQuerySchema = z.strictObject({
  q: text(textLimits.search).optional(),
  departmentId: idSchema.optional(),
  classLevel: z.string().trim().min(1).max(textLimits.levelId).optional(),
  kind: z.enum(assetKinds).optional(),
  status: z.enum(assetStatuses).optional(),
  location: text(textLimits.location).optional(),
  sort: z.enum(assetSorts).default('name'),
  order: z.enum(sortOrders).default('asc'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListAssetsQuery = z.infer<typeof listAssetsQuerySchema>;
/** The filter part of a list query (what exports and bulk selections take). */
export type AssetFilter = Omit<ListAssetsQuery, 'page' | 'pageSize'>;

/** A 責任者's bulk act on assets of their 課等: all or nothing. */
export const bulkAssetsSchema = z.strictObject({
  assetIds: z.array(idSchema).min(1).max(500),
  action: z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('changeStatus'), status: z.enum(['active', 'out']), note: text(textLimits.note).default('') }),
    z.strictObject({ type: z.literal('setReviewDue'), reviewDue: calendarDateSchema.nullable() }),
    z.strictObject({ type: z.literal('setLocation'), location: text(textLimits.location) }),
    z.strictObject({ type: z.literal('grantAccess'), subjectType: z.enum(accessSubjectTypes), subjectId: z.string().trim().min(1).max(64), permission: z.enum(accessPermissions).default('read') }),
  ]),
});
export type BulkAssetsInput = z.infer<typeof bulkAssetsSchema>;
/** The body a client sends (defaults not yet applied). */
export type BulkAssetsRequest = z.input<typeof bulkAssetsSchema>;

export const saveFilterSchema = z.strictObject({
  name: text(textLimits.filterName).min(1, { message: '名前を入力してください / Enter a name' }),
  query: z.record(z.string().max(40), z.string().max(200)).refine((q) => Object.keys(q).length <= 20, { message: 'too many parameters' }),
});
export type SaveFilterInput = z.infer<typeof saveFilterSchema>;

export const assetHistoryQuerySchema = z.strictObject({
  before: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

// Responses: what each route answers, exactly (every reply is serialised through its schema), and the types the
// web UI reads (`import type`), so that the two never drift apart.

const recordId = z.guid();
const timestamp = z.iso.datetime();
const calendarDay = z.iso.date();

/** The 情報セキュリティ責任者 of a 課等 (第2 1(1)): whom to ask about its assets. */
const officerSchema = z.object({ id: recordId, name: z.string() });

/** One row of the inventory (目録). */
export const assetSummarySchema = z
  .object({
    id: recordId,
    labelCode: z.string(),
    name: z.string(),
    kind: z.enum(assetKinds),
    departmentId: recordId,
    departmentName: z.string(),
    classLevel: z.string(),
    restricted: z.boolean(),
    location: z.string(),
    status: z.enum(assetStatuses),
    reviewDue: calendarDay.nullable(),
    updatedAt: timestamp,
    manageable: z.boolean().meta({ description: "The actor manages the asset's 課等: it may be selected for bulk acts." }),
  })
  .meta({ id: 'AssetSummary' });
export type AssetSummary = z.infer<typeof assetSummarySchema>;

/** GET /api/assets: one page of the inventory and what the actor may do with the register as a whole. */
export const assetListSchema = z
  .object({
    items: z.array(assetSummarySchema),
    total: z.number().int().meta({ description: 'Matches, counted exactly up to a cap (then totalCapped)' }),
    totalCapped: z.boolean().meta({ description: 'More than total match' }),
    page: z.number().int(),
    pageSize: z.number().int(),
    allowedActions: z.array(z.enum(assetCollectionActions)),
  })
  .meta({ id: 'AssetList' });
export type AssetList = z.infer<typeof assetListSchema>;

/** Who holds an access right to an asset (第2 4(2)ア). */
export const accessGrantSchema = z
  .object({
    id: recordId,
    subjectType: z.enum(accessSubjectTypes),
    subjectId: z.string().meta({ description: 'A user id, a canonical role, or a department id' }),
    subjectName: z.string().meta({ description: "The user's or 課等's name; for a role, its id (the client shows the policy's title)" }),
    permission: z.enum(accessPermissions),
    grantedAt: timestamp,
    grantedByName: z.string().nullable(),
  })
  .meta({ id: 'AssetAccessGrant' });
export type AccessGrant = z.infer<typeof accessGrantSchema>;

/** An asset's record as its readers see it. */
export const assetRecordSchema = z
  .object({
    id: recordId,
    labelCode: z.string(),
    name: z.string(),
    description: z.string(),
    kind: z.enum(assetKinds),
    departmentId: recordId,
    departmentName: z.string(),
    officers: z.array(officerSchema),
    classLevel: z.string(),
    classCriteria: z.array(z.string()),
    classJustification: z.string(),
    restricted: z.boolean(),
    policyVersionId: recordId.nullable(),
    confidentialityNote: z.string(),
    integrityNote: z.string(),
    availabilityNote: z.string(),
    location: z.string(),
    medium: z.object({ id: recordId, code: z.string(), kind: z.string(), lockedStorage: z.boolean(), writeProtected: z.boolean() }).nullable(),
    retentionUntil: calendarDay.nullable(),
    reviewDue: calendarDay.nullable(),
    status: z.enum(assetStatuses),
    /** 第2 1(2): the asset this one is a copy or transmission of; its code and name only for those who may read it. */
    source: z.object({ id: recordId, labelCode: z.string().nullable(), name: z.string().nullable(), kind: z.enum(copyKinds), readable: z.boolean() }).nullable(),
    copies: z.array(z.object({ id: recordId, labelCode: z.string(), departmentName: z.string(), kind: z.enum(copyKinds) })),
    /** 第2 4(4): how and when it was disposed of. */
    disposal: z.object({ method: z.string(), evidence: z.string(), disposedOn: calendarDay }).nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'AssetRecord' });
export type AssetRecord = z.infer<typeof assetRecordSchema>;

/** GET /api/assets/:id (and the answer of every act on an asset): the record, its access rights, what the actor may do. */
export const assetDetailSchema = z
  .object({
    asset: assetRecordSchema,
    access: z.array(accessGrantSchema),
    yourAccess: z.enum(accessPermissions).nullable().meta({ description: 'Your own access right to the asset, if you hold one' }),
    allowedActions: z.array(z.enum(assetActions)),
    readJournaled: z.boolean().meta({ description: 'This reading of the record was journaled (第2 4(2)ア: a restricted record read from outside its 課等)' }),
  })
  .meta({ id: 'AssetDetail' });
export type AssetDetail = z.infer<typeof assetDetailSchema>;

/** One journal entry about an asset: its own, or another record's that names it. */
export const assetHistoryEntrySchema = z
  .object({
    seq: z.number().int(),
    at: timestamp,
    actorId: recordId.nullable(),
    actorName: z.string(),
    type: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    data: z.unknown(),
  })
  .meta({ id: 'AssetHistoryEntry' });

/** GET /api/assets/:id/history: entries newest first; `nextBefore` asks for the next page. */
export const assetHistoryPageSchema = z
  .object({ items: z.array(assetHistoryEntrySchema), nextBefore: z.number().int().nullable() })
  .meta({ id: 'AssetHistoryPage' });
export type AssetHistoryPage = z.infer<typeof assetHistoryPageSchema>;
export type AssetHistoryEntry = AssetHistoryPage['items'][number];

/** GET /api/assets/labels/:code (第2 4(1)): the 課等 and whom to ask for everyone; the name and record only for readers. Never the class. */
export const labelLookupSchema = z
  .object({
    labelCode: z.string(),
    assetId: recordId.nullable().meta({ description: 'Set when the reader may open the record' }),
    name: z.string().nullable(),
    departmentName: z.string(),
    officers: z.array(z.object({ name: z.string() })),
    status: z.enum(assetStatuses),
  })
  .meta({ id: 'AssetLabelLookup' });
export type LabelLookup = z.infer<typeof labelLookupSchema>;

/** POST /api/assets/bulk: how many assets changed. */
export const bulkResultSchema = z.object({ updated: z.number().int() }).meta({ id: 'AssetBulkResult' });
export type BulkResult = z.infer<typeof bulkResultSchema>;

/** A saved inventory view: its name and the filters it keeps. */
export const savedFilterSchema = z
  .object({ id: recordId, name: z.string(), query: z.record(z.string(), z.string()) })
  .meta({ id: 'SavedAssetFilter' });
export type SavedFilter = z.infer<typeof savedFilterSchema>;

export const savedFilterListSchema = z.object({ items: z.array(savedFilterSchema) }).meta({ id: 'SavedAssetFilterList' });
export type SavedFilterList = z.infer<typeof savedFilterListSchema>;
