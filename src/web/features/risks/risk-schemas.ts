import { z } from 'zod';
import { isRating, riskStatuses, riskTextLimits } from '../../../features/risks/risk-fields.js';

// The same rules the server applies (src/features/risks/schemas.ts, from the same risk-fields.ts), checked here
// first so the user hears about a mistake beside the field, in their language, before anything is sent.

const tooLong = (max: number) => `validationTooLong:${max}`;
/** A rating as its radio button holds it: '1', '2' or '3'. */
const rating = z.string().refine((value) => isRating(Number(value)), 'validationChoose');

/** The analysis itself: what an entry says, on record and on revision. */
export const riskFieldsSchema = z
  .object({
    subject: z.enum(['asset', 'group']),
    assetId: z.string(),
    assetGroup: z.string().trim().max(riskTextLimits.assetGroup, tooLong(riskTextLimits.assetGroup)),
    threatId: z.string().min(1, 'validationChoose'),
    description: z.string().trim().max(riskTextLimits.description, tooLong(riskTextLimits.description)),
    likelihood: rating,
    impact: rating,
    countermeasures: z.string().trim().min(1, 'validationRequired').max(riskTextLimits.countermeasures, tooLong(riskTextLimits.countermeasures)),
    responseProcedure: z.string().trim().min(1, 'validationRequired').max(riskTextLimits.responseProcedure, tooLong(riskTextLimits.responseProcedure)),
    status: z.enum(riskStatuses, 'validationChoose'),
    reviewDue: z.string(),
  })
  // 第2 2: one asset, or one named group of assets.
  .superRefine((values, context) => {
    if (values.subject === 'asset' && values.assetId === '') context.addIssue({ code: 'custom', path: ['assetId'], message: 'validationChoose' });
    if (values.subject === 'group' && values.assetGroup === '') context.addIssue({ code: 'custom', path: ['assetGroup'], message: 'validationRequired' });
  });

/** Recording adds the 課等 whose analysis it is. */
export const riskRecordSchema = z.intersection(riskFieldsSchema, z.object({ departmentId: z.string().min(1, 'validationChoose') }));

export type RiskFieldsValues = z.infer<typeof riskFieldsSchema>;
export type RiskRecordValues = z.infer<typeof riskRecordSchema>;

/** The request body for these values: the chosen subject only, ratings as numbers, an empty date as none. */
export function riskBody(values: RiskFieldsValues) {
  return {
    assetId: values.subject === 'asset' ? values.assetId : null,
    assetGroup: values.subject === 'group' ? values.assetGroup.trim() : null,
    threatId: values.threatId,
    description: values.description,
    likelihood: Number(values.likelihood),
    impact: Number(values.impact),
    countermeasures: values.countermeasures,
    responseProcedure: values.responseProcedure,
    status: values.status,
    reviewDue: values.reviewDue === '' ? null : values.reviewDue,
  };
}
