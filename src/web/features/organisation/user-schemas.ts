import { z } from 'zod';

// The same rules the server applies (src/features/organisation/schemas.ts), checked here first so the
// user hears about a mistake beside the field, in their language, before anything is sent.

/** ふりがな: hiragana or katakana, with the long-vowel mark, middle dot and spaces; may be left empty. */
export const kanaSchema = z
  .string()
  .trim()
  .max(100, 'validationTooLong:100')
  .regex(/^[\p{Script=Katakana}\p{Script=Hiragana}ー・\s]*$/u, 'validationKana');

/** Fields a user record has in common between registration and editing. */
export const userProfileSchema = z.object({
  name: z.string().trim().min(1, 'validationRequired').max(100, 'validationTooLong:100'),
  kana: kanaSchema,
  staffNumber: z.string().trim().min(1, 'validationRequired').regex(/^[A-Za-z0-9-]{1,32}$/, 'validationStaffNumber'),
  email: z.union([z.literal(''), z.string().trim().max(254, 'validationTooLong:254').email('validationEmail')]),
});

/** 職員の登録: the profile plus login id and the 課等 the user belongs to. */
export const userCreateSchema = userProfileSchema.extend({
  login: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, 'validationRequired')
    .regex(/^[a-z0-9._-]{3,64}$/, 'validationLogin'),
  departmentId: z.string().min(1, 'validationChoose'),
});

export type UserProfileValues = z.infer<typeof userProfileSchema>;
export type UserCreateValues = z.infer<typeof userCreateSchema>;
