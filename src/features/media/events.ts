import { z } from 'zod';
import { journalEvent, entityId, changes } from '../../journal/event.js';

/** Issued media (第2 4(3)). */
export const mediumEvents = [
  // Issued media (第2 4(3)).
  journalEvent('medium.registered', 'medium', z.object({ code: z.string(), kind: z.string(), departmentId: entityId, holderId: entityId.nullable() })),
  journalEvent('medium.updated', 'medium', z.object({ changes })),
] as const;
