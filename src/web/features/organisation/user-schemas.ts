import { z } from 'zod';

// Full-width katakana, the long vowel mark, middle dot and spaces: how 職員 readings are recorded.
const katakana = /^[\u30A0-\u30FF\u3000 ]+$/u;

/** Fields a user record has in common between registration and editing. */
export const userProfileSchema = z.object({
  name: z.string().trim().min(1, 'validationRequired').max(100, 'validationTooLong:100'),
  kana: z.string().trim().min(1, 'validationRequired').max(100, 'validationTooLong:100').regex(katakana, 'validationKana'),
  staffNumber: z.string().trim().min(1, 'validationRequired').max(32, 'validationTooLong:32'),
  email: z.union([z.literal(''), z.string().trim().max(254, 'validationTooLong:254').email('validationEmail')]),
});

/** 職員の登録: the profile plus login id and the 課等 the user belongs to. */
export const userCreateSchema = userProfileSchema.extend({
  login: z.string().trim().min(1, 'validationRequired').max(64, 'validationTooLong:64'),
  departmentId: z.string().min(1, 'validationChoose'),
});

export type UserProfileValues = z.infer<typeof userProfileSchema>;
export type UserCreateValues = z.infer<typeof userCreateSchema>;
