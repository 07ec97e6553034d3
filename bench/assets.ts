// (d) The information asset register (目録) at 100,000 assets across 200 課等 with 1,000,000 journal entries
// (DESIGN §7: list/filter/search p95 ≤ 50 ms server-side; the read API ≥ 50% of a bare Fastify + pg route
// running the same query; and the issue's targets: importing 10,000 rows ≤ 10 s, exporting 100,000 rows to xlsx
// ≤ 20 s in under 300 MB).
//
// The real Bansho app (buildApp) listens on loopback in a child process (bench/assets-server.ts) beside the bare
// route; session cookies come from real sign-ins (POST /api/session). The list is loaded with autocannon from this
// process, alternating Bansho and bare, a few rounds; the median round is reported. The export runs in a fresh
// child, which samples its own RSS while it streams; the import goes through the real routes (multipart upload,
// validation, commit), timed end to end.
//
//   node --import tsx bench/assets.ts
//   (BENCH_ASSETS, BENCH_ENTRIES, BENCH_SECONDS, BENCH_ROUNDS, BENCH_IMPORT_ROWS, BENCH_CPU_PROF=dir,
//    BENCH_ASSETS_PARTS=list,export,import to run only some parts)
//   BENCH_ASSETS=5000 BENCH_ENTRIES=20000 BENCH_SECONDS=1 BENCH_ROUNDS=1 BENCH_IMPORT_ROWS=500 node --import tsx bench/assets.ts   (a smoke run)
import { sql } from 'kysely';
import { listWindow } from '../src/features/assets/queries.js';
import { actorOf } from '../test/helpers/factories.js';
import { buildImportWorkbook, countXlsxRows, rawImport } from './asset-workbooks.js';
import type { BareAssetQuery, MemoryStats, ServerStats } from './assets-server.js';
import { generateAssets, type GenerateAssetsResult } from './generate-assets.js';
import { load, signIn, type Load } from './read-api.js';
import { createBenchDatabase, fmt, isMain, median, postgresCpuReader, printVerdicts, serverInfo, withServer, type BenchDatabase, type BenchLine, type ChildServers, type ServerTimes, forkServers } from './lib.js';

const TARGET_RATIO = 0.5;
const TARGET_SERVER_P95_MS = 50;
const TARGET_IMPORT_S = 10;
const TARGET_EXPORT_S = 20;
const TARGET_EXPORT_RSS_MB = 300;
const CONNECTIONS = 16;

interface Servers extends ChildServers {
  stats(): Promise<ServerStats>;
  memoryStart(): Promise<void>;
  memoryStop(): Promise<MemoryStats>;
}

async function startServers(dbUrl: string): Promise<Servers> {
  const servers = await forkServers(new URL('./assets-server.ts', import.meta.url), dbUrl);
  return {
    ...servers,
    stats: () => servers.ask<ServerStats>('stats', 'stats'),
    memoryStart: async () => {
      await servers.ask<unknown>('memory-start', 'memory-started');
    },
    memoryStop: () => servers.ask<MemoryStats>('memory-stop', 'memory'),
  };
}

/** The CSRF token a signed-in page echoes in `x-csrf-token` (the value of the bansho_csrf cookie). */
const csrfOf = (cookie: string): string => /(?:^|;\s*)bansho_csrf=([^;]+)/.exec(cookie)?.[1] ?? '';

/** One measured run: client view, server-side times, and CPU per request (µs) of the Node server and PostgreSQL. */
interface Run extends Load {
  server: ServerTimes;
  nodeUs: number;
  pgUs: number;
}

interface Reader {
  login: string;
  cookie: string;
  /** The bare route's stand-in for the session: who reads (absent for an oversight role). */
  scope?: BareAssetQuery['scope'];
}

interface Scenario {
  name: string;
  reader: Reader;
  /** GET /api/assets's query string (also the bare route's, plus the reader's scope). */
  query: Record<string, string>;
}

const queryString = (query: Record<string, string | undefined>) =>
  new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => e[1] !== undefined)).toString();

