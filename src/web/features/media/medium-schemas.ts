import { z } from 'zod';
import { mediumCodePattern, mediumKinds, mediumStatuses, mediumTextLimits, registrationStatuses } from '../../../features/media/medium-fields.js';

// The same rules the server applies (src/features/media/schemas.ts, from the same medium-fields.ts), checked here
// first so the user hears about a mistake beside the field, in their language, before anything is sent.

const optionalText = (max: number) => z.string().trim().max(max, `validationTooLong:${max}`);
const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'validationRequired');

/** Fields an officer edits after registration. */
export const mediumEditSchema = z.object({
  kind: z.enum(mediumKinds, 'validationChoose'),
  description: optionalText(mediumTextLimits.description),
  holderId: z.string(),
  status: z.enum(mediumStatuses, 'validationChoose'),
  finalised: z.boolean(),
  writeProtected: z.boolean(),
  storageLocation: optionalText(mediumTextLimits.storageLocation),
  lockedStorage: z.boolean(),
});

/** 記録媒体の登録: the number on it, the 課等 it is issued to and the day, plus the editable fields. */
export const mediumRegisterSchema = z.object({
  code: z.string().trim().min(1, 'validationRequired').regex(mediumCodePattern, 'validationCodeFormat'),
  kind: z.enum(mediumKinds, 'validationChoose'),
  description: optionalText(mediumTextLimits.description),
  departmentId: z.string().min(1, 'validationChoose'),
  holderId: z.string(),
  issuedOn: dateSchema,
  status: z.enum(registrationStatuses, 'validationChoose'),
  storageLocation: optionalText(mediumTextLimits.storageLocation),
  lockedStorage: z.boolean(),
});

export type MediumEditValues = z.infer<typeof mediumEditSchema>;
export type MediumRegisterValues = z.infer<typeof mediumRegisterSchema>;
