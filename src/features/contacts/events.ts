import { z } from 'zod';
import { changes, journalEvent } from '../../journal/event.js';

/** The emergency contact directory's events. */
export const contactEvents = [
  journalEvent('contact.added', 'contact', z.object({ name: z.string(), organisation: z.string(), kind: z.string(), purpose: z.string() })),
  journalEvent('contact.updated', 'contact', z.object({ changes })),
] as const;
