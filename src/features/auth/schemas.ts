import { z } from 'zod';

export const signInSchema = z.strictObject({
  login: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(1024),
});
export const mfaCodeSchema = z.strictObject({ code: z.string().trim().regex(/^\d{6}$/, { message: '6桁の数字を入力してください / Enter the 6 digits' }) });
export const changePasswordSchema = z.strictObject({
  currentPassword: z.string().min(1).max(1024),
  newPassword: z.string().min(1).max(1024),
});
export const preferencesSchema = z
  .strictObject({ locale: z.enum(['ja', 'en']), calendar: z.enum(['gregorian', 'japanese']) })
  .partial();