function bareUrl(base: string, scenario: Scenario): string {
  const s = scenario.reader.scope;
  const scope = s ? { userId: s.userId, userDepartmentId: s.departmentId, roles: s.roles.join(','), managed: s.managed.join(',') } : {};
  return `${base}/assets?${queryString({ ...scenario.query, ...scope })}`;
}

type Part = 'list' | 'export' | 'import';

export async function runAssets(
  options: { serverUrl?: string; assets?: number; entries?: number; seconds?: number; rounds?: number; importRows?: number; parts?: Part[] } = {},
): Promise<BenchLine[]> {
  const assetCount = options.assets ?? Number(process.env.BENCH_ASSETS ?? 100_000);
  const entries = options.entries ?? Number(process.env.BENCH_ENTRIES ?? 1_000_000);
  const seconds = options.seconds ?? Number(process.env.BENCH_SECONDS ?? 5);
  const rounds = options.rounds ?? Number(process.env.BENCH_ROUNDS ?? 3);
  const importRows = options.importRows ?? Number(process.env.BENCH_IMPORT_ROWS ?? 10_000);
  const parts = new Set<Part>(options.parts ?? ((process.env.BENCH_ASSETS_PARTS ?? 'list,export,import').split(',') as Part[]));
  return withServer(options.serverUrl, async (serverUrl) => {
    console.log(`\n== assets: the register (目録), ${fmt(assetCount)} assets, ${fmt(entries)} journal entries: GET /api/assets vs bare Fastify + pg; import; export ==`);
    console.log(`  ${await serverInfo(serverUrl)}`);
    const database = await createBenchDatabase(serverUrl, 'assets', { max: 4 });
    const lines: BenchLine[] = [];
    let servers: Servers | undefined;
    try {
      const { db } = database;
      const register: GenerateAssetsResult = await generateAssets(db, { assets: assetCount, journal: entries });
      const g = register.seconds;
      console.log(
        `  generated ${fmt(assetCount)} assets (${fmt(register.classOne)} class Ⅰ) in ${register.departments.length} 課等 with ` +
          `${fmt(register.grants.user + register.grants.department + register.grants.role)} access rights (user ${fmt(register.grants.user)}, 課等 ${fmt(register.grants.department)}, role ${fmt(register.grants.role)}): ` +
          `organisation ${g.organisation.toFixed(1)} s, assets ${g.assets.toFixed(1)} s, index rebuild ${g.indexes.toFixed(1)} s; ${fmt(entries)} journal entries ${g.journal.toFixed(1)} s`,
      );
      await sql`VACUUM ANALYZE`.execute(db);

      const pgCpu = await postgresCpuReader(serverUrl);
      servers = await startServers(database.url);
      const users = await db.selectFrom('users').select(['id', 'login', 'department_id']).where('login', 'in', [register.logins.auditor, register.logins.staff, register.logins.officer]).execute();
      const userOf = (login: string) => users.find((u) => u.login === login)!;
      const rolesOf = async (userId: string) => (await actorOf(db, userId)).roles.map((r) => r.role);
      const staffUser = userOf(register.logins.staff);
      const officerUser = userOf(register.logins.officer);
      const auditor: Reader = { login: register.logins.auditor, cookie: await signIn(servers.bansho, register.logins.auditor) };
      const staff: Reader = {
        login: staffUser.login,
        cookie: await signIn(servers.bansho, staffUser.login),
        scope: { userId: staffUser.id, departmentId: staffUser.department_id, roles: [...new Set(await rolesOf(staffUser.id))], managed: [] },
      };
      const officer: Reader = {
        login: officerUser.login,
        cookie: await signIn(servers.bansho, officerUser.login),
        scope: { userId: officerUser.id, departmentId: officerUser.department_id, roles: [...new Set(await rolesOf(officerUser.id))], managed: [register.largestDepartment.id] },
      };
      const visibleToStaff = Number(
        (await sql<{ n: string }>`SELECT count(DISTINCT asset_id) AS n FROM asset_access WHERE (subject_type = 'user' AND subject_id = ${staffUser.id})
          OR (subject_type = 'department' AND subject_id = ${staffUser.department_id}) OR (subject_type = 'role' AND subject_id = ANY(${staff.scope!.roles}))`.execute(db)).rows[0]!.n,
      );
      console.log(`  readers: auditor (all ${fmt(assetCount)}); officer of ${register.largestDepartment.name} (${fmt(register.largestDepartment.assets)} assets of the 課等); staff ${staffUser.login} with roles ${staff.scope!.roles.join(', ')} (${fmt(visibleToStaff)} assets through grants)`);

      // The deepest page the list serves (queries.ts listWindow: 10,000 rows), or three quarters in for a small register.
      const deepPage = Math.max(1, Math.min(Math.floor(listWindow / 50), Math.floor((assetCount * 0.75) / 50)));
      const scenarios: Scenario[] = [
        { name: 'first page by name (auditor)', reader: auditor, query: { sort: 'name', page: '1', pageSize: '50' } },
        { name: 'departmentId filter (auditor)', reader: auditor, query: { departmentId: register.largestDepartment.id } },
        { name: 'classLevel=class-1 & status=active (auditor)', reader: auditor, query: { classLevel: 'class-1', status: 'active' } },
        { name: 'q=住民 (auditor)', reader: auditor, query: { q: '住民' } },
        { name: 'q=台帳 (auditor)', reader: auditor, query: { q: '台帳' } },
        { name: 'q=住民基本台帳 (auditor)', reader: auditor, query: { q: '住民基本台帳' } },
        { name: `deep page ${deepPage} by name (auditor)`, reader: auditor, query: { page: String(deepPage) } },
        { name: 'first page (staff, through grants)', reader: staff, query: {} },
        { name: 'q=住民 (staff, through grants)', reader: staff, query: { q: '住民' } },
        { name: 'first page (officer of one 課等)', reader: officer, query: {} },
      ];

      for (const scenario of parts.has('list') ? scenarios : []) {
        const bansho = `${servers.bansho}/api/assets?${queryString(scenario.query)}`;
        const bare = bareUrl(servers.bare, scenario);
        const cookie = scenario.reader.cookie;
        // The bare route compiles Bansho's own query builders: both must answer the same page.
        const [a, b] = await Promise.all([fetch(bansho, { headers: { cookie } }), fetch(bare)]);
        const [pa, pb] = (await Promise.all([a.json(), b.json()])) as [{ items: unknown[]; total: number }, { items: unknown[]; total: number }];
        if (a.status !== 200 || b.status !== 200 || JSON.stringify(pa) !== JSON.stringify(pb)) {
          throw new Error(`${scenario.name}: the two servers disagree (${a.status}, ${b.status}): ${JSON.stringify(pa).slice(0, 300)} / ${JSON.stringify(pb).slice(0, 300)}`);
        }
        if (pa.items.length === 0) throw new Error(`${scenario.name}: an empty page measures nothing`);
        await load(bansho, { connections: CONNECTIONS, seconds: 1, cookie });
        await load(bare, { connections: CONNECTIONS, seconds: 1 });
        await servers.stats();
        // The cost of one request alone (one at a time, 20 of them or 10 s): what the query costs without queueing.
        const aloneStarted = performance.now();
        for (let n = 0; n < 20 && performance.now() - aloneStarted < 10_000; n += 1) await (await fetch(bansho, { headers: { cookie } })).arrayBuffer();
        const alone = (await servers.stats()).bansho;
        const measure = async (url: string, withCookie: string | undefined, which: 'bansho' | 'bare'): Promise<Run> => {
          const pgBefore = pgCpu?.() ?? 0;
          const run = await load(url, { connections: CONNECTIONS, seconds, ...(withCookie ? { cookie: withCookie } : {}) });
          const pgUsed = (pgCpu?.() ?? NaN) - pgBefore;
          const stats = await servers!.stats();
          return { ...run, server: stats[which], nodeUs: (stats.cpu / run.requests) * 1e6, pgUs: (pgUsed / run.requests) * 1e6 };
        };
        const banshoRuns: Run[] = [];
        const bareRuns: Run[] = [];
        for (let round = 0; round < rounds; round += 1) {
          banshoRuns.push(await measure(bansho, cookie, 'bansho'));
          bareRuns.push(await measure(bare, undefined, 'bare'));
        }
        const pick = (runs: Run[]) => [...runs].sort((p, q) => p.rps - q.rps)[Math.floor((runs.length - 1) / 2)]!;
        const cpuOf = (runs: Run[]) => ({ node: median(runs.map((r) => r.nodeUs)), pg: median(runs.map((r) => r.pgUs)) });
        const cpuText = (c: { node: number; pg: number }) => `CPU/request: Node ${fmt(c.node)} µs + PostgreSQL ${fmt(c.pg)} µs`;
        const x = pick(banshoRuns);
        const y = pick(bareRuns);
        const ratio = x.rps / y.rps;
        const serverP95 = median(banshoRuns.map((r) => r.server.p95));
        const bareP95 = median(bareRuns.map((r) => r.server.p95));
        const bad = banshoRuns.reduce((n, r) => n + r.bad, 0) + bareRuns.reduce((n, r) => n + r.bad, 0);
        const banshoCpu = cpuOf(banshoRuns);
        const bareCpu = cpuOf(bareRuns);
        // What the throughput ratio would be if CPU were the only limit: the bare route's cost over Bansho's.
        const cpuRatio = (bareCpu.node + bareCpu.pg) / (banshoCpu.node + banshoCpu.pg);
        console.log(`  ${scenario.name}: ${fmt(pa.total)} match, ${CONNECTIONS} connections:`);
        console.log(`    alone (${alone.count} requests one at a time): server-side p50 ${alone.p50.toFixed(1)} ms, p95 ${alone.p95.toFixed(1)} ms`);
        console.log(`    Bansho ${fmt(x.rps)} req/s, p50 ${x.p50.toFixed(1)} ms, p95 ${x.p95.toFixed(1)} ms (server-side p95 ${serverP95.toFixed(1)} ms); ${cpuText(banshoCpu)}`);
        console.log(`    bare   ${fmt(y.rps)} req/s, p50 ${y.p50.toFixed(1)} ms, p95 ${y.p95.toFixed(1)} ms (server-side p95 ${bareP95.toFixed(1)} ms); ${cpuText(bareCpu)}`);
        console.log(`    CPU-cost ratio (bare cost / Bansho cost) ${cpuRatio.toFixed(2)}`);
        console.log(`    ratio ${ratio.toFixed(2)}; rounds Bansho ${banshoRuns.map((r) => fmt(r.rps)).join(', ')} / bare ${bareRuns.map((r) => fmt(r.rps)).join(', ')}${bad ? `; ${bad} bad responses` : ''}`);
        lines.push({
          bench: 'assets',
          measure: `${scenario.name}, req/s`,
          value: `${fmt(x.rps)}/s, p95 ${x.p95.toFixed(1)} ms`,
          baseline: `${fmt(y.rps)}/s, p95 ${y.p95.toFixed(1)} ms`,
          ratio: `${ratio.toFixed(2)} (CPU ${cpuRatio.toFixed(2)})`,
          target: `ratio ≥ ${TARGET_RATIO}`,
          pass: ratio >= TARGET_RATIO && bad === 0,
        });
        lines.push({
          bench: 'assets',
          measure: `${scenario.name}, server p95`,
          value: `${serverP95.toFixed(1)} ms (alone ${alone.p95.toFixed(1)} ms)`,
          baseline: `${bareP95.toFixed(1)} ms`,
          ratio: '-',
          target: `≤ ${TARGET_SERVER_P95_MS} ms`,
          pass: serverP95 <= TARGET_SERVER_P95_MS,
        });
      }
      await servers.stop();
      servers = undefined;

      // ---- export: each in a fresh server process, so that its memory is the export's, not the load tests' ----
      if (parts.has('export')) lines.push(...(await measureExport(database.url, register.logins.auditor, assetCount, rounds)));

      // ---- import: through the real routes, as the officer of the largest 課等 ----
      if (parts.has('import')) {
        servers = await startServers(database.url);
        lines.push(...(await measureImport(servers, database, pgCpu, await signIn(servers.bansho, officerUser.login), register, importRows, rounds)));
      }

      printVerdicts(lines);
      return lines;
    } finally {
      await servers?.stop();
      await database.drop();
    }
  });
}

