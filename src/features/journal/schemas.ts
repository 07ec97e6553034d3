import { z } from 'zod';

const dateTime = z.union([z.iso.datetime({ offset: true }), z.iso.date()]).transform((value) => new Date(value));

export const journalQuerySchema = z.strictObject({
  actorId: z.uuid().optional(),
  entityType: z.string().trim().max(64).optional(),
  entityId: z.string().trim().max(128).optional(),
  type: z.string().trim().max(64).optional(),
  from: dateTime.optional(),
  to: dateTime.optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type JournalQuery = z.infer<typeof journalQuerySchema>;
