// A fast generator of valid, hash-chained journal entries for benchmarks and load tests.
//
//   import { generateJournal } from './generate-journal.js';
//   await generateJournal(db, { count: 1_000_000 });
//
// or from a shell, into an existing (migrated) database:
//   node --import tsx bench/generate-journal.ts --url postgres://…/bansho --count 1000000
//
// Entries continue the chain after the current head (an empty journal starts from the genesis hash), so the
// result passes `verifyJournal`. Hashes are computed in Node with src/journal/hash.ts `entryHash`; rows go in
// with one `INSERT … SELECT FROM unnest(…)` per batch (10 array parameters, any batch size), the next batch
// being hashed while the previous one is written.
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { connectDatabase } from '../src/db/connect.js';
import type { Database } from '../src/db/tables.js';
import { journalEventSchema, type JournalEvent } from '../src/journal/events.js';
import { entryHash, GENESIS_HASH } from '../src/journal/hash.js';
import { isMain } from './lib.js';

export interface JournalActor {
  id: string;
  name: string;
}

export interface GenerateJournalOptions {
  /** How many entries to add. */
  count: number;
  /** Rows per INSERT (default 5,000). */
  batchSize?: number;
  /** Who acts (default: 500 made-up users). Entries about users name these ids too. */
  actors?: JournalActor[];
  /** Time of the last generated entry (default now); entries are `stepMs` apart before it. */
  end?: Date;
  /** Milliseconds between entries (default 30 s: 1,000,000 entries span about a year). */
  stepMs?: number;
  /** Seed of the pseudo-random mix (default 1): the same seed gives the same events. */
  seed?: number;
  /**
   * Assets of the register (bench/generate-assets.ts): when given, 30% of the entries are about them (edits,
   * status changes, grants, class Ⅰ views), as in a journal that has the 目録 in use. Without it the mix is the
   * one the journal benchmarks were measured with, unchanged.
   */
  assets?: JournalAsset[];
  onProgress?: (done: number) => void;
}

/** What an asset event names: the asset and its class. */
export interface JournalAsset {
  id: string;
  classLevel: string;
}

export interface GenerateJournalResult {
  count: number;
  firstSeq: string;
  lastSeq: string;
  headHash: string;
  seconds: number;
}

/** A small deterministic PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function makeActors(n: number): JournalActor[] {
  return Array.from({ length: n }, (_, i) => ({ id: randomUUID(), name: `職員 ${String(i + 1).padStart(4, '0')}` }));
}

const departmentIds = Array.from({ length: 40 }, () => randomUUID());
const roles = ['security_officer', 'auditor', 'network_admin', 'system_admin'] as const;

const assetLocations = ['本庁舎5階 書庫', '第一分庁舎 地下書庫', '本庁舎3階 サーバ室', '文書保存センター'] as const;

/** One event about an asset of the register. */
function makeAssetEvent(random: () => number, actor: JournalActor, asset: JournalAsset, subject: JournalActor): JournalEvent {
  const r = random();
  if (r < 0.4) {
    const from = assetLocations[Math.floor(random() * assetLocations.length)]!;
    const to = assetLocations[Math.floor(random() * assetLocations.length)]!;
    return { type: 'asset.updated', entityType: 'asset', entityId: asset.id, data: { changes: { location: { from, to } } } };
  }
  if (r < 0.6) return { type: 'asset.status_changed', entityType: 'asset', entityId: asset.id, data: { from: 'active', to: 'out', note: '庁外会議のため持出し' } };
  if (r < 0.8) {
    return { type: 'asset.access_granted', entityType: 'asset', entityId: asset.id, data: { grantId: randomUUID(), subjectType: 'user', subjectId: subject.id, permission: 'read' } };
  }
  // Only a restricted (class Ⅰ) record's reading from outside its 課等 is journaled.
  if (asset.classLevel === 'class-1') return { type: 'asset.viewed', entityType: 'asset', entityId: asset.id, data: { classLevel: asset.classLevel, via: 'detail' } };
  return { type: 'asset.updated', entityType: 'asset', entityId: asset.id, data: { changes: { reviewDue: { from: null, to: '2027-03-31' } } } };
}

/** One plausible event (valid against the journal's event schema) and who did it. */
function makeEvent(random: () => number, actors: JournalActor[], i: number, assets?: JournalAsset[]): { actor: JournalActor | null; event: JournalEvent } {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const actor = pick(actors);
  const subject = pick(actors);
  // Drawn only when assets are given, so that the default sequence stays the one measured before.
  if (assets && assets.length > 0 && random() < 0.3) return { actor, event: makeAssetEvent(random, actor, pick(assets), subject) };
  const r = random();
  if (r < 0.3) return { actor, event: { type: 'auth.signed_in', entityType: 'user', entityId: actor.id, data: { mfa: random() < 0.2 } } };
  if (r < 0.35) return { actor, event: { type: 'auth.signed_out', entityType: 'user', entityId: actor.id, data: {} } };
  if (r < 0.45) {
    const login = `u${String(i % 100000).padStart(5, '0')}`;
    return { actor: null, event: { type: 'auth.sign_in_failed', entityType: 'user', entityId: subject.id, data: { login, reason: 'password', failures: 1 + Math.floor(random() * 4) } } };
  }
  if (r < 0.65) {
    return { actor, event: { type: 'user.updated', entityType: 'user', entityId: subject.id, data: { changes: { name: { from: subject.name, to: `${subject.name} ${i}` }, email: { from: '', to: `u${i}@example.invalid` } } } } };
  }
  if (r < 0.75) {
    return { actor, event: { type: 'account.preferences_changed', entityType: 'user', entityId: actor.id, data: { changes: { locale: { from: 'ja', to: 'en' }, calendar: { from: 'gregorian', to: 'japanese' } } } } };
  }
  if (r < 0.85) {
    const departmentId = pick(departmentIds);
    return { actor, event: { type: 'role.granted', entityType: 'user', entityId: subject.id, data: { assignmentId: randomUUID(), role: pick(roles), scopeType: 'department', scopeId: departmentId } } };
  }
  if (r < 0.95) {
    return {
      actor,
      event: { type: 'user.created', entityType: 'user', entityId: randomUUID(), data: { login: `n${i}`, staffNumber: `S-${i}`, name: `新規 職員${i}`, departmentId: pick(departmentIds) } },
    };
  }
  return { actor, event: { type: 'department.created', entityType: 'department', entityId: randomUUID(), data: { code: `d${i}`, name: `第${i}課`, parentId: pick(departmentIds), level: 'ka' } } };
}

