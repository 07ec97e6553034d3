import { z } from 'zod';
import { journalEvent, entityId } from '../../journal/event.js';

/** Policy versions loaded and put in force. */
export const policyEvents = [
  // A policy version loaded (and put in force); clause counts and the version it replaced are optional (v0 entries lack them).
  journalEvent('policy.loaded', 'policy', z.object({
    packageId: z.string(), version: z.string(), contentHash: z.string(),
    clauses: z.number().int().optional(), previousVersionId: entityId.nullable().optional(), source: z.string().optional(),
  })),
  journalEvent('policy.activated', 'policy', z.object({ packageId: z.string(), version: z.string(), previousVersionId: entityId.nullable() })),
] as const;
