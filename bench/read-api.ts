// (b) The authenticated read API against a bare Fastify + pg route running the same indexed query, on the same
// database with 1,000,000 journal entries (DESIGN §7: ≥ 50% of the bare throughput; list p95 ≤ 50 ms
// server-side).
//
// The real Bansho app (buildApp) listens on loopback in a child process (bench/read-api-server.ts) beside the
// bare server; the session cookie comes from a real sign-in (POST /api/session). Both are loaded with
// autocannon from this process, alternating, a few rounds; the median round is reported.
//
//   node --import tsx bench/read-api.ts          (BENCH_ENTRIES, BENCH_SECONDS, BENCH_ROUNDS, BENCH_CPU_PROF=dir)
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { makeDepartment, makeUser, TEST_PASSWORD } from '../test/helpers/factories.js';
import { generateJournal, type JournalActor } from './generate-journal.js';
import type { ServerStats } from './read-api-server.js';
import { createBenchDatabase, fmt, isMain, median, percentile, postgresCpuReader, printVerdicts, serverInfo, withServer, type BenchLine, type ChildServers, type ServerTimes, forkServers } from './lib.js';
import { fixture } from '../test/helpers/fixtures.js';

const TARGET_RATIO = 0.5;
const TARGET_SERVER_P95_MS = 50;
const CONNECTIONS = 16;

interface Servers extends ChildServers {
  stats(): Promise<ServerStats>;
}

async function startServers(dbUrl: string): Promise<Servers> {
  const servers = await forkServers(new URL('./read-api-server.ts', import.meta.url), dbUrl);
  return { ...servers, stats: () => servers.ask<ServerStats>('stats', 'stats') };
}

/** Signs in the way the web UI does: a CSRF cookie from GET /api/session, then the password; returns the Cookie header. */
export async function signIn(base: string, login: string): Promise<string> {
  const first = await fetch(`${base}/api/session`);
  const csrf = first.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('bansho_csrf='));
  if (!csrf) throw new Error('no CSRF cookie');
  const response = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: csrf, 'x-csrf-token': csrf.slice('bansho_csrf='.length) },
    body: JSON.stringify({ login, password: TEST_PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`sign-in of ${login} failed: ${response.status} ${await response.text()}`);
  // The browser then sends both cookies: the session and the CSRF token (which sign-in renews).
  const cookies = new Map([csrf, ...response.headers.getSetCookie().map((c) => c.split(';')[0]!)].map((c) => [c.slice(0, c.indexOf('=')), c] as const));
  if (!cookies.has('bansho_session')) throw new Error('no session cookie');
  return [...cookies.values()].join('; ');
}

export interface Load {
  rps: number;
  requests: number;
  p50: number;
  p95: number;
  bad: number;
}

/** One measured run: client view, server-side times, and CPU per request (µs) of the Node server and PostgreSQL. */
interface Run extends Load {
  server: ServerTimes;
  nodeUs: number;
  pgUs: number;
}

/** One autocannon run; p95 from every response's time (autocannon's own table has no p95). */
export function load(url: string, options: { connections: number; seconds: number; cookie?: string }): Promise<Load> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    const instance = autocannon(
      { url, connections: options.connections, duration: options.seconds, timeout: 30, headers: options.cookie ? { cookie: options.cookie } : {} },
      (error: unknown, result: autocannon.Result) => {
        if (error) {
          reject(error instanceof Error ? error : new Error('autocannon failed'));
          return;
        }
        latencies.sort((a, b) => a - b);
        resolve({ rps: result.requests.total / options.seconds, requests: result.requests.total, p50: percentile(latencies, 50), p95: percentile(latencies, 95), bad: result.non2xx + result.errors + result.timeouts });
      },
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
}

interface Scenario {
  name: string;
  bansho: string;
  bare: string;
  cookie: string;
  connections: number;
  /** Is the throughput ratio a target here (else only the server-side latency is judged)? */
  ratioTarget: boolean;
  /** Also measured, to tell where the difference goes: the bare route plus Bansho's session lookup. */
  withSession?: string;
}

