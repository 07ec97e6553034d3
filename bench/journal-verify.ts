// (c) Full verification of the journal chain: `verifyJournal` over 1,000,000 entries (DESIGN §7: ≤ 20 s),
// against a raw baseline that reads the same rows the same way (keyset batches of 5,000) without hashing.
//
//   node --import tsx bench/journal-verify.ts          (BENCH_ENTRIES=… to change the size)
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database } from '../src/db/tables.js';
import { verifyJournal } from '../src/journal/verify.js';
import { generateJournal } from './generate-journal.js';
import { createBenchDatabase, fmt, isMain, median, nodeCpu, postgresCpuReader, printVerdicts, serverInfo, withServer, type BenchLine } from './lib.js';

const TARGET_SECONDS = 20;

/** The raw baseline: the same paginated read as verifyJournal, with nothing computed. */
async function scanJournal(db: Kysely<Database>): Promise<number> {
  let next = '1';
  let rows = 0;
  for (;;) {
    const batch = await db.selectFrom('journal').selectAll().where('seq', '>=', next).orderBy('seq').limit(5000).execute();
    rows += batch.length;
    if (batch.length < 5000) return rows;
    next = (BigInt(batch[batch.length - 1]!.seq) + 1n).toString();
  }
}

export async function runJournalVerify(options: { serverUrl?: string; entries?: number; rounds?: number } = {}): Promise<BenchLine[]> {
  const entries = options.entries ?? Number(process.env.BENCH_ENTRIES ?? 1_000_000);
  const rounds = options.rounds ?? 3;
  return withServer(options.serverUrl, async (serverUrl) => {
    console.log(`\n== journal-verify: verifyJournal over ${fmt(entries)} entries ==`);
    console.log(`  ${await serverInfo(serverUrl)}`);
    const database = await createBenchDatabase(serverUrl, 'verify', { max: 4 });
    try {
      const generated = await generateJournal(database.db, { count: entries });
      console.log(`  generated ${fmt(entries)} chained entries in ${generated.seconds.toFixed(1)} s (${fmt(entries / generated.seconds)} entries/s)`);
      await sql`VACUUM ANALYZE journal`.execute(database.db);
      const size = await sql<{ size: string }>`SELECT pg_size_pretty(pg_total_relation_size('journal')) AS size`.execute(database.db);
      console.log(`  journal table with indexes: ${size.rows[0]?.size}`);

      const pgCpu = (await postgresCpuReader(serverUrl)) ?? (() => NaN);
      // Wall time, and the CPU seconds spent by Node and by PostgreSQL (robust when the machine is busy).
      const timed = async <T>(work: () => Promise<T>) => {
        const [wall, node, pg] = [performance.now(), nodeCpu(), pgCpu()];
        const value = await work();
        return { value, wall: (performance.now() - wall) / 1000, node: nodeCpu() - node, pg: pgCpu() - pg };
      };
      const verifyRuns: { wall: number; node: number; pg: number }[] = [];
      const scanRuns: { wall: number; node: number; pg: number }[] = [];
      for (let round = 1; round <= rounds; round += 1) {
        const scan = await timed(() => scanJournal(database.db));
        scanRuns.push(scan);
        if (scan.value !== entries) throw new Error(`scan read ${scan.value} rows, expected ${entries}`);
        const verify = await timed(() => verifyJournal(database.db));
        verifyRuns.push(verify);
        const result = verify.value;
        if (!result.ok || result.entries !== entries || result.headHash !== generated.headHash) {
          throw new Error(`verification failed: ${JSON.stringify(result)}`);
        }
        console.log(
          `  round ${round}: verify ${verify.wall.toFixed(2)} s (CPU Node ${verify.node.toFixed(1)} s, PostgreSQL ${verify.pg.toFixed(1)} s), ` +
            `raw scan ${scan.wall.toFixed(2)} s (CPU Node ${scan.node.toFixed(1)} s, PostgreSQL ${scan.pg.toFixed(1)} s)`,
        );
      }
      const verify = median(verifyRuns.map((r) => r.wall));
      const scan = median(scanRuns.map((r) => r.wall));
      console.log(`  median: verify ${verify.toFixed(2)} s (${fmt(entries / verify)} entries/s), raw scan ${scan.toFixed(2)} s (${fmt(entries / scan)} rows/s); verify/scan = ${(verify / scan).toFixed(2)}×`);
      console.log(`  median CPU: verify Node ${median(verifyRuns.map((r) => r.node)).toFixed(1)} s + PostgreSQL ${median(verifyRuns.map((r) => r.pg)).toFixed(1)} s; scan Node ${median(scanRuns.map((r) => r.node)).toFixed(1)} s + PostgreSQL ${median(scanRuns.map((r) => r.pg)).toFixed(1)} s`);
      const lines: BenchLine[] = [
        {
          bench: 'journal-verify',
          measure: `verifyJournal, ${fmt(entries)} entries`,
          value: `${verify.toFixed(2)} s`,
          baseline: `${scan.toFixed(2)} s scan`,
          ratio: `${(verify / scan).toFixed(2)}× scan`,
          target: `≤ ${TARGET_SECONDS} s`,
          pass: verify <= TARGET_SECONDS * (entries / 1_000_000),
        },
      ];
      printVerdicts(lines);
      return lines;
    } finally {
      await database.drop();
    }
  });
}

if (isMain(import.meta.url)) {
  await runJournalVerify();
}
