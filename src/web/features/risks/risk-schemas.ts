import { z } from 'zod';
import { riskStatuses } from './risk-types.js';

// The same rules the server applies (src/features/risks/schemas.ts), checked here first so the user hears
// about a mistake beside the field, in their language, before anything is sent.

const rating = z.enum(['1', '2', '3'], 'validationChoose');

/** The analysis itself: what an entry says, on record and on revision. */
export const riskFieldsSchema = z
  .object({
    subject: z.enum(['asset', 'group']),
    assetId: z.string(),
    assetGroup: z.string().trim().max(200, 'validationTooLong:200'),
    threatId: z.string().min(1, 'validationChoose'),
    description: z.string().trim().max(2000, 'validationTooLong:2000'),
    likelihood: rating,
    impact: rating,
    countermeasures: z.string().trim().min(1, 'validationRequired').max(4000, 'validationTooLong:4000'),
    responseProcedure: z.string().trim().min(1, 'validationRequired').max(4000, 'validationTooLong:4000'),
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
