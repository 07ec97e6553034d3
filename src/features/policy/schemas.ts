import type { Readable } from 'node:stream';
import { z } from 'zod';
import { bilingualSchema } from '../../domain/error-body.js';
import { capabilityIds, capabilityStatuses } from '../../policy/capabilities.js';
import { comparedFields } from '../../policy/diff.js';
import { amendmentSchema, canonicalRoles, clauseKinds, dutyWordings, interpretationSchema } from '../../policy/schema.js';
import { clauseSearchMaxLength, complianceStatuses, type ComplianceStatus } from './clause-fields.js';

const versionParam = z.uuid({ message: '版のIDの形式が正しくありません / Not a valid version id' }).optional();

/** GET /api/policy/clauses: filters over one version (the one in force unless `version` is given). */
export const listClausesQuerySchema = z.strictObject({
  q: z.string().trim().max(clauseSearchMaxLength).optional(),
  kind: z.enum(['heading', ...clauseKinds]).optional(),
  capability: z.enum(capabilityIds).optional(),
  role: z.enum(canonicalRoles).optional(),
  version: versionParam,
});
export type ListClausesQuery = z.infer<typeof listClausesQuerySchema>;

export const versionQuerySchema = z.strictObject({ version: versionParam });

/** GET /api/policy/diff: from one version to another (the one in force unless `to` is given). */
export const diffQuerySchema = z.strictObject({ from: z.uuid(), to: z.uuid().optional() });

export const clauseParamsSchema = z.strictObject({
  clauseId: z.string().min(1).max(60),
});

// Answers. Version ids are read from the database, so any well-formed UUID (guid) is accepted on the way out.

/** A loaded version of the package, as every answer names the version it speaks of. */
export const policyVersionSummarySchema = z
  .object({
    id: z.guid(),
    packageId: z.string(),
    version: z.string(),
    title: z.string(),
    municipality: bilingualSchema,
    /** The version in force. */
    active: z.boolean(),
    loadedAt: z.iso.datetime(),
  })
  .meta({ id: 'PolicyVersionSummary' });
export type PolicyVersionSummary = z.infer<typeof policyVersionSummarySchema>;

/** A loaded version with its content hash, its clause count and the 附則 (amendments) its text records. */
export const policyVersionSchema = policyVersionSummarySchema
  .extend({ contentHash: z.string(), clauseCount: z.number().int(), amendments: z.array(amendmentSchema) })
  .meta({ id: 'PolicyVersion' });
export type PolicyVersion = z.infer<typeof policyVersionSchema>;

/** GET /api/policy/versions: every loaded version, newest first, and the one in force. */
export const policyVersionListSchema = z.object({ items: z.array(policyVersionSchema), activeId: z.guid().nullable() }).meta({ id: 'PolicyVersionList' });
export type PolicyVersionList = z.infer<typeof policyVersionListSchema>;

/** One of Bansho's capabilities (DESIGN §2): its status in this build, its pages and its live evidence. */
export const capabilitySchema = z
  .object({
    id: z.string(),
    /** DESIGN §2's row number (0 for an id this build does not know). */
    number: z.number().int(),
    title: bilingualSchema,
    status: z.enum(capabilityStatuses),
    /** Web pages of this build that serve it. */
    pages: z.array(z.string()),
    /** Journal entries its records account for. */
    evidenceCount: z.number().int(),
  })
  .meta({ id: 'Capability' });
export type Capability = z.infer<typeof capabilitySchema>;

/** GET /api/policy/capabilities. */
export const capabilityListSchema = z.object({ items: z.array(capabilitySchema) }).meta({ id: 'CapabilityList' });

/** A canonical role with the title this version of the package gives it. */
export const roleRefSchema = z.object({ role: z.string(), title: bilingualSchema }).meta({ id: 'RoleRef' });
export type RoleRef = z.infer<typeof roleRefSchema>;

