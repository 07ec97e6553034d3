// Shared helpers for the benchmarks: a PostgreSQL to measure on, timing statistics, result lines.
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { connectDatabase, type DatabaseHandle } from '../src/db/connect.js';
import { startEmbeddedPostgres } from '../src/server/embedded-postgres/server.js';
import { ensureDatabase } from '../src/db/ensure-database.js';
import { migrateToLatest } from '../src/db/migrate.js';

/** A PostgreSQL server for a benchmark run: BENCH_DATABASE_URL, or an embedded one in a temporary directory. */
export interface BenchServer {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export async function startBenchServer(): Promise<BenchServer> {
  const external = process.env.BENCH_DATABASE_URL;
  if (external) return { url: external, embedded: false, stop: () => Promise.resolve() };
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bansho-bench-pg-'));
  const server = await startEmbeddedPostgres(dir);
  return {
    url: server.url,
    embedded: true,
    stop: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface BenchDatabase extends DatabaseHandle {
  url: string;
  name: string;
  /** Closes the pool and drops the database. */
  drop(): Promise<void>;
}

/** A fresh, migrated database of its own on the server (dropped afterwards). */
export async function createBenchDatabase(serverUrl: string, label: string, options: { max?: number } = {}): Promise<BenchDatabase> {
  const name = `bench_${label}_${randomBytes(3).toString('hex')}`;
  const url = await ensureDatabase(serverUrl, name);
  const handle = connectDatabase(url, { max: options.max ?? 16 });
  await migrateToLatest(handle.db);
  return {
    ...handle,
    url,
    name,
    drop: async () => {
      await handle.close();
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

/** Runs `body` with a server of its own unless one is given (run-all shares one). */
export async function withServer<T>(serverUrl: string | undefined, body: (url: string) => Promise<T>): Promise<T> {
  if (serverUrl) return body(serverUrl);
  const server = await startBenchServer();
  try {
    return await body(server.url);
  } finally {
    await server.stop();
  }
}

/** The server's version and the settings that matter for commit latency. */
export async function serverInfo(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ v: string; fsync: string; sync: string; sb: string }>(
      `SELECT current_setting('server_version') AS v, current_setting('fsync') AS fsync,
              current_setting('synchronous_commit') AS sync, current_setting('shared_buffers') AS sb`,
    );
    const r = rows[0]!;
    return `PostgreSQL ${r.v} (fsync=${r.fsync}, synchronous_commit=${r.sync}, shared_buffers=${r.sb})`;
  } finally {
    await client.end();
  }
}

// ---- CPU accounting (noise-robust: what a request costs, whatever else the machine is doing) ----

const CLOCK_TICKS = 100;

function procStat(pid: number | string): { ppid: number; cpu: number; children: number } | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start at field 3.
    const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const stat = { ppid: Number(f[1]), cpu: (Number(f[11]) + Number(f[12])) / CLOCK_TICKS, children: (Number(f[13]) + Number(f[14])) / CLOCK_TICKS };
    return Number.isFinite(stat.ppid) && Number.isFinite(stat.cpu) && Number.isFinite(stat.children) ? stat : null;
  } catch {
    return null;
  }
}

/**
 * A reader of the CPU seconds used so far by a PostgreSQL server running on this machine (the postmaster, its
 * live processes, and those that ended), or null when the server is not local.
 */
export async function postgresCpuReader(url: string): Promise<(() => number) | null> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let postmaster: number | undefined;
  try {
    const backend = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
    // Read while the backend still lives: its parent is the postmaster.
    postmaster = procStat(backend)?.ppid;
  } finally {
    await client.end();
  }
  if (!postmaster || !procStat(postmaster)) return null;
  return () => {
    const main = procStat(postmaster);
    let total = main ? main.cpu + main.children : 0;
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const stat = procStat(entry);
      if (stat?.ppid === postmaster) total += stat.cpu;
    }
    return total;
  };
}

/** CPU seconds used by this Node process so far. */
export const nodeCpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

// ---- statistics ----

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface LoadResult {
  ops: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  /** CPU microseconds per operation, for each meter given (sampled over the measured window). */
  cpuUs: Record<string, number>;
}

/**
 * A closed loop: `concurrency` workers call `op` back to back for `seconds` (after `warmupSeconds` not counted);
 * returns throughput and latency percentiles in milliseconds.
 */
