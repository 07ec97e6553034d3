import { randomUUID } from 'node:crypto';
import { Kysely, PostgresDialect, sql, type CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateJournal, makeActors, type JournalActor } from '../../../bench/generate-journal.js';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.js';
import { contextFor } from '../../../test/helpers/factories.js';
import { shinjukuPolicy } from '../../../test/helpers/app.js';
import type { Database } from '../../db/tables.js';
import { recordAct } from '../../journal/append.js';
import { verifyJournal } from '../../journal/verify.js';
import type { Actor } from '../../domain/actor.js';
import { JOURNAL_AT_SLACK_MS, listJournal } from './queries.js';
import { journalQuerySchema, type JournalQuery } from './schemas.js';

// A journal of 12,000+ entries by many people, with a new member of staff who has only a handful, and an act
// whose time lags behind entries before it (its request began before theirs).
const STEP_MS = 10 * 60_000;
const policy = shinjukuPolicy();
let database: TestDatabase;
let people: JournalActor[];
let newcomer: JournalActor;
let end: Date;

const asActor = (who: JournalActor, roles: Actor['roles'] = []): Actor => ({ id: who.id, name: who.name, login: 'x', departmentId: randomUUID(), roles });
const auditor = asActor({ id: randomUUID(), name: '監査' }, [{ role: 'auditor', scopeType: 'global', scopeId: '' }]);

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  people = makeActors(40);
  newcomer = { id: randomUUID(), name: '新人 職員' };
  end = new Date(Date.now() - 60 * 86_400_000);
  await generateJournal(db, { count: 6_000, actors: people, stepMs: STEP_MS, end: new Date(end.getTime() - 6_000 * STEP_MS) });
  // The newcomer: one act on their own account, one on someone else's, one by someone else about them.
  const someone = people[0]!;
  const head = (await db.selectFrom('journal').select('at').orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow()).at;
  const at = (minutes: number) => new Date(head.getTime() + minutes * 60_000);
  await recordAct(contextFor(db, policy, asActor(newcomer), at(1)), async () => ({
    value: null,
    events: [{ type: 'account.preferences_changed', entityType: 'user', entityId: newcomer.id, data: { changes: { locale: { from: 'ja', to: 'en' } } } }],
  }));
  await recordAct(contextFor(db, policy, asActor(newcomer), at(2)), async () => ({
    value: null,
    events: [{ type: 'user.updated', entityType: 'user', entityId: someone.id, data: { changes: { name: { from: 'a', to: 'b' } } } }],
  }));
  await recordAct(contextFor(db, policy, asActor(someone), at(3)), async () => ({
    value: null,
    events: [{ type: 'user.updated', entityType: 'user', entityId: newcomer.id, data: { changes: { name: { from: 'c', to: 'd' } } } }],
  }));
  // A slow act: its time is 50 minutes before the entry appended just before it.
  await recordAct(contextFor(db, policy, asActor(newcomer), at(-47)), async () => ({
    value: null,
    events: [{ type: 'auth.signed_in', entityType: 'user', entityId: newcomer.id, data: { mfa: false } }],
  }));
  await generateJournal(db, { count: 6_000, actors: people, stepMs: STEP_MS, end });
  await sql`ANALYZE journal`.execute(db);
  expect(await verifyJournal(db)).toMatchObject({ ok: true, entries: 12_004 });
});
afterAll(async () => database.drop());

/** The journal page as it was written first: one WHERE with an OR, the time filters on `at` alone. */
async function reference(actor: Actor, query: JournalQuery) {
  const own = actor.roles.length === 0 ? actor.id : null;
  let q = database.db.selectFrom('journal').select(['seq', 'hash']);
  if (own) q = q.where((eb) => eb.or([eb('actor_id', '=', own), eb.and([eb('entity_type', '=', 'user'), eb('entity_id', '=', own)])]));
  if (query.actorId) q = q.where('actor_id', '=', query.actorId);
  if (query.entityType) q = q.where('entity_type', '=', query.entityType);
  if (query.entityId) q = q.where('entity_id', '=', query.entityId);
  if (query.type) q = q.where('type', '=', query.type);
  if (query.from) q = q.where('at', '>=', query.from);
  if (query.to) q = q.where('at', '<', query.to);
  if (query.before) q = q.where('seq', '<', String(query.before));
  const rows = await q.orderBy('seq', 'desc').limit(query.limit + 1).execute();
  const page = rows.slice(0, query.limit);
  return { items: page.map((r) => ({ seq: Number(r.seq), hash: r.hash })), nextBefore: rows.length > query.limit ? Number(page[page.length - 1]?.seq) : null };
}

