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
]);

export type JournalEvent = z.infer<typeof journalEventSchema>;
export type JournalEventType = JournalEvent['type'];
export const journalEventTypes = journalEventSchema.options.map((option) => option.shape.type.value);
