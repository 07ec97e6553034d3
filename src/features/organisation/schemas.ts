import { z } from 'zod';
import { canonicalRoles, scopeTypes } from '../../policy/schema.js';

// One schema per input: request validation, TypeScript types and the OpenAPI document all come from here.
const text = (max: number) => z.string().trim().max(max);
export const loginSchema = z.string().trim().toLowerCase().regex(/^[a-z0-9._-]{3,64}$/, { message: 'ログインIDは3〜64文字の半角英小文字・数字・._- です / 3–64 lowercase letters, digits, . _ -' });
export const personNameSchema = text(100).min(1, { message: '氏名を入力してください / Enter a name' });
export const kanaSchema = text(100).regex(/^[\p{Script=Katakana}\p{Script=Hiragana}ー・\s]*$/u, { message: 'ふりがなはひらがな・カタカナで入力してください / Use kana only' });
export const staffNumberSchema = z.string().trim().regex(/^[A-Za-z0-9-]{1,32}$/, { message: '職員番号は半角英数字とハイフン32文字以内です / Up to 32 letters, digits or hyphens' });
export const emailSchema = z.union([z.literal(''), z.email({ message: 'メールアドレスの形式が正しくありません / Not an e-mail address' }).max(254)]);
export const idSchema = z.uuid({ message: 'IDの形式が正しくありません / Not a valid id' });

export const createUserSchema = z.strictObject({
  login: loginSchema,
  staffNumber: staffNumberSchema,
  name: personNameSchema,
  kana: kanaSchema.default(''),
  email: emailSchema.default(''),
  departmentId: idSchema,
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const updateUserSchema = z
  .strictObject({ name: personNameSchema, kana: kanaSchema, email: emailSchema, staffNumber: staffNumberSchema })
  .partial()
  .refine((value) => Object.keys(value).length > 0, { message: '変更する項目がありません / Nothing to change' });
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const disableUserSchema = z.strictObject({ reason: text(500).min(1, { message: '理由を入力してください / Give a reason' }) });
export const moveUserSchema = z.strictObject({ departmentId: idSchema });
export const grantRoleSchema = z.strictObject({
  role: z.enum(canonicalRoles),
  scopeType: z.enum(scopeTypes),
  scopeId: text(100).nullable().default(null),
});
export type GrantRoleInput = z.infer<typeof grantRoleSchema>;

export const listUsersQuerySchema = z.strictObject({
  q: text(100).optional(),
  departmentId: idSchema.optional(),
  status: z.enum(['active', 'disabled']).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListUsersQuery = z.infer<typeof listUsersQuerySchema>;

export const departmentCodeSchema = z.string().trim().regex(/^[A-Za-z0-9_-]{1,32}$/, { message: 'コードは半角英数字32文字以内です / Up to 32 letters or digits' });
export const createDepartmentSchema = z.strictObject({
  code: departmentCodeSchema,
  name: text(100).min(1),
  kana: kanaSchema.default(''),
  parentId: idSchema.nullable().default(null),
  level: z.string().trim().min(1).max(32),
});
export type CreateDepartmentInput = z.infer<typeof createDepartmentSchema>;
export const updateDepartmentSchema = z
  .strictObject({ name: text(100).min(1), kana: kanaSchema, parentId: idSchema.nullable() })
  .partial()
  .refine((value) => Object.keys(value).length > 0, { message: '変更する項目がありません / Nothing to change' });
export type UpdateDepartmentInput = z.infer<typeof updateDepartmentSchema>;