/**
 * GET /api/assets/export.xlsx of the whole register: time to first and last byte, and the server process's RSS
 * meanwhile. Every export, Bansho's and the bare one, runs in a server process started for it.
 */
async function measureExport(dbUrl: string, login: string, assetCount: number, rounds: number): Promise<BenchLine[]> {
  const fetchAll = async (target: string, withCookie?: string) => {
    const started = performance.now();
    const response = await fetch(target, { headers: withCookie ? { cookie: withCookie } : {} });
    if (response.status !== 200 || !response.body) throw new Error(`export ${target}: ${response.status} ${await response.text()}`);
    let firstByte = NaN;
    const chunks: Uint8Array[] = [];
    const reader = response.body.getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      if (Number.isNaN(firstByte)) firstByte = performance.now() - started;
      chunks.push(chunk.value);
    }
    return { firstByte: firstByte / 1000, lastByte: (performance.now() - started) / 1000, body: Buffer.concat(chunks) };
  };
  /** One export in a new server process, with that process's RSS sampled while it streams. */
  const exportOnce = async (which: 'bansho' | 'bare') => {
    const servers = await startServers(dbUrl);
    try {
      const cookie = which === 'bansho' ? await signIn(servers.bansho, login) : undefined;
      await servers.memoryStart();
      const result = await fetchAll(which === 'bansho' ? `${servers.bansho}/api/assets/export.xlsx?sort=name` : `${servers.bare}/assets-export.xlsx`, cookie);
      return { ...result, memory: await servers.memoryStop() };
    } finally {
      await servers.stop();
    }
  };
  const bansho: { firstByte: number; lastByte: number; memory: MemoryStats }[] = [];
  const bare: { lastByte: number; memory: MemoryStats }[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const b = await exportOnce('bansho');
    bansho.push(b);
    if (round === 0) {
      // The file is a real workbook with a row per asset (and a header row).
      const rows = await countXlsxRows(b.body);
      if (rows < assetCount) throw new Error(`export: ${rows} rows in the workbook, expected ${assetCount}`);
      console.log(`  export: ${fmt(rows)} rows (header included), ${fmt(b.body.length / 2 ** 20, 1)} MB`);
    }
    bare.push(await exportOnce('bare'));
  }
  const last = median(bansho.map((x) => x.lastByte));
  const baseline = median(bare.map((x) => x.lastByte));
  const peak = Math.max(...bansho.map((x) => x.memory.peakRss));
  const barePeak = Math.max(...bare.map((x) => x.memory.peakRss));
  console.log(`  export of ${fmt(assetCount)} assets (auditor), ${rounds} rounds:`);
  // RSS before the export (the server process idle, signed in) → its peak while streaming.
  const rss = (runs: { memory: MemoryStats }[]) =>
    `RSS ${runs.map((x) => `${fmt(x.memory.startRss)}→${fmt(x.memory.peakRss)}`).join(', ')} MB (peak V8 heap ${fmt(Math.max(...runs.map((x) => x.memory.peakHeap)))} MB)`;
  console.log(`    Bansho: first byte ${bansho.map((x) => x.firstByte.toFixed(2)).join(', ')} s; last byte ${bansho.map((x) => x.lastByte.toFixed(2)).join(', ')} s; ${rss(bansho)}`);
  console.log(`    bare (pg keyset batches + exceljs stream, same columns): last byte ${bare.map((x) => x.lastByte.toFixed(2)).join(', ')} s; ${rss(bare)}`);
  return [
    {
      bench: 'assets',
      measure: `export ${fmt(assetCount)} rows to xlsx, time to last byte`,
      value: `${last.toFixed(1)} s (first byte ${median(bansho.map((x) => x.firstByte)).toFixed(2)} s)`,
      baseline: `${baseline.toFixed(1)} s`,
      ratio: (baseline / last).toFixed(2),
      target: `≤ ${TARGET_EXPORT_S} s`,
      pass: last <= TARGET_EXPORT_S,
    },
    {
      bench: 'assets',
      measure: `export ${fmt(assetCount)} rows, server RSS peak`,
      value: `${fmt(peak)} MB (idle ${fmt(median(bansho.map((x) => x.memory.startRss)))} MB)`,
      baseline: `${fmt(barePeak)} MB`,
      ratio: '-',
      target: `< ${TARGET_EXPORT_RSS_MB} MB`,
      pass: peak < TARGET_EXPORT_RSS_MB,
    },
  ];
}

