import { z } from 'zod';

/** The id of a journaled entity (a uuid, a login, a package id). */
export const entityId = z.string().min(1);

/** What an update changed: each field's value before and after. */
export const changes = z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() }));

/**
 * One kind of journal entry: its type, the kind of entity it is about, and the shape of its data. Each feature
 * declares the events it writes (`features/<name>/events.ts`); the journal's union is made of them all.
 */
export function journalEvent<Type extends string, Entity extends string, Data extends z.ZodType>(type: Type, entityType: Entity, data: Data) {
  return z.object({ type: z.literal(type), entityType: z.literal(entityType), entityId, data });
}

/** Any feature's event schema, as the journal's union takes them. */
export type JournalEventSchema = ReturnType<typeof journalEvent<string, string, z.ZodType>>;
