import { z } from 'zod';
import { features } from '../features/index.js';
import type { JournalEventSchema } from './event.js';

/** Every act Bansho records: the union of the events each feature declares. No free-form event strings. */
export type JournalEvent = z.infer<(typeof features)[number]['events'][number]>;
export type JournalEventType = JournalEvent['type'];

const allEvents = features.flatMap((feature): readonly JournalEventSchema[] => feature.events);

/** Checks an event before it is appended: an event of no feature, or with data of the wrong shape, is refused. */
export const journalEventSchema = z.discriminatedUnion('type', allEvents as [JournalEventSchema, ...JournalEventSchema[]]);

/** Every event type, in the order the features declare them. */
export const journalEventTypes = allEvents.map((schema) => schema.shape.type.value as JournalEventType);
