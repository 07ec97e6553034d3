// Runs every benchmark in sequence on one PostgreSQL server (BENCH_DATABASE_URL, or an embedded one started
// here in a temporary directory), each in a database of its own, then prints a summary table.
//
//   npm run bench                  (= node --import tsx bench/run-all.ts)
//   npm run bench -- writes verify (only some: writes, read, verify, assets)
import os from 'node:os';
import { runAssets } from './assets.js';
import { runJournalVerify } from './journal-verify.js';
import { runJournalWrites } from './journal-writes.js';
import { printTable, serverInfo, startBenchServer, type BenchLine } from './lib.js';
import { runReadApi } from './read-api.js';

const benches: Record<string, (serverUrl: string) => Promise<BenchLine[]>> = {
  writes: (serverUrl) => runJournalWrites({ serverUrl }),
  read: (serverUrl) => runReadApi({ serverUrl }),
  verify: (serverUrl) => runJournalVerify({ serverUrl }),
  assets: (serverUrl) => runAssets({ serverUrl }),
};

const chosen = process.argv.slice(2).filter((a) => !a.startsWith('-'));
for (const name of chosen) if (!(name in benches)) throw new Error(`unknown benchmark ${name}: choose from ${Object.keys(benches).join(', ')}`);
const names = chosen.length > 0 ? chosen : Object.keys(benches);

const started = new Date();
const server = await startBenchServer();
const lines: BenchLine[] = [];
const failed: string[] = [];
try {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  console.log(`Bansho benchmarks, ${started.toISOString()}`);
  console.log(`  machine: ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log(`  Node ${process.version}; ${await serverInfo(server.url)}${server.embedded ? ' (embedded)' : ''}`);
  for (const name of names) {
    try {
      lines.push(...(await benches[name]!(server.url)));
    } catch (error) {
      console.error(`benchmark ${name} failed:`, error);
      failed.push(name);
      lines.push({ bench: name, measure: 'run', value: 'error', baseline: '-', ratio: '-', target: '-', pass: false });
    }
  }
} finally {
  await server.stop();
}

console.log(`\n== summary (${started.toISOString()}, ${((Date.now() - started.getTime()) / 1000).toFixed(0)} s, load average now ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}) ==`);
printTable(lines);
const failures = lines.filter((l) => l.pass === false).length;
console.log(`\n${lines.filter((l) => l.pass === true).length} PASS, ${failures} FAIL${failed.length ? `; could not run: ${failed.join(', ')}` : ''}`);
// Benchmarks report; they do not gate: the exit code says only whether they ran.
process.exitCode = failed.length > 0 ? 1 : 0;
