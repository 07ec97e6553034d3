import { z } from 'zod';
import { assetStatuses } from '../assets/asset-rules.js';
import { mediumCodePattern, mediumKinds, mediumStatuses, mediumTextLimits, registrationStatuses } from './medium-fields.js';
import { mediaRegisterActions, mediumChanges } from './medium-policy.js';

// One schema per input and per answer: request validation, TypeScript types (the web's too) and the OpenAPI
// document all come from here.
const text = (max: number) => z.string().trim().max(max, { message: `${max}文字以内で入力してください / At most ${max} characters` });
export const idSchema = z.uuid({ message: 'IDの形式が正しくありません / Not a valid id' });
export const calendarDateSchema = z.iso.date({ message: '日付は YYYY-MM-DD で入力してください / Write dates as YYYY-MM-DD' });

/** The number written on the medium (管理番号), as the table's CHECK allows it. */
export const mediumCodeSchema = z
  .string()
  .trim()
  .regex(mediumCodePattern, { message: '管理番号は半角英数字・「_」「-」32文字以内です / Up to 32 letters, digits, _ or -' });

const kindSchema = z.enum(mediumKinds, { message: '種類を選んでください / Choose a kind' });
const descriptionSchema = text(mediumTextLimits.description);
const storageLocationSchema = text(mediumTextLimits.storageLocation);

/** 第2 4(3)ア: a medium issued to a 課等, with its holder and where it is kept. */
export const registerMediumSchema = z.strictObject({
  code: mediumCodeSchema,
  kind: kindSchema,
  description: descriptionSchema.default(''),
  departmentId: idSchema,
  holderId: idSchema.nullable().default(null),
  issuedOn: calendarDateSchema,
  // A medium is issued for use or put straight into storage; loss and disposal come later, by update.
  status: z.enum(registrationStatuses, { message: '状態を選んでください / Choose a status' }).default('in_use'),
  storageLocation: storageLocationSchema.default(''),
  lockedStorage: z.boolean().default(false),
});
export type RegisterMediumInput = z.infer<typeof registerMediumSchema>;

export const updateMediumSchema = z
  .strictObject({
    kind: kindSchema,
    description: descriptionSchema,
    holderId: idSchema.nullable(),
    status: z.enum(mediumStatuses, { message: '状態を選んでください / Choose a status' }),
    /** 第2 4(3)イ: the assets on it are final; the medium is then write-protected too. */
    finalised: z.boolean(),
    writeProtected: z.boolean(),
    storageLocation: storageLocationSchema,
    lockedStorage: z.boolean(),
  })
  .partial()
  .refine((value) => Object.keys(value).length > 0, { message: '変更する項目がありません / Nothing to change' });
export type UpdateMediumInput = z.infer<typeof updateMediumSchema>;

export const listMediaQuerySchema = z.strictObject({
  q: text(mediumTextLimits.search).optional(),
  departmentId: idSchema.optional(),
  status: z.enum(mediumStatuses).optional(),
  holderId: idSchema.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListMediaQuery = z.infer<typeof listMediaQuerySchema>;

export const mediumParamsSchema = z.strictObject({ id: idSchema });

// Answers. Ids are read from the database, so any well-formed UUID (guid) is accepted on the way out.

/** One issued medium as the register lists it. */
export const mediumSummarySchema = z
  .object({
    id: z.guid(),
    code: z.string(),
    kind: z.enum(mediumKinds),
    description: z.string(),
    departmentId: z.guid(),
    departmentName: z.string(),
    holderId: z.guid().nullable(),
    holderName: z.string().nullable(),
    issuedOn: z.iso.date(),
    status: z.enum(mediumStatuses),
    /** 第2 4(3)イ: the assets on it are final. */
    finalised: z.boolean(),
    writeProtected: z.boolean(),
    storageLocation: z.string(),
    /** 第2 4(3)ウ: kept in lockable storage. */
    lockedStorage: z.boolean(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'MediumSummary' });
export type MediumSummary = z.infer<typeof mediumSummarySchema>;

/** GET /api/media: one page of the register the actor may read, and what they may do with it. */
export const mediaListSchema = z
  .object({
    items: z.array(mediumSummarySchema),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    allowedActions: z.array(z.enum(mediaRegisterActions)),
    /** The 課等 the actor may register media in. */
    registerDepartmentIds: z.array(z.guid()),
  })
  .meta({ id: 'MediaList' });
export type MediaList = z.infer<typeof mediaListSchema>;

/** An asset recorded on a medium, shown only to those who may read it. */
export const assetOnMediumSchema = z
  .object({ id: z.guid(), labelCode: z.string(), name: z.string(), classLevel: z.string(), status: z.enum(assetStatuses) })
  .meta({ id: 'AssetOnMedium' });
export type AssetOnMedium = z.infer<typeof assetOnMediumSchema>;

/** GET /api/media/:id (and the answer to registering or changing one): the medium, its assets, what the actor may do. */
export const mediumDetailSchema = z
  .object({
    medium: mediumSummarySchema,
    /** Only the assets the actor may read. */
    assets: z.array(assetOnMediumSchema),
    /** 第2 4(3)ウ: it holds assets whose media must stay in lockable storage, so locked storage cannot be turned off. */
    lockedStorageRequired: z.boolean(),
    allowedActions: z.array(z.enum(mediumChanges)),
  })
  .meta({ id: 'MediumDetail' });
export type MediumDetail = z.infer<typeof mediumDetailSchema>;
