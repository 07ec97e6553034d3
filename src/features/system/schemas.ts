import { z } from 'zod';
import { canonicalRoles, classificationSchema, departmentLevelSchema, listSchema, scopeTypes } from '../../policy/schema.js';
import { bilingualSchema } from '../../domain/error-body.js';

/** GET /api/health: whether Bansho, its database and its journal answer. */
export const healthSchema = z
  .object({
    status: z.literal('ok'),
    database: z.object({ ok: z.literal(true), latencyMs: z.number() }),
    journal: z.object({ entries: z.number().int(), headHash: z.string().nullable(), lastEntryAt: z.iso.datetime().nullable() }),
  })
  .meta({ id: 'Health' });

/** GET /api/health when the database does not answer (503). */
export const unavailableSchema = z.object({ status: z.literal('unavailable'), database: z.object({ ok: z.literal(false) }), journal: z.null() }).meta({ id: 'Unavailable' });

/** GET /api/policy: the package in force, as the UI's forms and labels need it. */
export const policySummarySchema = z
  .object({
    packageId: z.string(),
    municipality: bilingualSchema,
    title: z.string(),
    version: z.string(),
    roles: z.array(
      z.object({
        role: z.enum(canonicalRoles),
        title: bilingualSchema,
        scopeType: z.enum(scopeTypes),
        mfaRequired: z.boolean(),
        clauses: z.array(z.string()),
      }),
    ),
    departmentLevels: z.array(departmentLevelSchema),
    // The asset register's forms and filters: the classification scheme and the threats of 第1 3.
    classification: classificationSchema.nullable(),
    threats: listSchema.nullable(),
  })
  .meta({ id: 'PolicySummary' });

export type PolicySummary = z.infer<typeof policySummarySchema>;