const parse = (query: Record<string, unknown>) => journalQuerySchema.parse(query);
const brief = (page: Awaited<ReturnType<typeof listJournal>>) => ({ items: page.items.map((e) => ({ seq: e.seq, hash: e.hash })), nextBefore: page.nextBefore });

/** Pages through both implementations with the cursor and compares every page. */
async function samePages(actor: Actor, query: Record<string, unknown>, maxPages = 4) {
  let before: number | null = null;
  for (let n = 0; n < maxPages; n += 1) {
    const q = parse({ ...query, ...(before === null ? {} : { before }) });
    const [got, expected] = [brief(await listJournal(database.db, actor, q)), await reference(actor, q)];
    expect({ query: q, page: got }).toEqual({ query: q, page: expected });
    before = got.nextBefore;
    if (before === null) return;
  }
}

describe('listJournal against the original query, on a mixed journal', () => {
  it('gives a member of staff the same entries, in the same order, with the same cursor', async () => {
    const head = end.getTime();
    const newcomerEntries = await listJournal(database.db, asActor(newcomer), parse({ limit: 200 }));
    expect(newcomerEntries.items.map((e) => e.type)).toEqual(['auth.signed_in', 'user.updated', 'user.updated', 'account.preferences_changed']);
    for (const who of [newcomer, people[0]!, people[1]!, people[39]!, { id: randomUUID(), name: 'nobody' }]) {
      const actor = asActor(who);
      for (const query of [
        { limit: 50 },
        { limit: 7 },
        { limit: 1 },
        { limit: 13, type: 'user.updated' },
        { limit: 9, entityType: 'user' },
        { limit: 9, entityId: who.id },
        { limit: 9, actorId: who.id },
        { limit: 9, actorId: people[2]!.id },
        { limit: 11, from: new Date(head - 30 * 86_400_000).toISOString() },
        { limit: 11, to: new Date(head - 30 * 86_400_000).toISOString() },
        { limit: 5, from: new Date(head - 50 * 86_400_000).toISOString(), to: new Date(head - 20 * 86_400_000).toISOString() },
      ]) {
        await samePages(actor, query);
      }
    }
  });

  it('gives an oversight role the same pages with every filter, and the time filters stay exact around a slow act', async () => {
    const slow = (await database.db.selectFrom('journal').select(['seq', 'at']).where('type', '=', 'auth.signed_in').where('actor_id', '=', newcomer.id).executeTakeFirstOrThrow());
    const t = slow.at.getTime();
    const queries: Record<string, unknown>[] = [
      { limit: 50 },
      { limit: 25, type: 'role.granted' },
      { limit: 25, actorId: people[3]!.id },
      { limit: 25, entityType: 'department' },
      { limit: 20, to: new Date(end.getTime() - 35 * 86_400_000).toISOString() },
      { limit: 20, from: new Date(end.getTime() - 35 * 86_400_000).toISOString() },
      { limit: 20, from: new Date(end.getTime() - 36 * 86_400_000).toISOString(), to: new Date(end.getTime() - 35 * 86_400_000).toISOString(), actorId: people[4]!.id },
      // Around the slow act, whose `at` is older than the three entries before it.
      { limit: 10, to: new Date(t + 1).toISOString() },
      { limit: 10, from: new Date(t).toISOString() },
      { limit: 10, from: new Date(t - 1).toISOString(), to: new Date(t + 1).toISOString() },
      { limit: 10, to: new Date(t + 1).toISOString(), before: Number(slow.seq) + 1 },
      // Bounds outside the journal.
      { limit: 10, to: '2000-01-01' },
      { limit: 10, from: '2999-01-01' },
      { limit: 10, from: '2000-01-01' },
      { limit: 10, to: '2999-01-01' },
    ];
    for (const query of queries) await samePages(auditor, query, 3);
    const around = await listJournal(database.db, auditor, parse({ limit: 10, from: new Date(t - 1).toISOString(), to: new Date(t + 1).toISOString() }));
    expect(around.items.map((e) => e.seq)).toEqual([Number(slow.seq)]);
  });
});

