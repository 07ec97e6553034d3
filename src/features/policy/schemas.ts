import { z } from 'zod';
import { capabilityIds } from '../../policy/capabilities.js';
import { canonicalRoles, clauseKinds } from '../../policy/schema.js';

const versionParam = z.uuid({ message: '版のIDの形式が正しくありません / Not a valid version id' }).optional();

/** GET /api/policy/clauses: filters over one version (the one in force unless `version` is given). */
export const listClausesQuerySchema = z.strictObject({
  q: z.string().trim().max(100).optional(),
  kind: z.enum(['heading', ...clauseKinds]).optional(),
  capability: z.enum(capabilityIds).optional(),
  role: z.enum(canonicalRoles).optional(),
  version: versionParam,
});
export type ListClausesQuery = z.infer<typeof listClausesQuerySchema>;

export const versionQuerySchema = z.strictObject({ version: versionParam });

export const clauseParamsSchema = z.strictObject({
  clauseId: z.string().min(1).max(60),
});