export async function closedLoop(
  op: (worker: number, i: number) => Promise<unknown>,
  options: { concurrency: number; seconds: number; warmupSeconds?: number; meters?: Record<string, (() => number) | null> },
): Promise<LoadResult> {
  const warmupEnd = performance.now() + (options.warmupSeconds ?? 0) * 1000;
  const end = warmupEnd + options.seconds * 1000;
  const meters = Object.entries(options.meters ?? {}).filter((m): m is [string, () => number] => m[1] !== null);
  const sample = () => meters.map(([, read]) => read());
  let startCpu: number[] = [];
  let endCpu: number[] = [];
  const startTimer = setTimeout(() => (startCpu = sample()), warmupEnd - performance.now());
  const endTimer = setTimeout(() => (endCpu = sample()), end - performance.now());
  const latencies: number[] = [];
  let errors = 0;
  let firstError: unknown;
  let counter = 0;
  const worker = async (w: number) => {
    for (;;) {
      const start = performance.now();
      if (start >= end) return;
      try {
        await op(w, counter++);
      } catch (error) {
        errors += 1;
        firstError ??= error;
      }
      const done = performance.now();
      if (start >= warmupEnd && done <= end) latencies.push(done - start);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, (_, w) => worker(w)));
  clearTimeout(startTimer);
  clearTimeout(endTimer);
  if (endCpu.length === 0) endCpu = sample();
  if (errors > 0) console.error(`  ${errors} operations failed; first:`, firstError);
  latencies.sort((a, b) => a - b);
  return {
    ops: latencies.length,
    seconds: options.seconds,
    perSecond: latencies.length / options.seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors,
    cpuUs: Object.fromEntries(meters.map(([name], i) => [name, (((endCpu[i] ?? NaN) - (startCpu[i] ?? NaN)) / Math.max(1, latencies.length)) * 1e6])),
  };
}

/** The round whose throughput is the median of the rounds (its latencies come with it). */
export function medianRound(rounds: LoadResult[]): LoadResult {
  const sorted = [...rounds].sort((a, b) => a.perSecond - b.perSecond);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

// ---- reporting ----

/** One line of the run-all summary. */
export interface BenchLine {
  bench: string;
  measure: string;
  value: string;
  baseline: string;
  ratio: string;
  target: string;
  pass: boolean | null;
}

export const fmt = (n: number, digits = 0): string => (Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : String(n));

export function printTable(lines: BenchLine[]): void {
  const verdict = (pass: boolean | null) => (pass === null ? '-' : pass ? 'PASS' : 'FAIL');
  const cells = [
    ['bench', 'measure', 'value', 'raw baseline', 'ratio', 'target', 'result'],
    ...lines.map((l) => [l.bench, l.measure, l.value, l.baseline, l.ratio, l.target, verdict(l.pass)]),
  ];
  const widths = cells[0]!.map((_, i) => Math.max(...cells.map((row) => [...row[i]!].length)));
  for (const [n, row] of cells.entries()) {
    console.log(row.map((cell, i) => cell + ' '.repeat(widths[i]! - [...cell].length)).join(' | '));
    if (n === 0) console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  }
}

export function printVerdicts(lines: BenchLine[]): void {
  for (const l of lines) if (l.pass !== null) console.log(`${l.pass ? 'PASS' : 'FAIL'} ${l.bench}: ${l.measure} = ${l.value} (target ${l.target})`);
}

/** True when the module is the script node was started with. */
export function isMain(metaUrl: string): boolean {
  return process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(metaUrl);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Server-side request times of a benchmark's child server: how many, median and p95 (ms). */
export interface ServerTimes {
  count: number;
  p50: number;
  p95: number;
}

/** Records each request's time at the HTTP server, from its arrival to the response's last byte. */
export function timeRequests(server: Server, into: number[]): void {
  server.on('request', (_request: IncomingMessage, response: ServerResponse) => {
    const start = performance.now();
    response.once('finish', () => into.push(performance.now() - start));
  });
}

/** The count, median and p95 of recorded request times. */
export function summariseTimes(list: number[]): ServerTimes {
  const sorted = [...list].sort((a, b) => a - b);
  return { count: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
}

/** A benchmark's child server (Bansho and its bare twin in one process), spoken to over IPC. */
export interface ChildServers {
  child: ChildProcess;
  bansho: string;
  bare: string;
  /** Sends `request` and waits for the message of type `reply`. */
  ask<T>(request: string, reply: string): Promise<T>;
  stop(): Promise<void>;
}

/**
 * Forks a server script under tsx with BENCH_DB_URL set and waits for its `ready` message (the two base URLs).
 * BENCH_CPU_PROF=dir writes a CPU profile of the servers (node --cpu-prof) when they stop.
 */
export async function forkServers(script: URL, dbUrl: string): Promise<ChildServers> {
  const name = path.basename(fileURLToPath(script), '.ts');
  const child = fork(fileURLToPath(script), [], {
    execArgv: ['--import', 'tsx', ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [])],
    env: { ...process.env, BENCH_DB_URL: dbUrl },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = <T>(type: string) =>
    new Promise<T>((resolve, reject) => {
      const onMessage = (message: { type: string }) => {
        if (message.type !== type) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(message as T);
      };
      const onExit = (code: number | null) => reject(new Error(`${name} exited (${code})`));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  const ready = await next<{ bansho: string; bare: string }>('ready');
  return {
    child,
    bansho: ready.bansho,
    bare: ready.bare,
    ask: <T>(request: string, reply: string) => {
      const answer = next<T>(reply);
      child.send({ type: request });
      return answer;
    },
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ type: 'stop' });
      await exited;
    },
  };
}
