import { z } from 'zod';
import type { MediumKind, MediumStatus } from './tables.js';

// One schema per input: request validation, TypeScript types and the OpenAPI document all come from here.
const text = (max: number) => z.string().trim().max(max, { message: `${max}文字以内で入力してください / At most ${max} characters` });
export const idSchema = z.uuid({ message: 'IDの形式が正しくありません / Not a valid id' });
export const calendarDateSchema = z.iso.date({ message: '日付は YYYY-MM-DD で入力してください / Write dates as YYYY-MM-DD' });

export const mediumKinds = ['usb', 'optical', 'hdd', 'ssd', 'sd', 'tape', 'paper', 'other'] as const satisfies readonly MediumKind[];
export const mediumStatuses = ['in_use', 'stored', 'lost', 'disposed'] as const satisfies readonly MediumStatus[];

/** The number written on the medium (管理番号), as the table's CHECK allows it. */
export const mediumCodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,32}$/, { message: '管理番号は半角英数字・「_」「-」32文字以内です / Up to 32 letters, digits, _ or -' });

const kindSchema = z.enum(mediumKinds, { message: '種類を選んでください / Choose a kind' });
const descriptionSchema = text(1000);
const storageLocationSchema = text(200);

/** 第2 4(3)ア: a medium issued to a 課等, with its holder and where it is kept. */
export const registerMediumSchema = z.strictObject({
  code: mediumCodeSchema,
  kind: kindSchema,
  description: descriptionSchema.default(''),
  departmentId: idSchema,
  holderId: idSchema.nullable().default(null),
  issuedOn: calendarDateSchema,
  // A medium is issued for use or put straight into storage; loss and disposal come later, by update.
  status: z.enum(['in_use', 'stored'], { message: '状態を選んでください / Choose a status' }).default('in_use'),
  storageLocation: storageLocationSchema.default(''),
  lockedStorage: z.boolean().default(false),
});
export type RegisterMediumInput = z.infer<typeof registerMediumSchema>;

export const updateMediumSchema = z
  .strictObject({
    kind: kindSchema,
    description: descriptionSchema,
    holderId: idSchema.nullable(),
    status: z.enum(mediumStatuses, { message: '状態を選んでください / Choose a status' }),
    /** 第2 4(3)イ: the assets on it are final; the medium is then write-protected too. */
    finalised: z.boolean(),
    writeProtected: z.boolean(),
    storageLocation: storageLocationSchema,
    lockedStorage: z.boolean(),
  })
  .partial()
  .refine((value) => Object.keys(value).length > 0, { message: '変更する項目がありません / Nothing to change' });
export type UpdateMediumInput = z.infer<typeof updateMediumSchema>;

export const listMediaQuerySchema = z.strictObject({
  q: text(100).optional(),
  departmentId: idSchema.optional(),
  status: z.enum(mediumStatuses).optional(),
  holderId: idSchema.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListMediaQuery = z.infer<typeof listMediaQuerySchema>;
