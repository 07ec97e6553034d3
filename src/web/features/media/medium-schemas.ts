import { z } from 'zod';
import { mediumKinds, mediumStatuses } from './media-types.js';

// The same rules the server applies (src/features/media/schemas.ts), checked here first so the user hears
// about a mistake beside the field, in their language, before anything is sent.

const optionalText = (max: number) => z.string().trim().max(max, `validationTooLong:${max}`);
const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'validationRequired');

/** Fields an officer edits after registration. */
export const mediumEditSchema = z.object({
  kind: z.enum(mediumKinds, 'validationChoose'),
  description: optionalText(1000),
  holderId: z.string(),
  status: z.enum(mediumStatuses, 'validationChoose'),
  finalised: z.boolean(),
  writeProtected: z.boolean(),
  storageLocation: optionalText(200),
  lockedStorage: z.boolean(),
});

/** 記録媒体の登録: the number on it, the 課等 it is issued to and the day, plus the editable fields. */
export const mediumRegisterSchema = z.object({
  code: z.string().trim().min(1, 'validationRequired').regex(/^[A-Za-z0-9_-]{1,32}$/, 'validationCodeFormat'),
  kind: z.enum(mediumKinds, 'validationChoose'),
  description: optionalText(1000),
  departmentId: z.string().min(1, 'validationChoose'),
  holderId: z.string(),
  issuedOn: dateSchema,
  status: z.enum(['in_use', 'stored'], 'validationChoose'),
  storageLocation: optionalText(200),
  lockedStorage: z.boolean(),
});

export type MediumEditValues = z.infer<typeof mediumEditSchema>;
export type MediumRegisterValues = z.infer<typeof mediumRegisterSchema>;
