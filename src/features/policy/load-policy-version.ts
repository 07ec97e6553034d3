import { sql } from 'kysely';
import type { ActingContext } from '../../domain/context.js';
import { recordAct } from '../../journal/append.js';
import { validatePolicyPackage, type LoadedPolicy, type PolicyProblem } from '../../policy/loader.js';
import type { Policy } from '../../policy/schema.js';

export interface LoadResult {
  versionId: string;
  /** A version with this content was not stored before. */
  created: boolean;
  /** The version was not in force before. */
  activated: boolean;
  previousVersionId: string | null;
}

// Loads are serialised: two at once must not both think they replace the same version.
const POLICY_LOCK = 0x706f6c696379; // "policy"

/** The depth of each clause in the tree (1 for the top), from the parent links. */
function depths(policy: Policy): Map<string, number> {
  const depth = new Map<string, number>();
  for (const clause of policy.clauses) depth.set(clause.id, clause.parentId === null ? 1 : (depth.get(clause.parentId) ?? 0) + 1);
  return depth;
}

/** A clause's interpretations: its own note, then the package's interpretations that name it. */
function interpretationOf(policy: Policy, clauseId: string, own: string | undefined): string | null {
  const linked = policy.interpretations.filter((i) => i.clauses.includes(clauseId)).map((i) => `【${i.title}】${i.decision}`);
  const all = [...(own ? [own] : []), ...linked];
  return all.length > 0 ? all.join('\n') : null;
}

/**
 * Loads a validated policy package as a version and puts it in force, in one act with its journal entry. A
 * package whose content was loaded before is not stored twice: its earlier version is put back in force.
 * Earlier versions stay readable; records made under them keep their version id.
 */
export async function loadPolicyVersion(ctx: ActingContext, loaded: LoadedPolicy, options: { source?: string } = {}): Promise<LoadResult> {
  const { policy, contentHash } = loaded;
  const current = await ctx.db
    .selectFrom('policy_active')
    .innerJoin('policy_versions', 'policy_versions.id', 'policy_active.version_id')
    .select(['policy_versions.id', 'policy_versions.content_hash', 'policy_versions.package_id'])
    .executeTakeFirst();
  if (current && current.content_hash === contentHash && current.package_id === policy.packageId) {
    return { versionId: current.id, created: false, activated: false, previousVersionId: current.id };
  }
  return recordAct(ctx, async (tx) => {
    await sql`SELECT pg_advisory_xact_lock(${POLICY_LOCK})`.execute(tx);
    const active = await tx.selectFrom('policy_active').select('version_id').executeTakeFirst();
    const previousVersionId = active?.version_id ?? null;
    const known = await tx
      .selectFrom('policy_versions')
      .select('id')
      .where('package_id', '=', policy.packageId)
      .where('content_hash', '=', contentHash)
      .executeTakeFirst();
    let versionId = known?.id;
    if (!versionId) {
      const row = await tx
        .insertInto('policy_versions')
        .values({ package_id: policy.packageId, version: policy.version, content_hash: contentHash, content: JSON.stringify(policy), loaded_at: ctx.now })
        .returning('id')
        .executeTakeFirstOrThrow();
      versionId = row.id;
      const depth = depths(policy);
      const rows = policy.clauses.map((clause, position) => ({
        version_id: row.id,
        clause_id: clause.id,
        position,
        parent_id: clause.parentId,
        depth: depth.get(clause.id) ?? 1,
        kind: clause.kind,
        heading: clause.heading ?? '',
        text: clause.text,
        actor_roles: clause.actorRoles,
        approver_roles: clause.approverRoles,
        other_actors: clause.otherActors,
        capabilities: clause.capabilities,
        policy_text_only: clause.policyTextOnly ?? null,
        interpretation: interpretationOf(policy, clause.id, clause.interpretation),
      }));
      // Parents come before their children (the schema checks it), so one statement satisfies the tree's keys.
      for (let start = 0; start < rows.length; start += 500) await tx.insertInto('policy_clauses').values(rows.slice(start, start + 500)).execute();
    }
    await tx
      .insertInto('policy_active')
      .values({ singleton: true, version_id: versionId, activated_at: ctx.now })
      .onConflict((oc) => oc.column('singleton').doUpdateSet({ version_id: versionId, activated_at: ctx.now }))
      .execute();
    const event = known
      ? ({ type: 'policy.activated', entityType: 'policy', entityId: versionId, data: { packageId: policy.packageId, version: policy.version, previousVersionId } } as const)
      : ({
          type: 'policy.loaded',
          entityType: 'policy',
          entityId: versionId,
          data: { packageId: policy.packageId, version: policy.version, contentHash, clauses: policy.clauses.length, previousVersionId, ...(options.source ? { source: options.source } : {}) },
        } as const);
    return { value: { versionId, created: !known, activated: true, previousVersionId }, events: [event] };
  });
}

/**
 * `bansho policy load DIR`: validates the directory and, only if it has no problem at all, loads it. A package
 * with problems changes nothing: the version in force stays.
 */
export async function loadPolicyFromDirectory(ctx: Omit<ActingContext, 'policy'>, dir: string): Promise<{ ok: true; result: LoadResult; loaded: LoadedPolicy } | { ok: false; problems: PolicyProblem[] }> {
  const validated = validatePolicyPackage(dir);
  if (!validated.ok) return validated;
  const result = await loadPolicyVersion({ ...ctx, policy: validated.loaded.policy }, validated.loaded, { source: dir });
  return { ok: true, result, loaded: validated.loaded };
}
