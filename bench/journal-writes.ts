// (a) Writes with their journal entry (DESIGN §7: ≥ 500 writes/s at p95 ≤ 150 ms) and bare journal append
// (DESIGN §7: ≥ 20,000 entries/s).
//
// The use case is `updateUser` (src/features/organisation/update-user.ts): an administrator renames a user.
// It locks the user row (SELECT … FOR UPDATE), checks the policy, UPDATEs the row and appends a `user.updated`
// entry through `recordAct` — no password hashing. The raw baseline is the same UPDATE statement in a
// transaction of its own, without the journal, on the same pool (16 connections), in the same run.
//
//   node --import tsx bench/journal-writes.ts       (BENCH_SECONDS, BENCH_ROUNDS to change the length)
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database } from '../src/db/tables.js';
import { recordAct, type Events } from '../src/journal/append.js';
import { updateUser } from '../src/features/organisation/update-user.js';
import { readPolicyPackage } from '../src/policy/loader.js';
import { projectRoot } from '../src/config.js';
import { actorOf, contextFor, makeDepartment, makeUser } from '../test/helpers/factories.js';
import { generateJournal } from './generate-journal.js';
import { closedLoop, createBenchDatabase, fmt, isMain, median, medianRound, nodeCpu, postgresCpuReader, printVerdicts, serverInfo, withServer, type BenchLine, type LoadResult } from './lib.js';
import { fixture } from '../test/helpers/fixtures.js';

const TARGET_WRITES = 500;
const TARGET_P95_MS = 150;
const TARGET_APPEND = 20_000;
const POOL = 16;
const TARGET_USERS = 4096;

const line = (r: LoadResult) => `${fmt(r.perSecond)}/s p50 ${r.p50.toFixed(1)} ms p95 ${r.p95.toFixed(1)} ms`;
const cpuLine = (rounds: LoadResult[]) =>
  `CPU/op Node ${fmt(median(rounds.map((r) => r.cpuUs.node ?? NaN)))} µs + PostgreSQL ${fmt(median(rounds.map((r) => r.cpuUs.pg ?? NaN)))} µs`;