/** The plan PostgreSQL runs for listJournal's query, executed (EXPLAIN ANALYZE, JSON). */
async function planOf(actor: Actor, query: Record<string, unknown>) {
  const captured: CompiledQuery[] = [];
  const logged = new Kysely<Database>({ dialect: new PostgresDialect({ pool: database.pool }), log: (event) => void captured.push(event.query) });
  await listJournal(logged, actor, parse(query));
  expect(captured).toHaveLength(1);
  const { sql: text, parameters } = captured[0]!;
  const result = await database.pool.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(`EXPLAIN (ANALYZE, FORMAT JSON) ${text}`, parameters as unknown[]);
  const nodes: PlanNode[] = [];
  const walk = (node: PlanNode) => {
    nodes.push(node);
    for (const child of node.Plans ?? []) walk(child);
  };
  walk(result.rows[0]!['QUERY PLAN'][0].Plan);
  return {
    nodes,
    seqScans: nodes.filter((n) => n['Node Type'] === 'Seq Scan' && n['Relation Name'] === 'journal'),
    indexes: new Set(nodes.map((n) => n['Index Name']).filter(Boolean)),
    rowsRemoved: nodes.reduce((sum, n) => sum + (n['Rows Removed by Filter'] ?? 0), 0),
    rowsRead: nodes.filter((n) => n['Relation Name'] === 'journal').reduce((sum, n) => sum + (n['Actual Rows'] ?? 0) * (n['Actual Loops'] ?? 1), 0),
  };
}
interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Rows Removed by Filter'?: number;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  Plans?: PlanNode[];
}

describe('listJournal plans on 12,000 entries', () => {
  it("reads a member of staff's own entries through journal_actor and journal_entity, not the whole journal", async () => {
    for (const query of [{ limit: 50 }, { limit: 50, type: 'user.updated' }, { limit: 50, before: 6_003 }]) {
      const plan = await planOf(asActor(newcomer), query);
      expect(plan.seqScans).toEqual([]);
      expect([...plan.indexes].sort()).toEqual(['journal_actor', 'journal_entity']);
      // Only the newcomer's own few entries are touched.
      expect(plan.rowsRemoved).toBeLessThanOrEqual(4);
      expect(plan.rowsRead).toBeLessThanOrEqual(8);
    }
    const busy = await planOf(asActor(people[5]!), { limit: 50 });
    expect(busy.seqScans).toEqual([]);
    expect(busy.rowsRemoved).toBe(0);
    expect(busy.rowsRead).toBeLessThanOrEqual(2 * 51);
  });

  it('starts and stops the walk at the seq the date bounds give, through journal_at', async () => {
    // Rows within a day of the bound may be read and dropped (JOURNAL_AT_SLACK_MS), never the rest of the journal.
    const slackRows = JOURNAL_AT_SLACK_MS / STEP_MS;
    const farBack = new Date(end.getTime() - 70 * 86_400_000).toISOString();
    for (const query of [{ limit: 50, to: farBack }, { limit: 50, to: farBack, actorId: people[6]!.id }]) {
      const plan = await planOf(auditor, query);
      expect(plan.seqScans).toEqual([]);
      expect(plan.indexes.has('journal_at')).toBe(true);
      expect(plan.rowsRemoved + plan.rowsRead).toBeLessThan(2 * slackRows + 60);
    }
    // A window: whichever index PostgreSQL picks, the seq bounds keep it to the window and its slack.
    for (const query of [{ limit: 50, to: farBack, from: new Date(end.getTime() - 71 * 86_400_000).toISOString() }, { limit: 50, from: '2999-01-01' }]) {
      const plan = await planOf(auditor, query);
      expect(plan.seqScans).toEqual([]);
      expect(plan.indexes.has('journal_at')).toBe(true);
      expect(plan.rowsRemoved + plan.rowsRead).toBeLessThan(3 * slackRows + 60);
    }
    const staff = await planOf(asActor(people[7]!), { limit: 20, to: farBack });
    expect(staff.seqScans).toEqual([]);
    expect(staff.rowsRemoved).toBeLessThan(slackRows);
  });
});
