import { z } from 'zod';

// Every act Bansho records, as a typed union: no free-form event strings.
const id = z.string().min(1);
const roleRef = z.object({ assignmentId: id, role: z.string(), scopeType: z.string(), scopeId: z.string() });
const changes = z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() }));

function event<Type extends string, Entity extends string, Data extends z.ZodType>(type: Type, entityType: Entity, data: Data) {
  return z.object({ type: z.literal(type), entityType: z.literal(entityType), entityId: id, data });
}

export const journalEventSchema = z.discriminatedUnion('type', [
  event('system.initialised', 'system', z.object({ adminLogin: z.string() })),
  // A policy version loaded (and put in force); clause counts and the version it replaced are optional (v0 entries lack them).
  event('policy.loaded', 'policy', z.object({
    packageId: z.string(), version: z.string(), contentHash: z.string(),
    clauses: z.number().int().optional(), previousVersionId: id.nullable().optional(), source: z.string().optional(),
  })),
  event('policy.activated', 'policy', z.object({ packageId: z.string(), version: z.string(), previousVersionId: id.nullable() })),
  // A draft package reviewed from a standard's text (policy-import): what was saved, not the whole tree.
  event('policy.draft_saved', 'policy_draft', z.object({ name: z.string(), clauses: z.number().int(), sourceSha256: z.string() })),
  event('policy.draft_updated', 'policy_draft', z.object({ name: z.string(), clauses: z.number().int(), previousClauses: z.number().int(), renamedFrom: z.string().optional() })),
  // Sign-in and account events (第5 3(6)(7)).
  event('auth.password_verified', 'user', z.object({ mfaPending: z.literal(true) })),
  event('auth.signed_in', 'user', z.object({ mfa: z.boolean() })),
  event('auth.sign_in_failed', 'user', z.object({ login: z.string(), reason: z.enum(['password', 'mfa', 'locked', 'disabled', 'unknown']), failures: z.number().int() })),
  event('auth.locked_out', 'user', z.object({ until: z.string(), failures: z.number().int() })),
  event('auth.signed_out', 'user', z.object({})),
  event('auth.password_changed', 'user', z.object({ forced: z.boolean() })),
  event('auth.mfa_setup_started', 'user', z.object({ method: z.literal('totp') })),
  event('auth.mfa_enrolled', 'user', z.object({ method: z.literal('totp') })),
  event('account.preferences_changed', 'user', z.object({ changes })),
  // User registration record (第5 3(1)).
  event('user.created', 'user', z.object({ login: z.string(), staffNumber: z.string(), name: z.string(), departmentId: id })),
  event('user.updated', 'user', z.object({ changes })),
  event('user.disabled', 'user', z.object({ reason: z.string(), sessionsEnded: z.number().int() })),
  event('user.enabled', 'user', z.object({})),
  event('user.moved', 'user', z.object({ fromDepartmentId: id, toDepartmentId: id })),
  event('user.password_reset', 'user', z.object({ sessionsEnded: z.number().int() })),
  event('role.granted', 'user', roleRef),
  event('role.revoked', 'user', roleRef),
  event('department.created', 'department', z.object({ code: z.string(), name: z.string(), parentId: id.nullable(), level: z.string() })),
  event('department.updated', 'department', z.object({ changes })),
  // The information asset register (第2). A copy or transmission names its source (第2 1(2)); an import its batch.
  event('asset.created', 'asset', z.object({
    name: z.string(), kind: z.string(), departmentId: id, classLevel: z.string(), labelCode: z.string(),
    source: z.enum(['form', 'import', 'copy', 'transmission']), sourceAssetId: id.optional(), importId: id.optional(),
  })),
  event('asset.updated', 'asset', z.object({ changes })),
  event('asset.classified', 'asset', z.object({ from: z.string(), to: z.string(), criteria: z.array(z.string()), justification: z.string() })),
  event('asset.status_changed', 'asset', z.object({ from: z.string(), to: z.string(), note: z.string() })),
  event('asset.disposed', 'asset', z.object({ method: z.string(), evidence: z.string(), disposedOn: z.string() })),
  event('asset.access_granted', 'asset', z.object({ grantId: id, subjectType: z.string(), subjectId: z.string(), permission: z.string() })),
  event('asset.access_revoked', 'asset', z.object({ grantId: id, subjectType: z.string(), subjectId: z.string(), permission: z.string() })),
  // A restricted (class Ⅰ) record read by someone outside its 課等 (DESIGN §3: nothing hidden).
  event('asset.viewed', 'asset', z.object({ classLevel: z.string(), via: z.enum(['detail', 'label', 'export', 'labels']) })),
  event('assets.exported', 'asset_export', z.object({ format: z.enum(['xlsx', 'csv', 'pdf', 'labels']), count: z.number().int(), restricted: z.number().int(), filter: z.record(z.string(), z.string()) })),
  event('asset_import.validated', 'asset_import', z.object({ fileName: z.string(), sha256: z.string(), rows: z.number().int(), errors: z.number().int() })),
  event('asset_import.committed', 'asset_import', z.object({ fileName: z.string(), rows: z.number().int() })),
  event('asset_filter.saved', 'asset_filter', z.object({ name: z.string() })),
  event('asset_filter.deleted', 'asset_filter', z.object({ name: z.string() })),
  // Issued media (第2 4(3)).
  event('medium.registered', 'medium', z.object({ code: z.string(), kind: z.string(), departmentId: id, holderId: id.nullable() })),
  event('medium.updated', 'medium', z.object({ changes })),
  // Risk analysis (第2 2).
  event('risk.recorded', 'risk', z.object({ departmentId: id, assetId: id.nullable(), assetGroup: z.string().nullable(), threatId: z.string(), likelihood: z.number().int(), impact: z.number().int() })),
  event('risk.updated', 'risk', z.object({ changes })),
]);

export type JournalEvent = z.infer<typeof journalEventSchema>;
export type JournalEventType = JournalEvent['type'];
export const journalEventTypes = journalEventSchema.options.map((option) => option.shape.type.value);
