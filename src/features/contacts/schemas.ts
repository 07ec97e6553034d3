import { z } from 'zod';
import type { ContactKind } from './tables.js';

// One schema per shape: request validation, the response's serialisation, the TypeScript types of server and
// web, and the OpenAPI document all come from here.
const text = (max: number) => z.string().trim().max(max, { message: `${max}文字以内で入力してください / At most ${max} characters` });
export const idSchema = z.uuid({ message: 'IDの形式が正しくありません / Not a valid id' });

export const contactKinds = ['internal', 'authority', 'expert', 'vendor', 'other'] as const satisfies readonly ContactKind[];

const phoneSchema = z
  .string()
  .trim()
  .regex(/^[0-9０-９+()（）\- ー－]{0,40}$/, { message: '電話番号は数字・ハイフン・括弧で入力してください / Digits, hyphens and brackets only' });
const emailSchema = z.union([z.literal(''), z.email({ message: 'メールアドレスの形式が正しくありません / Not an e-mail address' })]);

const contactFields = {
  name: text(100).min(1, { message: '名前を入力してください / Enter a name' }),
  organisation: text(200),
  kind: z.enum(contactKinds, { message: '区分を選んでください / Choose a kind' }),
  purpose: text(500).min(1, { message: 'どのような時の連絡先かを入力してください / Say when to call them' }),
  phone: phoneSchema,
  email: emailSchema,
  notes: text(1000),
  priority: z.number().int().min(1).max(99),
};

/** 第5 8(3): an entry of the emergency plan's contacts. */
export const addContactSchema = z.strictObject({
  ...contactFields,
  organisation: contactFields.organisation.default(''),
  phone: contactFields.phone.default(''),
  email: contactFields.email.default(''),
  notes: contactFields.notes.default(''),
  priority: contactFields.priority.default(1),
});
export type AddContactInput = z.infer<typeof addContactSchema>;

/** A change to an entry; `active: false` takes it out of use and keeps it as history. */
export const updateContactSchema = z
  .strictObject({ ...contactFields, active: z.boolean() })
  .partial()
  .refine((value) => Object.keys(value).length > 0, { message: '変更する項目がありません / Nothing to change' });
export type UpdateContactInput = z.infer<typeof updateContactSchema>;

export const contactParamsSchema = z.strictObject({ id: idSchema });

/** One entry as the directory shows it, with what the reader may do with it. */
export const contactSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    organisation: z.string(),
    kind: z.enum(contactKinds),
    purpose: z.string(),
    phone: z.string(),
    email: z.string(),
    notes: z.string(),
    priority: z.number().int(),
    active: z.boolean(),
    updatedAt: z.iso.datetime(),
    allowedActions: z.array(z.literal('update')),
  })
  .meta({ id: 'Contact' });
export type Contact = z.infer<typeof contactSchema>;

/** GET /api/contacts: the directory, those in use first, by purpose and order of calling. */
export const contactListSchema = z.object({ items: z.array(contactSchema), allowedActions: z.array(z.literal('create')) }).meta({ id: 'ContactList' });
export type ContactList = z.infer<typeof contactListSchema>;
