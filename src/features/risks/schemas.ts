import { z } from 'zod';
import { bilingualSchema } from '../../domain/error-body.js';
import { maxRiskScore, ratings, riskStatuses, riskTextLimits } from './risk-fields.js';
import { riskChanges, riskRegisterActions } from './risk-policy.js';

// One schema per input and per answer: request validation, TypeScript types (the web's too) and the OpenAPI
// document all come from here.
const text = (max: number) => z.string().trim().max(max, { message: `${max}文字以内で入力してください / At most ${max} characters` });
export const idSchema = z.uuid({ message: 'IDの形式が正しくありません / Not a valid id' });
export const calendarDateSchema = z.iso.date({ message: '日付は YYYY-MM-DD で入力してください / Write dates as YYYY-MM-DD' });

/** 1 低 – 3 高: the register rates likelihood and impact on a three-step scale; the score is their product. */
const rating = (what: { ja: string; en: string }) => z.literal(ratings, { message: `${what.ja}は1〜3で選んでください / Rate ${what.en} from 1 to 3` });

/** Fields of an entry its 情報セキュリティ責任者 writes (第2 2: threat, impact, prevention and response). */
const riskFields = {
  /** For one asset, or for a named group of assets (e.g. 「窓口端末」): exactly one of the two. */
  assetId: idSchema.nullable(),
  assetGroup: text(riskTextLimits.assetGroup).min(1, { message: '資産のまとまりの名前を入力してください / Name the group of assets' }).nullable(),
  /** An item id of the policy's list of threats (第1 3). */
  threatId: z.string().trim().min(1, { message: '脅威を選んでください / Choose a threat' }).max(riskTextLimits.threatId),
  description: text(riskTextLimits.description),
  likelihood: rating({ ja: '発生可能性', en: 'likelihood' }),
  impact: rating({ ja: '影響度', en: 'impact' }),
  countermeasures: text(riskTextLimits.countermeasures).min(1, { message: '予防のための対策を入力してください / Describe the countermeasures' }),
  responseProcedure: text(riskTextLimits.responseProcedure).min(1, { message: '顕在化した場合の手順を入力してください / Describe the response procedure' }),
  status: z.enum(riskStatuses, { message: '状態を選んでください / Choose a status' }),
  reviewDue: calendarDateSchema.nullable(),
};

export const recordRiskSchema = z.strictObject({
  ...riskFields,
  departmentId: idSchema,
  assetId: riskFields.assetId.default(null),
  assetGroup: riskFields.assetGroup.default(null),
  description: riskFields.description.default(''),
  status: riskFields.status.default('open'),
  reviewDue: riskFields.reviewDue.default(null),
});
export type RecordRiskInput = z.infer<typeof recordRiskSchema>;

export const updateRiskSchema = z
  .strictObject(riskFields)
  .partial()
  .refine((value) => Object.keys(value).length > 0, { message: '変更する項目がありません / Nothing to change' });
export type UpdateRiskInput = z.infer<typeof updateRiskSchema>;

export const listRisksQuerySchema = z.strictObject({
  departmentId: idSchema.optional(),
  threatId: z.string().trim().min(1).max(riskTextLimits.threatId).optional(),
  status: z.enum(riskStatuses).optional(),
  minScore: z.coerce.number().int().min(1).max(maxRiskScore).optional(),
  assetId: idSchema.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListRisksQuery = z.infer<typeof listRisksQuerySchema>;

export const riskParamsSchema = z.strictObject({ id: idSchema });

// Answers. Ids are read from the database, so any well-formed UUID (guid) is accepted on the way out.

/** A threat of the policy's list (第1 3) as the register names it; one the package has since dropped keeps its id. */
export const threatRefSchema = z.object({ id: z.string(), title: bilingualSchema, clause: z.string().nullable() }).meta({ id: 'ThreatRef' });
export type ThreatRef = z.infer<typeof threatRefSchema>;

/** One entry of the risk register as lists show it. */
export const riskSummarySchema = z
  .object({
    id: z.guid(),
    departmentId: z.guid(),
    departmentName: z.string(),
    /** The asset, when the entry covers one; label and name only when the actor may read the asset. */
    asset: z.object({ id: z.guid(), labelCode: z.string().nullable(), name: z.string().nullable() }).nullable(),
    assetGroup: z.string().nullable(),
    threat: threatRefSchema,
    likelihood: z.literal(ratings),
    impact: z.literal(ratings),
    /** likelihood × impact. */
    score: z.number().int(),
    status: z.enum(riskStatuses),
    reviewDue: z.iso.date().nullable(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'RiskSummary' });
export type RiskSummary = z.infer<typeof riskSummarySchema>;

/** GET /api/risks: one page of the register, the likelihood × impact counts of the whole filtered set, what the actor may do. */
export const riskListSchema = z
  .object({
    items: z.array(riskSummarySchema),
    total: z.number().int(),
    /** heat[likelihood - 1][impact - 1]: how many entries of the filtered register sit in each cell. */
    heat: z.array(z.array(z.number().int())),
    page: z.number().int(),
    pageSize: z.number().int(),
    allowedActions: z.array(z.enum(riskRegisterActions)),
    /** The 課等 the actor may record risks for. */
    recordDepartmentIds: z.array(z.guid()),
  })
  .meta({ id: 'RiskList' });
export type RiskList = z.infer<typeof riskListSchema>;

/** One entry in full. */
export const riskEntrySchema = riskSummarySchema
  .extend({
    description: z.string(),
    countermeasures: z.string(),
    responseProcedure: z.string(),
    createdAt: z.iso.datetime(),
    createdByName: z.string().nullable(),
  })
  .meta({ id: 'RiskEntry' });
export type RiskEntry = z.infer<typeof riskEntrySchema>;

/** GET /api/risks/:id (and the answer to recording or revising one): the entry and what the actor may do with it. */
export const riskDetailSchema = z.object({ risk: riskEntrySchema, allowedActions: z.array(z.enum(riskChanges)) }).meta({ id: 'RiskDetail' });
export type RiskDetail = z.infer<typeof riskDetailSchema>;