interface Batch {
  seq: string[];
  at: string[];
  actorId: (string | null)[];
  actorName: string[];
  type: string[];
  entityType: string[];
  entityId: string[];
  data: string[];
  prevHash: string[];
  hash: string[];
}

async function insertBatch(db: Kysely<Database>, b: Batch): Promise<void> {
  await sql`
    INSERT INTO journal (seq, at, actor_id, actor_name, type, entity_type, entity_id, data, prev_hash, hash)
    SELECT * FROM unnest(${b.seq}::bigint[], ${b.at}::timestamptz[], ${b.actorId}::uuid[], ${b.actorName}::text[], ${b.type}::text[],
                         ${b.entityType}::text[], ${b.entityId}::text[], ${b.data}::jsonb[], ${b.prevHash}::text[], ${b.hash}::text[])`.execute(db);
}

/** Appends `count` valid chained entries after the journal's current head. */
export async function generateJournal(db: Kysely<Database>, options: GenerateJournalOptions): Promise<GenerateJournalResult> {
  const started = performance.now();
  const batchSize = options.batchSize ?? 5000;
  const actors = options.actors ?? makeActors(500);
  const stepMs = options.stepMs ?? 30_000;
  const endMs = (options.end ?? new Date()).getTime();
  const random = prng(options.seed ?? 1);
  const head = await db.selectFrom('journal').select(['seq', 'hash', 'at']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  let seq = head ? BigInt(head.seq) : 0n;
  let prevHash = head?.hash ?? GENESIS_HASH;
  // Entries keep time order after whatever is already there.
  const startMs = Math.max(endMs - (options.count - 1) * stepMs, head ? head.at.getTime() + 1 : 0);
  const firstSeq = (seq + 1n).toString();
  let pending: Promise<void> | null = null;
  let done = 0;
  while (done < options.count) {
    const n = Math.min(batchSize, options.count - done);
    const b: Batch = { seq: [], at: [], actorId: [], actorName: [], type: [], entityType: [], entityId: [], data: [], prevHash: [], hash: [] };
    for (let k = 0; k < n; k += 1) {
      const i = done + k;
      const { actor, event } = makeEvent(random, actors, i, options.assets);
      // A sample is checked against the schema the application enforces.
      if (i < 2000) journalEventSchema.parse(event);
      seq += 1n;
      const at = new Date(startMs + i * stepMs);
      const entry = {
        seq: seq.toString(),
        at,
        actorId: actor?.id ?? null,
        actorName: actor?.name ?? 'system',
        type: event.type,
        entityType: event.entityType,
        entityId: event.entityId,
        data: event.data,
      };
      const hash = entryHash(prevHash, entry);
      b.seq.push(entry.seq);
      b.at.push(at.toISOString());
      b.actorId.push(entry.actorId);
      b.actorName.push(entry.actorName);
      b.type.push(entry.type);
      b.entityType.push(entry.entityType);
      b.entityId.push(entry.entityId);
      b.data.push(JSON.stringify(entry.data));
      b.prevHash.push(prevHash);
      b.hash.push(hash);
      prevHash = hash;
    }
    if (pending) await pending;
    pending = insertBatch(db, b);
    done += n;
    if (options.onProgress) {
      const reported = done;
      pending = pending.then(() => options.onProgress?.(reported));
    }
  }
  if (pending) await pending;
  return { count: options.count, firstSeq, lastSeq: seq.toString(), headHash: prevHash, seconds: (performance.now() - started) / 1000 };
}

if (isMain(import.meta.url)) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const url = arg('url') ?? process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url) {
    console.error('usage: node --import tsx bench/generate-journal.ts --url postgres://… [--count 1000000] [--batch 5000]');
    process.exit(2);
  }
  const handle = connectDatabase(url, { max: 2 });
  const count = Number(arg('count') ?? 1_000_000);
  const result = await generateJournal(handle.db, {
    count,
    batchSize: Number(arg('batch') ?? 5000),
    onProgress: (n) => {
      if (n % 100_000 === 0 || n === count) process.stdout.write(`  ${n.toLocaleString('en-US')} entries\n`);
    },
  });
  console.log(`generated ${result.count} entries (seq ${result.firstSeq}–${result.lastSeq}) in ${result.seconds.toFixed(1)} s; head ${result.headHash}`);
  await handle.close();
}
