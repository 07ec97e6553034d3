import { z } from 'zod';
import { journalEvent, entityId, changes } from '../../journal/event.js';

/** Risk analysis (第2 2). */
export const riskEvents = [
  // Risk analysis (第2 2).
  journalEvent('risk.recorded', 'risk', z.object({ departmentId: entityId, assetId: entityId.nullable(), assetGroup: z.string().nullable(), threatId: z.string(), likelihood: z.number().int(), impact: z.number().int() })),
  journalEvent('risk.updated', 'risk', z.object({ changes })),
] as const;