export async function runJournalWrites(options: { serverUrl?: string; seconds?: number; rounds?: number; concurrency?: number[]; prefill?: number } = {}): Promise<BenchLine[]> {
  const seconds = options.seconds ?? Number(process.env.BENCH_SECONDS ?? 5);
  const rounds = options.rounds ?? Number(process.env.BENCH_ROUNDS ?? 3);
  const levels = options.concurrency ?? [1, 8, 32];
  const prefill = options.prefill ?? 100_000;
  return withServer(options.serverUrl, async (serverUrl) => {
    console.log(`\n== journal-writes: updateUser with its journal entry vs the bare UPDATE (pool ${POOL}) ==`);
    console.log(`  ${await serverInfo(serverUrl)}`);
    const database = await createBenchDatabase(serverUrl, 'writes', { max: POOL });
    const { db } = database;
    const lines: BenchLine[] = [];
    try {
      const policy = readPolicyPackage(path.join(projectRoot, 'policies', 'shinjuku')).policy;
      const department = await makeDepartment(db);
      const admin = await makeUser(db, { departmentId: department.id, roles: [{ role: 'app_admin' }] });
      const actor = await actorOf(db, admin.id);
      await fixture(db, (tx) =>
        sql`
          INSERT INTO users (login, staff_number, name, kana, email, department_id, must_change_password)
          SELECT 'bench' || g, 'B-' || g, '試験 ' || g, 'しけん', '', ${department.id}::uuid, false FROM generate_series(1, ${TARGET_USERS}) g`.execute(tx),
      );
      // The raw baseline writes past the journal guard, on connections of its own (a trigger-free session).
      const rawPool = new pg.Pool({ connectionString: database.url, max: 10, options: '-c session_replication_role=replica' });
      rawPool.on('error', () => undefined);
      const rawDb = new Kysely<Database>({ dialect: new PostgresDialect({ pool: rawPool }) });
      const userIds = (await db.selectFrom('users').select('id').where('login', 'like', 'bench%').orderBy('login').execute()).map((u) => u.id);
      // A journal that has been in use: appends extend a chain with history (and its indexes).
      await generateJournal(db, { count: prefill });
      await sql`VACUUM ANALYZE`.execute(db);
      const tag = randomBytes(2).toString('hex');
      const meters = { node: nodeCpu, pg: await postgresCpuReader(serverUrl) };

      // Each worker renames users from its own slice, so that workers never wait on each other's row locks.
      const perWorker = (concurrency: number) => {
        const counters = new Array<number>(concurrency).fill(0);
        const slice = Math.floor(userIds.length / concurrency);
        return (w: number) => {
          const k = counters[w]!++;
          return { userId: userIds[w * slice + (k % slice)]!, name: `試験 ${tag}-${w}-${k}` };
        };
      };
      const viaUseCase = (concurrency: number) => {
        const next = perWorker(concurrency);
        return (w: number) => {
          const { userId, name } = next(w);
          return updateUser(contextFor(db, policy, actor, new Date()), userId, { name });
        };
      };
      const rawUpdate = (concurrency: number) => {
        const next = perWorker(concurrency);
        return (w: number) => {
          const { userId, name } = next(w);
          return rawDb.transaction().execute((tx) => tx.updateTable('users').set({ name, updated_at: new Date() }).where('id', '=', userId).execute());
        };
      };

      console.log(`  ${rounds} rounds of ${seconds} s per measure, alternating; median round shown`);
      for (const concurrency of levels) {
        const app: LoadResult[] = [];
        const raw: LoadResult[] = [];
        for (let round = 0; round < rounds; round += 1) {
          app.push(await closedLoop(viaUseCase(concurrency), { concurrency, seconds, warmupSeconds: 1, meters }));
          raw.push(await closedLoop(rawUpdate(concurrency), { concurrency, seconds, warmupSeconds: 1, meters }));
        }
        const a = medianRound(app);
        const r = medianRound(raw);
        const ratio = a.perSecond / r.perSecond;
        console.log(`  ${String(concurrency).padStart(2)} workers: updateUser+journal ${line(a)} | raw UPDATE ${line(r)} | ratio ${ratio.toFixed(2)}`);
        console.log(`             rounds (writes/s): updateUser ${app.map((x) => fmt(x.perSecond)).join(', ')}; raw ${raw.map((x) => fmt(x.perSecond)).join(', ')}`);
        console.log(`             updateUser ${cpuLine(app)}; raw ${cpuLine(raw)}`);
        lines.push({
          bench: 'journal-writes',
          measure: `updateUser+journal, ${concurrency} workers`,
          value: `${fmt(a.perSecond)}/s, p95 ${a.p95.toFixed(1)} ms`,
          baseline: `${fmt(r.perSecond)}/s, p95 ${r.p95.toFixed(1)} ms`,
          ratio: ratio.toFixed(2),
          target: concurrency >= 8 ? `≥ ${TARGET_WRITES}/s, p95 ≤ ${TARGET_P95_MS} ms` : '(latency only)',
          pass: concurrency >= 8 ? a.perSecond >= TARGET_WRITES && a.p95 <= TARGET_P95_MS && a.errors === 0 : null,
        });
      }

      // ---- bare journal append: no change to any other table, only events ----
      const system = contextFor(db, policy, actor, new Date());
      const eventsFor = (n: number, k: number): Events => {
        const userId = userIds[k % userIds.length]!;
        const one = (i: number) => ({ type: 'user.updated' as const, entityType: 'user' as const, entityId: userId, data: { changes: { email: { from: '', to: `u${k}-${i}@example.invalid` } } } });
        return [one(0), ...Array.from({ length: n - 1 }, (_, i) => one(i + 1))];
      };
      // The raw baseline for append: the same rows inserted into a copy of the journal table (same columns and
      // indexes, no trigger) with no hashing, no lock and no event validation.
      await sql`CREATE TABLE journal_raw (LIKE journal INCLUDING ALL)`.execute(db);
      let rawSeq = 0;
      const rawRows = (n: number, k: number) =>
        Array.from({ length: n }, (_, i) => ({
          seq: String(++rawSeq),
          at: new Date(),
          actor_id: actor.id,
          actor_name: actor.name,
          type: 'user.updated',
          entity_type: 'user',
          entity_id: userIds[k % userIds.length]!,
          data: JSON.stringify({ changes: { email: { from: '', to: `u${k}-${i}@example.invalid` } } }),
          prev_hash: '0'.repeat(64),
          hash: randomBytes(32).toString('hex'),
        }));
      const insertRaw = (n: number, k: number) =>
        db.transaction().execute((tx) => tx.insertInto('journal_raw' as 'journal').values(rawRows(n, k)).execute());

      // One act with many events: the whole batch shares one lock, one INSERT and one commit.
      const batch = 5000;
      const oneActTimes: number[] = [];
      const oneRawTimes: number[] = [];
      for (let round = 0; round < rounds; round += 1) {
        let start = performance.now();
        await recordAct({ ...system, now: new Date() }, () => Promise.resolve({ value: null, events: eventsFor(batch, round) }));
        oneActTimes.push((performance.now() - start) / 1000);
        start = performance.now();
        await insertRaw(batch, round);
        oneRawTimes.push((performance.now() - start) / 1000);
      }
      const oneAct = batch / median(oneActTimes);
      const oneRaw = batch / median(oneRawTimes);
      console.log(`  append, one act of ${fmt(batch)} events: ${fmt(oneAct)} entries/s (${(median(oneActTimes) * 1000).toFixed(0)} ms) | raw INSERT ${fmt(oneRaw)} rows/s | ratio ${(oneAct / oneRaw).toFixed(2)}`);
      lines.push({
        bench: 'journal-append',
        measure: `one act of ${fmt(batch)} events`,
        value: `${fmt(oneAct)} entries/s`,
        baseline: `${fmt(oneRaw)} rows/s`,
        ratio: (oneAct / oneRaw).toFixed(2),
        target: `≥ ${fmt(TARGET_APPEND)}/s`,
        pass: oneAct >= TARGET_APPEND,
      });

      // An act larger than PostgreSQL's 65,535 bind parameters would allow at 10 per entry (6,553 entries): the
      // per-event columns travel as arrays, so any size goes in one INSERT.
      const big = 10_000;
      try {
        const start = performance.now();
        await recordAct({ ...system, now: new Date() }, () => Promise.resolve({ value: null, events: eventsFor(big, 99) }));
        const took = (performance.now() - start) / 1000;
        console.log(`  append, one act of ${fmt(big)} events: ok, ${fmt(big / took)} entries/s (${(took * 1000).toFixed(0)} ms)`);
        lines.push({ bench: 'journal-append', measure: `one act of ${fmt(big)} events`, value: `ok, ${fmt(big / took)} entries/s`, baseline: '-', ratio: '-', target: 'succeeds', pass: true });
      } catch (error) {
        console.log(`  append, one act of ${fmt(big)} events: FAILED (${(error as Error).message.slice(0, 120)})`);
        lines.push({ bench: 'journal-append', measure: `one act of ${fmt(big)} events`, value: 'error', baseline: '-', ratio: '-', target: 'succeeds', pass: false });
      }

      // Many acts, each its own transaction, from 32 concurrent callers.
      for (const perAct of [1, 10]) {
        const concurrency = 32;
        const app: LoadResult[] = [];
        const raw: LoadResult[] = [];
        for (let round = 0; round < rounds; round += 1) {
          app.push(
            await closedLoop((_w, k) => recordAct({ ...system, now: new Date() }, () => Promise.resolve({ value: null, events: eventsFor(perAct, k) })), {
              concurrency,
              seconds,
              warmupSeconds: 1,
              meters,
            }),
          );
          raw.push(await closedLoop((_w, k) => insertRaw(perAct, k), { concurrency, seconds, warmupSeconds: 1, meters }));
        }
        const a = medianRound(app);
        const r = medianRound(raw);
        const entries = a.perSecond * perAct;
        const rawEntries = r.perSecond * perAct;
        console.log(
          `  append, acts of ${perAct} event(s), ${concurrency} callers: ${fmt(entries)} entries/s (${fmt(a.perSecond)} acts/s, p95 ${a.p95.toFixed(1)} ms) | raw ${fmt(rawEntries)} rows/s (p95 ${r.p95.toFixed(1)} ms) | ratio ${(entries / rawEntries).toFixed(2)}`,
        );
        console.log(`             acts: ${cpuLine(app)}; raw: ${cpuLine(raw)}`);
        lines.push({
          bench: 'journal-append',
          measure: `acts of ${perAct} event${perAct > 1 ? 's' : ''}, ${concurrency} callers`,
          value: `${fmt(entries)} entries/s`,
          baseline: `${fmt(rawEntries)} rows/s`,
          ratio: (entries / rawEntries).toFixed(2),
          target: `≥ ${fmt(TARGET_APPEND)}/s`,
          pass: entries >= TARGET_APPEND,
        });
      }
      await rawDb.destroy();
      printVerdicts(lines);
      return lines;
    } finally {
      await database.drop();
    }
  });
}

if (isMain(import.meta.url)) {
  await runJournalWrites();
}
