import { sql } from 'kysely';
import { z } from 'zod';
import { notFound } from '../../domain/kernel-errors.js';
import { capabilities, type CapabilityId } from '../../policy/capabilities.js';
import { readPolicyVersion, type ActivePolicy } from './active-policy.js';
import { amendmentSchema } from '../../policy/schema.js';
import type { ClauseHistoryEntry, ListClausesQuery, PolicyVersion } from './schemas.js';
import { likePattern } from '../../db/text-matching.js';
import type { ReadOnlyDb } from '../../db/read-only.js';

export const versionNotFound = () => notFound({ ja: 'ポリシーの版', en: 'The policy version' });
export const clauseNotFound = () => notFound({ ja: '条項', en: 'The clause' });

// Stored versions never change: a parsed version is kept once read.
const parsedVersions = new Map<string, ActivePolicy>();

/** A stored version, parsed; cached by id. */
export async function policyVersion(db: ReadOnlyDb, versionId: string): Promise<ActivePolicy> {
  const cached = parsedVersions.get(versionId);
  if (cached) return cached;
  const version = await readPolicyVersion(db, versionId);
  if (!version) throw versionNotFound();
  if (parsedVersions.size > 20) parsedVersions.clear();
  parsedVersions.set(versionId, version);
  return version;
}

/** The version asked for, or the one in force; 404 when there is none. */
export async function resolveVersionId(db: ReadOnlyDb, version: string | undefined): Promise<string> {
  if (version) {
    const row = await db.selectFrom('policy_versions').select('id').where('id', '=', version).executeTakeFirst();
    if (!row) throw versionNotFound();
    return row.id;
  }
  const active = await db.selectFrom('policy_active').select('version_id').executeTakeFirst();
  if (!active) throw versionNotFound();
  return active.version_id;
}

const amendmentListSchema = z.array(amendmentSchema);

/**
 * The 附則 a stored version records. A version stored under an older package schema whose 附則 no longer fit
 * today's shows none, rather than failing the whole list (its clauses stay readable through its rows).
 */
function amendmentsOf(stored: unknown): PolicyVersion['amendments'] {
  const parsed = amendmentListSchema.safeParse(stored);
  return parsed.success ? parsed.data : [];
}

/** Every loaded version, newest first, with the one in force marked. */
export async function listVersions(db: ReadOnlyDb): Promise<PolicyVersion[]> {
  const rows = await db
    .selectFrom('policy_versions as v')
    .leftJoin('policy_active as a', 'a.version_id', 'v.id')
    .select([
      'v.id', 'v.package_id', 'v.version', 'v.content_hash', 'v.loaded_at', 'a.activated_at',
      sql<string>`v.content->>'title'`.as('title'),
      sql<{ ja: string; en: string }>`v.content->'municipality'`.as('municipality'),
      sql<unknown>`coalesce(v.content->'versions', '[]'::jsonb)`.as('amendments'),
      (eb) => eb.selectFrom('policy_clauses as c').select((e) => e.fn.countAll<string>().as('n')).whereRef('c.version_id', '=', 'v.id').as('clause_count'),
    ])
    .orderBy('v.loaded_at', 'desc')
    .orderBy('v.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    packageId: r.package_id,
    version: r.version,
    title: r.title,
    municipality: r.municipality,
    contentHash: r.content_hash,
    loadedAt: r.loaded_at.toISOString(),
    active: r.activated_at !== null,
    clauseCount: Number(r.clause_count ?? 0),
    amendments: amendmentsOf(r.amendments),
  }));
}