/** One clause in a list: its place in the tree, what it says and how it stands. */
export const clauseListItemSchema = z
  .object({
    id: z.string(),
    /** 「第2 4(2)イ」 */
    label: z.string(),
    parentId: z.string().nullable(),
    depth: z.number().int(),
    position: z.number().int(),
    kind: z.string(),
    heading: z.string().nullable(),
    text: z.string(),
    actorRoles: z.array(z.string()),
    approverRoles: z.array(z.string()),
    capabilities: z.array(z.string()),
    policyTextOnly: z.string().nullable(),
    hasInterpretation: z.boolean(),
    /** Null for headings (no duty of their own). */
    status: z.enum(complianceStatuses).nullable(),
    evidenceCount: z.number().int(),
  })
  .meta({ id: 'ClauseListItem' });
export type ClauseListItem = z.infer<typeof clauseListItemSchema>;

/** GET /api/policy/clauses: the matching clauses of a version, in document order. */
export const clauseListSchema = z.object({ version: policyVersionSummarySchema, items: z.array(clauseListItemSchema), total: z.number().int() }).meta({ id: 'ClauseList' });
export type ClauseList = z.infer<typeof clauseListSchema>;

/** A clause in the same package's every version, oldest first: present or not, and whether it changed. */
export const clauseHistoryEntrySchema = z
  .object({
    versionId: z.guid(),
    version: z.string(),
    loadedAt: z.iso.datetime(),
    active: z.boolean(),
    status: z.enum(['added', 'changed', 'unchanged', 'absent']),
    text: z.string().nullable(),
    heading: z.string().nullable(),
    kind: z.string().nullable(),
  })
  .meta({ id: 'ClauseHistoryEntry' });
export type ClauseHistoryEntry = z.infer<typeof clauseHistoryEntrySchema>;

/** A clause as a diff or a parent lists it. */
const clauseBriefSchema = z.object({ id: z.string(), label: z.string(), heading: z.string().nullable(), kind: z.string(), text: z.string() }).meta({ id: 'ClauseBrief' });

/** GET /api/policy/clauses/:clauseId: one clause with its roles, capabilities, interpretations, users and history. */
export const clauseDetailSchema = z
  .object({
    version: policyVersionSummarySchema,
    clause: clauseListItemSchema.extend({
      actorRoles: z.array(roleRefSchema),
      approverRoles: z.array(roleRefSchema),
      otherActors: z.array(z.string()),
      capabilities: z.array(capabilitySchema),
      interpretation: z.string().nullable(),
      statusLabel: bilingualSchema.nullable(),
    }),
    breadcrumbs: z.array(z.object({ id: z.string(), label: z.string(), heading: z.string().nullable() })),
    children: z.array(clauseBriefSchema),
    interpretations: z.array(interpretationSchema),
    /** What of the package refers to the clause. */
    usedBy: z.object({
      roles: z.array(roleRefSchema),
      requestTypes: z.array(z.object({ id: z.string(), title: bilingualSchema, enabled: z.boolean() })),
      duties: z.array(z.object({ id: z.string(), title: bilingualSchema, wording: z.enum(dutyWordings), interval: z.string().nullable(), role: roleRefSchema })),
      lists: z.array(z.object({ id: z.string(), title: bilingualSchema.optional() })),
    }),
    history: z.array(clauseHistoryEntrySchema),
  })
  .meta({ id: 'ClauseDetail' });
export type ClauseDetail = z.infer<typeof clauseDetailSchema>;

/** The compliance map's row for a normative clause. */
export const complianceItemSchema = z
  .object({
    id: z.string(),
    label: z.string(),
    heading: z.string().nullable(),
    kind: z.string(),
    text: z.string(),
    actorRoles: z.array(roleRefSchema),
    approverRoles: z.array(roleRefSchema),
    capabilities: z.array(capabilitySchema),
    status: z.enum(complianceStatuses),
    statusLabel: bilingualSchema,
    evidenceCount: z.number().int(),
    policyTextOnly: z.string().nullable(),
    interpretation: z.string().nullable(),
  })
  .meta({ id: 'ComplianceItem' });
export type ComplianceItem = z.infer<typeof complianceItemSchema>;

