import { z } from 'zod';

// One schema per input: request validation, TypeScript types, the OpenAPI document, and the import's row check.
const text = (max: number) => z.string().trim().max(max, { message: `${max}文字以内で入力してください / At most ${max} characters` });
export const idSchema = z.uuid({ message: 'IDの形式が正しくありません / Not a valid id' });
export const calendarDateSchema = z.iso.date({ message: '日付は YYYY-MM-DD で入力してください / Write dates as YYYY-MM-DD' });

export const assetKinds = ['electronic_data', 'paper', 'system', 'software', 'medium', 'other'] as const;
export const assetStatuses = ['active', 'out', 'disposed'] as const;
export const accessSubjectTypes = ['user', 'role', 'department'] as const;
export const accessPermissions = ['read', 'write'] as const;

/** Label codes: 8 characters of Crockford base32 in two groups (no I, L, O, U), e.g. `7KQ2-M9XD`. */
export const labelCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[0-9A-HJKMNP-TV-Z]{4}-?[0-9A-HJKMNP-TV-Z]{4}$/, { message: 'ラベル番号の形式が正しくありません / Not a label code' })
  .transform((code) => (code.includes('-') ? code : `${code.slice(0, 4)}-${code.slice(4)}`));

/** Fields of an asset that its 責任者 writes (everything but the 課等, status and disposal), without defaults. */
const assetFields = {
  name: text(200).min(1, { message: '名称を入力してください / Enter a name' }),
  description: text(2000),
  kind: z.enum(assetKinds, { message: '種別を選んでください / Choose a kind' }),
  /** A level id of the classification scheme in force. */
  classLevel: z.string().trim().min(1, { message: '重要性分類を選んでください / Choose a class' }).max(60),
  /** Criterion ids of that level which apply (第2 3(1)ア–オ). */
  classCriteria: z.array(z.string().trim().min(1).max(60)).max(20),
  classJustification: text(2000),
  confidentialityNote: text(1000),
  integrityNote: text(1000),
  availabilityNote: text(1000),
  location: text(200),
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
  kind: z.enum(['copy', 'transmission']),
  departmentId: idSchema,
  location: text(200).default(''),
  mediumId: idSchema.nullable().default(null),
  note: text(500).default(''),
});
export type CopyAssetInput = z.infer<typeof copyAssetSchema>;

export const changeAssetStatusSchema = z.strictObject({
  status: z.enum(['active', 'out']),
  note: text(500).default(''),
});
export type ChangeAssetStatusInput = z.infer<typeof changeAssetStatusSchema>;

/** 第2 4(4): how the asset was disposed of and the evidence (erasure certificate, witness, …). */
export const disposeAssetSchema = z.strictObject({
  method: text(200).min(1, { message: '廃棄方法を入力してください / Enter the method' }),
  evidence: text(2000).min(1, { message: '証跡を入力してください / Enter the evidence' }),
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

export const assetSorts = ['name', 'updated', 'reviewDue', 'class', 'department', 'kind', 'status'] as const;

/** The inventory's filters, sort and page: the URL of a view, a saved filter, an export. */
export const listAssetsQuerySchema = z.strictObject({
  q: text(100).optional(),
  departmentId: idSchema.optional(),
  classLevel: z.string().trim().min(1).max(60).optional(),
  kind: z.enum(assetKinds).optional(),
  status: z.enum(assetStatuses).optional(),
  location: text(200).optional(),
  sort: z.enum(assetSorts).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
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
    z.strictObject({ type: z.literal('changeStatus'), status: z.enum(['active', 'out']), note: text(500).default('') }),
    z.strictObject({ type: z.literal('setReviewDue'), reviewDue: calendarDateSchema.nullable() }),
    z.strictObject({ type: z.literal('setLocation'), location: text(200) }),
    z.strictObject({ type: z.literal('grantAccess'), subjectType: z.enum(accessSubjectTypes), subjectId: z.string().trim().min(1).max(64), permission: z.enum(accessPermissions).default('read') }),
  ]),
});
export type BulkAssetsInput = z.infer<typeof bulkAssetsSchema>;

export const saveFilterSchema = z.strictObject({
  name: text(100).min(1, { message: '名前を入力してください / Enter a name' }),
  query: z.record(z.string().max(40), z.string().max(200)).refine((q) => Object.keys(q).length <= 20, { message: 'too many parameters' }),
});
export type SaveFilterInput = z.infer<typeof saveFilterSchema>;

export const assetHistoryQuerySchema = z.strictObject({
  before: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