/**
 * POST /api/assets/imports (multipart upload of a generated 台帳) and POST /api/assets/imports/:id/commit, timed
 * end to end; against the raw work: the same file read with exceljs and its rows inserted with one INSERT … unnest
 * into a copy of the assets table.
 */
async function measureImport(
  servers: Servers,
  database: BenchDatabase,
  pgCpu: (() => number) | null,
  cookie: string,
  register: GenerateAssetsResult,
  rows: number,
  rounds: number,
): Promise<BenchLine[]> {
  const department = register.largestDepartment;
  const csrf = csrfOf(cookie);
  /** Seconds, and CPU seconds of the server process and of PostgreSQL, for each step. */
  interface Step {
    seconds: number;
    node: number;
    pg: number;
  }
  const runs: { upload: Step; commit: Step; total: number; bytes: number }[] = [];
  const raw: number[] = [];
  const step = async <T>(body: () => Promise<T>): Promise<{ value: T; step: Step }> => {
    await servers.stats();
    const pgBefore = pgCpu?.() ?? NaN;
    const started = performance.now();
    const value = await body();
    const seconds = (performance.now() - started) / 1000;
    return { value, step: { seconds, node: (await servers.stats()).cpu, pg: (pgCpu?.() ?? NaN) - pgBefore } };
  };
  for (let round = 0; round < rounds; round += 1) {
    const file = await buildImportWorkbook(rows, department, 1000 + round);
    const upload = await step(async () => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(file)], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), `目録_${department.code}_${round}.xlsx`);
      const response = await fetch(`${servers.bansho}/api/assets/imports`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrf }, body: form });
      const validation = (await response.json()) as { id?: string; status?: string; rowCount?: number; errorCount?: number; errors?: unknown[] };
      if (response.status >= 300 || validation.status !== 'validated' || !validation.id) throw new Error(`import upload: ${response.status} ${JSON.stringify(validation).slice(0, 1000)}`);
      return validation.id;
    });
    const commit = await step(async () => {
      const response = await fetch(`${servers.bansho}/api/assets/imports/${upload.value}/commit`, {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
        body: '{}',
      });
      const result = (await response.json()) as { status?: string; createdAssets?: number };
      if (response.status >= 300 || result.status !== 'committed' || result.createdAssets !== rows) throw new Error(`import commit: ${response.status} ${JSON.stringify(result).slice(0, 1000)}`);
    });
    runs.push({ upload: upload.step, commit: commit.step, total: upload.step.seconds + commit.step.seconds, bytes: file.length });
    raw.push(await rawImport(database.db, file, department.id));
  }
  const total = median(runs.map((r) => r.total));
  const baseline = median(raw);
  const stepText = (name: string, steps: Step[]) =>
    `${name} ${steps.map((s) => s.seconds.toFixed(2)).join(', ')} s (CPU: Node ${median(steps.map((s) => s.node)).toFixed(2)} s + PostgreSQL ${median(steps.map((s) => s.pg)).toFixed(2)} s)`;
  console.log(`  import of ${fmt(rows)} rows (.xlsx, ${fmt(runs[0]!.bytes / 1024)} KB) as the officer of ${department.name}, ${rounds} rounds:`);
  console.log(`    Bansho: ${stepText('upload+validate', runs.map((r) => r.upload))}; ${stepText('commit', runs.map((r) => r.commit))}; total ${runs.map((r) => r.total.toFixed(2)).join(', ')} s`);
  console.log(`    raw (exceljs read + one INSERT … unnest into a copy of assets, no journal): ${raw.map((r) => r.toFixed(2)).join(', ')} s`);
  return [
    {
      bench: 'assets',
      measure: `import ${fmt(rows)} rows (upload, validate, commit)`,
      value: `${total.toFixed(1)} s`,
      baseline: `${baseline.toFixed(1)} s`,
      ratio: (baseline / total).toFixed(2),
      target: `≤ ${TARGET_IMPORT_S} s`,
      pass: total <= TARGET_IMPORT_S,
    },
  ];
}

if (isMain(import.meta.url)) {
  await runAssets();
}