/** How many clauses stand at each status: one property per status (built from the list, so none is left out). */
const statusCountsSchema = z.object(Object.fromEntries(complianceStatuses.map((status) => [status, z.number().int()])) as Record<ComplianceStatus, z.ZodNumber>);

/** GET /api/policy/compliance: every normative clause of a version with its status, counted by status and kind. */
export const complianceMapSchema = z
  .object({
    version: policyVersionSummarySchema,
    summary: z.object({ total: z.number().int(), byStatus: statusCountsSchema, byKind: z.record(z.string(), z.number().int()) }),
    capabilities: z.array(capabilitySchema.extend({ clauseCount: z.number().int() })),
    items: z.array(complianceItemSchema),
  })
  .meta({ id: 'ComplianceMap' });
export type ComplianceMap = z.infer<typeof complianceMapSchema>;

/** GET /api/policy/diff: clauses added, removed and changed from one version to another. */
export const policyDiffSchema = z
  .object({
    from: policyVersionSummarySchema,
    to: policyVersionSummarySchema,
    added: z.array(clauseBriefSchema),
    removed: z.array(clauseBriefSchema),
    /** Each changed clause with the fields that differ, before and after. */
    changed: z.array(z.object({ id: z.string(), fields: z.array(z.object({ field: z.enum(comparedFields), from: z.unknown(), to: z.unknown() })) })),
    unchanged: z.number().int(),
  })
  .meta({ id: 'PolicyDiff' });
export type PolicyDiff = z.infer<typeof policyDiffSchema>;

/** GET /api/policy/compliance.xlsx: the compliance map as a workbook, streamed as it is written (a file to download). */
export const complianceWorkbookResponse = {
  description: 'The compliance map as an xlsx workbook: one row per normative clause',
  content: {
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.custom<Readable>().meta({ type: 'string', format: 'binary' }) },
  },
};

// The OSCAL 1.1 catalog (src/policy/oscal.ts): headings are groups, normative clauses nested controls.
const oscalPropSchema = z.object({ name: z.string(), value: z.string(), ns: z.string().optional(), class: z.string().optional() });
const oscalPartSchema = z.object({ id: z.string(), name: z.string(), prose: z.string().optional(), props: z.array(oscalPropSchema).optional() });

/** A normative clause as an OSCAL control, its sub-clauses nested. */
export const oscalControlSchema = z
  .object({
    id: z.string(),
    class: z.string().optional(),
    title: z.string(),
    props: z.array(oscalPropSchema).optional(),
    parts: z.array(oscalPartSchema).optional(),
    get controls() {
      return z.array(oscalControlSchema).optional();
    },
  })
  .meta({ id: 'OscalControl' });

/** A heading as an OSCAL group. */
export const oscalGroupSchema = z
  .object({
    id: z.string(),
    class: z.string().optional(),
    title: z.string(),
    props: z.array(oscalPropSchema).optional(),
    parts: z.array(oscalPartSchema).optional(),
    get groups() {
      return z.array(oscalGroupSchema).optional();
    },
    controls: z.array(oscalControlSchema).optional(),
  })
  .meta({ id: 'OscalGroup' });

/** GET /api/policy/oscal: a version as an OSCAL 1.1 catalog. */
export const oscalCatalogSchema = z
  .object({
    catalog: z.object({
      uuid: z.guid(),
      metadata: z.object({
        title: z.string(),
        'last-modified': z.iso.datetime(),
        version: z.string(),
        'oscal-version': z.string(),
        published: z.string().optional(),
        props: z.array(oscalPropSchema),
        revisions: z.array(z.object({ title: z.string(), version: z.string(), published: z.string().optional(), props: z.array(oscalPropSchema), remarks: z.string().optional() })).optional(),
        roles: z.array(z.object({ id: z.string(), title: z.string(), description: z.string().optional() })),
      }),
      groups: z.array(oscalGroupSchema),
      controls: z.array(oscalControlSchema).optional(),
    }),
  })
  .meta({ id: 'OscalCatalog' });
export type OscalCatalog = z.infer<typeof oscalCatalogSchema>;
