import { z } from 'zod';
import { bilingualSchema } from '../../domain/error-body.js';
import { canonicalRoles, scopeTypes } from '../../policy/schema.js';
import { userActions } from './user-policy.js';

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

// What the routes answer: the serializer sends exactly these, and the web takes its types from them.
const recordStatusSchema = z.enum(['active', 'disabled']);
const timestampSchema = z.iso.datetime();

/** A 課等 (or 部) of the tree, with what the actor may do with it. */
export const departmentSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    kana: z.string(),
    parentId: z.uuid().nullable(),
    /** A level id of the policy's `departmentLevels`. */
    level: z.string(),
    status: recordStatusSchema,
    allowedActions: z.array(z.enum(['update'])),
  })
  .meta({ id: 'Department' });
export type Department = z.infer<typeof departmentSchema>;

/** GET /api/departments: the whole tree (every signed-in person reads it), and whether the actor may add to it. */
export const departmentListSchema = z.object({ items: z.array(departmentSchema), allowedActions: z.array(z.enum(['create'])) }).meta({ id: 'DepartmentList' });
export type DepartmentList = z.infer<typeof departmentListSchema>;

/** The 課等 a change was made to. */
export const departmentReferenceSchema = z.object({ id: z.uuid() }).meta({ id: 'DepartmentReference' });
export type DepartmentReference = z.infer<typeof departmentReferenceSchema>;

/**
 * A live role assignment under the policy's title for the role. `scopeId` is null for a global role; `scopeName`
 * is the 課等's name for a department scope, the system's or network's name for those, null for a global one.
 */
export const roleAssignmentSchema = z
  .object({
    id: z.uuid(),
    role: z.string(),
    title: bilingualSchema,
    scopeType: z.enum(scopeTypes),
    scopeId: z.string().nullable(),
    scopeName: z.string().nullable(),
  })
  .meta({ id: 'RoleAssignment' });
export type RoleAssignment = z.infer<typeof roleAssignmentSchema>;

/** A role assignment of the users list: its scope by id only (`''` for a global role); the web names 課等 from the tree. */
export const listedRoleSchema = z
  .object({ id: z.uuid(), role: z.string(), title: bilingualSchema, scopeType: z.enum(scopeTypes), scopeId: z.string() })
  .meta({ id: 'ListedRole' });

const userFields = {
  id: z.uuid(),
  login: z.string(),
  staffNumber: z.string(),
  name: z.string(),
  kana: z.string(),
  email: z.string(),
  departmentId: z.uuid(),
  departmentName: z.string(),
  status: recordStatusSchema,
};

/** A user as the users list shows them. */
export const userSummarySchema = z.object({ ...userFields, roles: z.array(listedRoleSchema) }).meta({ id: 'UserSummary' });
export type UserSummary = z.infer<typeof userSummarySchema>;

/** GET /api/users: one page of the users the actor may read, and whether they may register users. */
export const userListSchema = z
  .object({
    items: z.array(userSummarySchema),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    allowedActions: z.array(z.enum(['create'])),
  })
  .meta({ id: 'UserList' });
export type UserList = z.infer<typeof userListSchema>;

/** A live role assignment with when and by whom it was granted. */
export const grantedRoleSchema = roleAssignmentSchema.extend({ grantedAt: timestampSchema, grantedByName: z.string().nullable() }).meta({ id: 'GrantedRole' });

/** One user's record, their roles, and what the actor may do to them (the answer of every change to a user). */
export const userDetailSchema = z
  .object({
    user: z.object({ ...userFields, disabledReason: z.string().nullable(), createdAt: timestampSchema }),
    roles: z.array(grantedRoleSchema),
    allowedActions: z.array(z.enum(userActions).exclude(['read'])),
  })
  .meta({ id: 'UserDetail' });
export type UserDetail = z.infer<typeof userDetailSchema>;

/** A one-time password, shown once and never stored in clear (第5 3(7): it must be changed at first sign-in). */
const initialPasswordSchema = z.string();

/** POST /api/users: the new user's record and their one-time password. */
export const createdUserSchema = userDetailSchema.extend({ initialPassword: initialPasswordSchema }).meta({ id: 'CreatedUser' });
export type CreatedUser = z.infer<typeof createdUserSchema>;

/** POST /api/users/:id/reset-password: the new one-time password. */
export const passwordResetSchema = z.object({ initialPassword: initialPasswordSchema }).meta({ id: 'PasswordReset' });
export type PasswordReset = z.infer<typeof passwordResetSchema>;
