import { z } from 'zod';

/** The id of a journaled entity (a uuid, a login, a package id). */
export const entityId = z.string().min(1);

/** What an update changed: each field's value before and after. */
export const changes = z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() }));

/**
 * Other records an entry is about besides its own entity (a risk names its asset, an approval the asset it lets
 * out): a record's history reads its own entries and those that name it.
 */
export const relatedEntities = z.array(z.strictObject({ entityType: z.string().min(1).regex(/^[a-z_]+$/), entityId })).min(1).max(20);
export type RelatedEntity = z.infer<typeof relatedEntities>[number];

/**
 * One kind of journal entry: its type, the kind of entity it is about, the shape of its data, and optionally the
 * other records it concerns. Each feature declares the events it writes (`features/<name>/events.ts`); the
 * journal's union is made of them all.
 */
export function journalEvent<Type extends string, Entity extends string, Data extends z.ZodType>(type: Type, entityType: Entity, data: Data) {
  return z.object({ type: z.literal(type), entityType: z.literal(entityType), entityId, data, related: relatedEntities.optional() });
}

/** Any feature's event schema, as the journal's union takes them. */
export type JournalEventSchema = ReturnType<typeof journalEvent<string, string, z.ZodType>>;

/**
 * The `related` member of an event for the records given as [kind, id] (`['asset', id]`), leaving out those without
 * an id and repeats; nothing at all when none is left. Spread it into the event.
 */
export function relatedTo(...records: readonly (readonly [entityType: string, id: string | null | undefined])[]): { related?: RelatedEntity[] } {
  const related: RelatedEntity[] = [];
  for (const [entityType, entityId] of records) {
    if (entityId && !related.some((r) => r.entityType === entityType && r.entityId === entityId)) related.push({ entityType, entityId });
  }
  return related.length > 0 ? { related } : {};
}
