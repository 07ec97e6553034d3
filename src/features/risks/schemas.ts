import { z } from 'zod';
import type { RiskStatus } from './tables.js';

// One schema per input: request validation, TypeScript types and the OpenAPI document all come from here.
const text = (max: number) => z.string().trim().max(max, { message: `${max}文字以内で入力してください / At most ${max} characters` });
export const idSchema = z.uuid({ message: 'IDの形式が正しくありません / Not a valid id' });
export const calendarDateSchema = z.iso.date({ message: '日付は YYYY-MM-DD で入力してください / Write dates as YYYY-MM-DD' });

export const riskStatuses = ['open', 'treated', 'accepted', 'closed'] as const satisfies readonly RiskStatus[];

/** 1 低 – 3 高: the register rates likelihood and impact on a three-step scale; the score is their product. */
const rating = (what: { ja: string; en: string }) => {
  const message = `${what.ja}は1〜3で選んでください / Rate ${what.en} from 1 to 3`;
  return z.number({ message }).int({ message }).min(1, { message }).max(3, { message });
};

/** Fields of an entry its 情報セキュリティ責任者 writes (第2 2: threat, impact, prevention and response). */
const riskFields = {
  /** For one asset, or for a named group of assets (e.g. 「窓口端末」): exactly one of the two. */
  assetId: idSchema.nullable(),
  assetGroup: text(200).min(1, { message: '資産のまとまりの名前を入力してください / Name the group of assets' }).nullable(),
  /** An item id of the policy's list of threats (第1 3). */
  threatId: z.string().trim().min(1, { message: '脅威を選んでください / Choose a threat' }).max(60),
  description: text(2000),
  likelihood: rating({ ja: '発生可能性', en: 'likelihood' }),
  impact: rating({ ja: '影響度', en: 'impact' }),
  countermeasures: text(4000).min(1, { message: '予防のための対策を入力してください / Describe the countermeasures' }),
  responseProcedure: text(4000).min(1, { message: '顕在化した場合の手順を入力してください / Describe the response procedure' }),
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
  threatId: z.string().trim().min(1).max(60).optional(),
  status: z.enum(riskStatuses).optional(),
  minScore: z.coerce.number().int().min(1).max(9).optional(),
  assetId: idSchema.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListRisksQuery = z.infer<typeof listRisksQuerySchema>;