/** Clauses of a version in document order, filtered; search matches id, heading or text (Japanese substrings too). */
export async function listClauseRows(db: ReadOnlyDb, versionId: string, query: ListClausesQuery) {
  let q = db.selectFrom('policy_clauses').selectAll().where('version_id', '=', versionId);
  if (query.q) q = q.where(sql<boolean>`(clause_id || ' ' || heading || ' ' || text) ILIKE ${likePattern(query.q)}`);
  if (query.kind) q = q.where('kind', '=', query.kind);
  if (query.capability) q = q.where(sql<boolean>`capabilities @> ARRAY[${query.capability}]::text[]`);
  if (query.role) q = q.where(sql<boolean>`(actor_roles @> ARRAY[${query.role}]::text[] OR approver_roles @> ARRAY[${query.role}]::text[])`);
  return q.orderBy('position').execute();
}

export async function clauseRow(db: ReadOnlyDb, versionId: string, clauseId: string) {
  return db.selectFrom('policy_clauses').selectAll().where('version_id', '=', versionId).where('clause_id', '=', clauseId).executeTakeFirst();
}

export async function childRows(db: ReadOnlyDb, versionId: string, clauseId: string) {
  return db.selectFrom('policy_clauses').select(['clause_id', 'heading', 'kind', 'text']).where('version_id', '=', versionId).where('parent_id', '=', clauseId).orderBy('position').execute();
}

/** The clause in every version of the same package, oldest first: present or not, and whether it changed. */
export async function clauseHistory(db: ReadOnlyDb, versionId: string, clauseId: string): Promise<ClauseHistoryEntry[]> {
  const rows = await db
    .selectFrom('policy_versions as v')
    .leftJoin('policy_clauses as c', (join) => join.onRef('c.version_id', '=', 'v.id').on('c.clause_id', '=', clauseId))
    .leftJoin('policy_active as a', 'a.version_id', 'v.id')
    .select(['v.id', 'v.version', 'v.loaded_at', 'a.activated_at', 'c.text', 'c.heading', 'c.kind', 'c.capabilities'])
    .where('v.package_id', '=', (eb) => eb.selectFrom('policy_versions').select('package_id').where('id', '=', versionId))
    .orderBy('v.loaded_at')
    .orderBy('v.id')
    .execute();
  let previous: (typeof rows)[number] | undefined;
  return rows.map((r) => {
    const present = r.text !== null;
    const status: ClauseHistoryEntry['status'] = !present
      ? 'absent'
      : !previous || previous.text === null
        ? 'added'
        : previous.text !== r.text || previous.heading !== r.heading || previous.kind !== r.kind || JSON.stringify(previous.capabilities) !== JSON.stringify(r.capabilities)
          ? 'changed'
          : 'unchanged';
    previous = r;
    return { versionId: r.id, version: r.version, loadedAt: r.loaded_at.toISOString(), active: r.activated_at !== null, status, text: r.text, heading: r.heading, kind: r.kind };
  });
}

/**
 * Live evidence per capability: how many journal entries its records account for (entity types, narrowed to
 * event types when given; the journal capability counts every entry).
 */
export async function evidenceCounts(db: ReadOnlyDb, ids: readonly CapabilityId[] = capabilities.map((c) => c.id)): Promise<Map<CapabilityId, number>> {
  const counts = new Map<CapabilityId, number>();
  for (const capability of capabilities.filter((c) => ids.includes(c.id))) {
    const { entityTypes, eventTypes } = capability.evidence;
    let n: number;
    if (eventTypes && eventTypes.length > 0) {
      const row = await db.selectFrom('journal').select((eb) => eb.fn.countAll<string>().as('n')).where('type', 'in', eventTypes).executeTakeFirstOrThrow();
      n = Number(row.n);
    } else if (entityTypes.length > 0) {
      const row = await db.selectFrom('journal').select((eb) => eb.fn.countAll<string>().as('n')).where('entity_type', 'in', entityTypes).executeTakeFirstOrThrow();
      n = Number(row.n);
    } else {
      // The chain has no gaps: its length is the highest seq.
      const row = await db.selectFrom('journal').select((eb) => eb.fn.max('seq').as('n')).executeTakeFirst();
      n = Number(row?.n ?? 0);
    }
    counts.set(capability.id, n);
  }
  return counts;
}
