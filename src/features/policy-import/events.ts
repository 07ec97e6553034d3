import { z } from 'zod';
import { journalEvent } from '../../journal/event.js';

/** Draft packages reviewed from a standard's text. */
export const policyDraftEvents = [
  // A draft package reviewed from a standard's text (policy-import): what was saved, not the whole tree.
  journalEvent('policy.draft_saved', 'policy_draft', z.object({ name: z.string(), clauses: z.number().int(), sourceSha256: z.string() })),
  journalEvent('policy.draft_updated', 'policy_draft', z.object({ name: z.string(), clauses: z.number().int(), previousClauses: z.number().int(), renamedFrom: z.string().optional() })),
] as const;
