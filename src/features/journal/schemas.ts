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

// What the routes answer: the serializer sends exactly these, and the web takes its types from them.

/** One journal entry as the journal page shows it; `data` is the event's own (journal/events.ts), `hash` its chain link. */
export const journalEntrySchema = z
  .object({
    seq: z.number().int(),
    at: z.iso.datetime(),
    /** Null when no signed-in person acted (Bansho's own acts, such as creating the first administrator). */
    actorId: z.uuid().nullable(),
    actorName: z.string(),
    type: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    data: z.unknown(),
    hash: z.string(),
  })
  .meta({ id: 'JournalEntry' });
export type JournalEntry = z.infer<typeof journalEntrySchema>;

/** GET /api/journal: a page of entries, newest first, and the cursor of the next (older) page, or null at the end. */
export const journalPageSchema = z.object({ items: z.array(journalEntrySchema), nextBefore: z.number().int().nullable() }).meta({ id: 'JournalPage' });
export type JournalPage = z.infer<typeof journalPageSchema>;

/** GET /api/journal/types: every event type Bansho writes, for the filter. */
export const journalTypesSchema = z.object({ types: z.array(z.string()) }).meta({ id: 'JournalTypes' });
export type JournalTypes = z.infer<typeof journalTypesSchema>;