export async function runReadApi(options: { serverUrl?: string; entries?: number; seconds?: number; rounds?: number } = {}): Promise<BenchLine[]> {
  const entries = options.entries ?? Number(process.env.BENCH_ENTRIES ?? 1_000_000);
  const seconds = options.seconds ?? Number(process.env.BENCH_SECONDS ?? 5);
  const rounds = options.rounds ?? Number(process.env.BENCH_ROUNDS ?? 3);
  return withServer(options.serverUrl, async (serverUrl) => {
    console.log(`\n== read-api: GET /api/journal (Bansho, signed in) vs bare Fastify + pg, ${fmt(entries)} entries ==`);
    console.log(`  ${await serverInfo(serverUrl)}`);
    const database = await createBenchDatabase(serverUrl, 'read', { max: 4 });
    const lines: BenchLine[] = [];
    let servers: Servers | undefined;
    try {
      const { db } = database;
      const department = await makeDepartment(db);
      const auditor = await makeUser(db, { departmentId: department.id, login: 'bench-auditor', roles: [{ role: 'auditor' }] });
      const staff = await makeUser(db, { departmentId: department.id, login: 'bench-staff' });
      await fixture(db, (tx) =>
        sql`
          INSERT INTO users (login, staff_number, name, kana, email, department_id, must_change_password)
          SELECT 'actor' || g, 'A-' || g, '職員 ' || g, 'しょくいん', '', ${department.id}::uuid, false FROM generate_series(1, 200) g`.execute(tx),
      );
      const actors: JournalActor[] = await db.selectFrom('users').select(['id', 'name']).where('login', 'like', 'actor%').execute();
      const generated = await generateJournal(db, { count: entries, actors: [...actors, { id: auditor.id, name: auditor.name }] });
      console.log(`  generated ${fmt(entries)} entries in ${generated.seconds.toFixed(1)} s`);
      await sql`VACUUM ANALYZE`.execute(db);

      const pgCpu = await postgresCpuReader(serverUrl);
      servers = await startServers(database.url);
      const auditorCookie = await signIn(servers.bansho, 'bench-auditor');
      const staffCookie = await signIn(servers.bansho, 'bench-staff');
      const actorId = actors[0]!.id;
      const scenarios: Scenario[] = [
        {
          name: 'newest 50 (auditor: whole journal)',
          bansho: `${servers.bansho}/api/journal?limit=50`,
          bare: `${servers.bare}/journal?limit=50`,
          cookie: auditorCookie,
          connections: CONNECTIONS,
          ratioTarget: true,
          withSession: `${servers.bare}/journal-with-session?limit=50`,
        },
        {
          name: "newest 50 of one actor's (actorId filter)",
          bansho: `${servers.bansho}/api/journal?limit=50&actorId=${actorId}`,
          bare: `${servers.bare}/journal?limit=50&actorId=${actorId}`,
          cookie: auditorCookie,
          connections: CONNECTIONS,
          ratioTarget: true,
        },
        {
          name: 'newest 50 (staff: own entries only)',
          bansho: `${servers.bansho}/api/journal?limit=50`,
          bare: `${servers.bare}/journal?limit=50&ownId=${staff.id}`,
          cookie: staffCookie,
          connections: 4,
          ratioTarget: false,
        },
      ];

      for (const scenario of scenarios) {
        // Both must answer the same page.
        const [a, b] = await Promise.all([fetch(scenario.bansho, { headers: { cookie: scenario.cookie } }), fetch(scenario.bare)]);
        const [pa, pb] = (await Promise.all([a.json(), b.json()])) as [{ items: { seq: number }[] }, { items: { seq: number }[] }];
        if (a.status !== 200 || b.status !== 200 || JSON.stringify(pa) !== JSON.stringify(pb)) {
          throw new Error(`${scenario.name}: the two servers disagree (${a.status}, ${b.status})`);
        }
        await load(scenario.bansho, { connections: scenario.connections, seconds: 1, cookie: scenario.cookie });
        await load(scenario.bare, { connections: scenario.connections, seconds: 1 });
        await servers.stats();
        const measure = async (url: string, cookie: string | undefined, which: 'bansho' | 'bare'): Promise<Run> => {
          const pgBefore = pgCpu?.() ?? 0;
          const run = await load(url, { connections: scenario.connections, seconds, ...(cookie ? { cookie } : {}) });
          const pgUsed = (pgCpu?.() ?? NaN) - pgBefore;
          const stats = await servers!.stats();
          return { ...run, server: stats[which], nodeUs: (stats.cpu / run.requests) * 1e6, pgUs: (pgUsed / run.requests) * 1e6 };
        };
        const banshoRuns: Run[] = [];
        const bareRuns: Run[] = [];
        const sessionRuns: Run[] = [];
        for (let round = 0; round < rounds; round += 1) {
          banshoRuns.push(await measure(scenario.bansho, scenario.cookie, 'bansho'));
          bareRuns.push(await measure(scenario.bare, undefined, 'bare'));
          if (scenario.withSession) sessionRuns.push(await measure(scenario.withSession, scenario.cookie, 'bare'));
        }
        const pick = (runs: Run[]) => [...runs].sort((p, q) => p.rps - q.rps)[Math.floor((runs.length - 1) / 2)]!;
        const cpuOf = (runs: Run[]) => ({ node: median(runs.map((r) => r.nodeUs)), pg: median(runs.map((r) => r.pgUs)) });
        const cpuText = (c: { node: number; pg: number }) => `CPU/request: Node ${fmt(c.node)} µs + PostgreSQL ${fmt(c.pg)} µs`;
        const x = pick(banshoRuns);
        const y = pick(bareRuns);
        const ratio = x.rps / y.rps;
        const serverP95 = median(banshoRuns.map((r) => r.server.p95));
        const bad = banshoRuns.reduce((n, r) => n + r.bad, 0) + bareRuns.reduce((n, r) => n + r.bad, 0);
        console.log(`  ${scenario.name}, ${scenario.connections} connections:`);
        const banshoCpu = cpuOf(banshoRuns);
        const bareCpu = cpuOf(bareRuns);
        // What the throughput ratio would be if CPU were the only limit: the bare route's cost over Bansho's.
        const cpuRatio = (bareCpu.node + bareCpu.pg) / (banshoCpu.node + banshoCpu.pg);
        console.log(`    Bansho ${fmt(x.rps)} req/s, p50 ${x.p50.toFixed(1)} ms, p95 ${x.p95.toFixed(1)} ms (server-side p95 ${serverP95.toFixed(1)} ms); ${cpuText(banshoCpu)}`);
        console.log(`    bare   ${fmt(y.rps)} req/s, p50 ${y.p50.toFixed(1)} ms, p95 ${y.p95.toFixed(1)} ms (server-side p95 ${median(bareRuns.map((r) => r.server.p95)).toFixed(1)} ms); ${cpuText(bareCpu)}`);
        if (sessionRuns.length > 0) {
          const z = pick(sessionRuns);
          console.log(`    bare + Bansho's session lookup ${fmt(z.rps)} req/s, p95 ${z.p95.toFixed(1)} ms (ratio to bare ${(z.rps / y.rps).toFixed(2)}; rounds ${sessionRuns.map((r) => fmt(r.rps)).join(', ')}); ${cpuText(cpuOf(sessionRuns))}`);
        }
        console.log(`    CPU-cost ratio (bare cost / Bansho cost) ${cpuRatio.toFixed(2)}`);
        console.log(`    ratio ${ratio.toFixed(2)}; rounds Bansho ${banshoRuns.map((r) => fmt(r.rps)).join(', ')} / bare ${bareRuns.map((r) => fmt(r.rps)).join(', ')}${bad ? `; ${bad} bad responses` : ''}`);
        lines.push({
          bench: 'read-api',
          measure: `${scenario.name}, req/s`,
          value: `${fmt(x.rps)}/s, p95 ${x.p95.toFixed(1)} ms`,
          baseline: `${fmt(y.rps)}/s, p95 ${y.p95.toFixed(1)} ms`,
          ratio: `${ratio.toFixed(2)} (CPU ${cpuRatio.toFixed(2)})`,
          target: scenario.ratioTarget ? `ratio ≥ ${TARGET_RATIO}` : '(no ratio target)',
          pass: scenario.ratioTarget ? ratio >= TARGET_RATIO && bad === 0 : null,
        });
        lines.push({
          bench: 'read-api',
          measure: `${scenario.name}, server p95`,
          value: `${serverP95.toFixed(1)} ms`,
          baseline: `${median(bareRuns.map((r) => r.server.p95)).toFixed(1)} ms`,
          ratio: '-',
          target: `≤ ${TARGET_SERVER_P95_MS} ms`,
          pass: serverP95 <= TARGET_SERVER_P95_MS,
        });
      }
      printVerdicts(lines);
      return lines;
    } finally {
      await servers?.stop();
      await database.drop();
    }
  });
}

if (isMain(import.meta.url)) {
  await runReadApi();
}
