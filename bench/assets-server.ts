// The servers under load for bench/assets.ts, in a process of their own so that the load generator does not
// share their event loop, and so that the export's memory is this process's alone: the real Bansho app
// (buildApp) and a bare Fastify + pg route running the inventory's query, each with its own pool of 10
// connections (Bansho's default) on the same database.
//
// Started by assets.ts with BENCH_DB_URL; answers over IPC:
//   → { type: 'ready', bansho: url, bare: url }
//   ← { type: 'stats' } → { type: 'stats', …ServerStats } (and resets them)
//   ← { type: 'memory-start' } … { type: 'memory-stop' } → { type: 'memory', …MemoryStats }
//   ← { type: 'stop' }
import path from 'node:path';
import { PassThrough } from 'node:stream';
import Fastify from 'fastify';
import { connectDatabase } from '../src/db/connect.js';
import type { AssetKind, AssetStatus } from '../src/features/assets/tables.js';
import { assetCountQuery, assetPageQuery, countCap } from '../src/features/assets/queries.js';
import { writeAssetsXlsx } from '../src/features/assets/transfer/export-assets-xlsx.js';
import { exportRowBatches } from '../src/features/assets/transfer/export-rows.js';
import type { ReadOnlyDb } from '../src/db/read-only.js';
import type { Actor, RoleGrant } from '../src/domain/actor.js';
import type { CanonicalRole } from '../src/policy/schema.js';
import { readPolicyPackage } from '../src/policy/loader.js';
import { buildApp } from '../src/server/app.js';
import { loadConfig, projectRoot } from '../src/config.js';
import { isMain, nodeCpu, summariseTimes, timeRequests, type ServerTimes } from './lib.js';

export interface ServerStats {
  bansho: ServerTimes;
  bare: ServerTimes;
  /** CPU seconds this process used since the previous stats (one server is loaded at a time). */
  cpu: number;
}

export interface MemoryStats {
  /** RSS when sampling started, MB. */
  startRss: number;
  /** Highest RSS seen while sampling (every 10 ms), MB. */
  peakRss: number;
  /** Highest V8 heap in use seen while sampling, MB. */
  peakHeap: number;
  samples: number;
}

/** The inventory's query parameters, as the bare route reads them (the same names as GET /api/assets). */
export interface BareAssetQuery {
  q?: string;
  departmentId?: string;
  classLevel?: string;
  kind?: string;
  status?: string;
  sort: 'name' | 'updated' | 'reviewDue' | 'class' | 'department' | 'kind' | 'status';
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
  /**
   * Who reads, since the bare route has no session: absent for a reader of every asset; otherwise the user, their
   * 課等, the roles they hold and the 課等 they manage (what Bansho's session gives the asset policy's readableWhere).
   */
  scope?: { userId: string; departmentId: string; roles: string[]; managed: string[] };
}

/**
 * The reader the bare route answers for, as Bansho's session would load them: absent a scope, a reader of every
 * asset (an auditor); otherwise the user with their roles, and the 課等 they manage as officer grants.
 */
function readerOf(query: BareAssetQuery): Actor {
  const s = query.scope;
  if (!s) return { id: '00000000-0000-4000-8000-000000000000', name: 'bench', login: 'bench', departmentId: '00000000-0000-4000-8000-000000000000', roles: [{ role: 'auditor', scopeType: 'global', scopeId: '' }] };
  const roles: RoleGrant[] = [
    ...s.roles.map((role): RoleGrant => ({ role: role as CanonicalRole, scopeType: 'global', scopeId: '' })),
    ...s.managed.map((id): RoleGrant => ({ role: 'security_officer', scopeType: 'department', scopeId: id })),
  ];
  return { id: s.userId, name: 'bench', login: 'bench', departmentId: s.departmentId, roles };
}

/**
 * The SQL that Bansho's listAssets sends, compiled by Bansho's own query builders (queries.ts: assetPageQuery,
 * assetCountQuery) for the bare route to send over plain pg: the same statements, without the app around them.
 */
export function bareAssetQueries(db: ReadOnlyDb, query: BareAssetQuery): { page: { text: string; values: readonly unknown[] }; count: { text: string; values: readonly unknown[] } } {
  const actor = readerOf(query);
  const filter = { q: query.q, departmentId: query.departmentId, classLevel: query.classLevel, kind: query.kind as AssetKind | undefined, status: query.status as AssetStatus | undefined };
  const page = assetPageQuery(db, actor, { ...filter, sort: query.sort, order: query.order, page: query.page, pageSize: query.pageSize }).compile();
  const count = assetCountQuery(db, actor, filter).compile();
  return { page: { text: page.sql, values: page.parameters }, count: { text: count.sql, values: count.parameters } };
}

/** Reads the bare route's query string (the scope as `userId`, `userDepartmentId`, `roles`, `managed`). */
function parseBareQuery(raw: Record<string, string | undefined>): BareAssetQuery {
  const list = (value: string | undefined) => (value ? value.split(',').filter(Boolean) : []);
  return {
    q: raw.q,
    departmentId: raw.departmentId,
    classLevel: raw.classLevel,
    kind: raw.kind,
    status: raw.status,
    sort: (raw.sort ?? 'name') as BareAssetQuery['sort'],
    order: raw.order === 'desc' ? 'desc' : 'asc',
    page: Math.max(1, Number(raw.page ?? 1)),
    pageSize: Math.min(200, Math.max(1, Number(raw.pageSize ?? 50))),
    ...(raw.userId ? { scope: { userId: raw.userId, departmentId: raw.userDepartmentId ?? '', roles: list(raw.roles), managed: list(raw.managed) } } : {}),
  };
}

interface AssetRow {
  id: string;
  label_code: string;
  name: string;
  kind: string;
  department_id: string;
  department_name: string;
  class_level: string;
  location: string;
  status: string;
  review_due: string | null;
  updated_at: Date;
}

const times = { bansho: [] as number[], bare: [] as number[] };

async function main() {
  const url = process.env.BENCH_DB_URL;
  if (!url) throw new Error('BENCH_DB_URL is not set');
  const policy = readPolicyPackage(path.join(projectRoot, 'policies', 'shinjuku')).policy;

  const banshoDb = connectDatabase(url);
  const config = loadConfig({});
  const bansho = await buildApp({ db: banshoDb.db, policy: () => policy, config }, { webDir: '/nonexistent' });
  // Server-side time: from the request's arrival to the response's last byte, at the HTTP server (buildApp
  // returns a ready app, which takes no more hooks).
  timeRequests(bansho.server, times.bansho);

  // The bare route: Fastify and pg, nothing else — no session, no validation library, no plugins. It answers
  // what GET /api/assets answers, computed the same way (the level's `restricted` read from the same policy).
  const restrictedLevels = new Map((policy.classification?.levels ?? []).map((level) => [level.id, level.controls.restricted ?? false]));
  const bareDb = connectDatabase(url);
  const bare = Fastify({ logger: false });
  bare.get<{ Querystring: Record<string, string | undefined> }>('/assets', async (request) => {
    const query = parseBareQuery(request.query);
    const { page, count } = bareAssetQueries(bareDb.db, query);
    const [rows, total] = await Promise.all([bareDb.pool.query<AssetRow>(page.text, [...page.values]), bareDb.pool.query<{ n: string }>(count.text, [...count.values])]);
    const managed = query.scope?.managed ?? [];
    return {
      items: rows.rows.map((r) => ({
        id: r.id,
        labelCode: r.label_code,
        name: r.name,
        kind: r.kind,
        departmentId: r.department_id,
        departmentName: r.department_name,
        classLevel: r.class_level,
        restricted: restrictedLevels.get(r.class_level) ?? true,
        location: r.location,
        status: r.status,
        reviewDue: r.review_due,
        updatedAt: r.updated_at.toISOString(),
        manageable: managed.includes(r.department_id),
      })),
      total: Math.min(Number(total.rows[0]!.n), countCap),
      totalCapped: Number(total.rows[0]!.n) > countCap,
      page: query.page,
      pageSize: query.pageSize,
      allowedActions: managed.length > 0 ? ['create', 'import'] : [],
    };
  });
  // The bare export: Bansho's own row batches (export-rows.ts) and xlsx writer (export-assets-xlsx.ts) for a reader
  // of every asset, straight from a Fastify route. What it leaves out is Bansho's app: session, validation, the
  // snapshot, the count and the journal entry before the first byte.
  bare.get('/assets-export.xlsx', async (_request, reply) => {
    const body = new PassThrough();
    const reader = readerOf({ sort: 'name', order: 'asc', page: 1, pageSize: 1 });
    writeAssetsXlsx(body, policy, '情報資産目録', exportRowBatches(bareDb.db, reader, { sort: 'name', order: 'asc' })).catch((error: unknown) => body.destroy(error as Error));
    return reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(body);
  });
  timeRequests(bare.server, times.bare);

  // The export's memory: RSS sampled every 10 ms between memory-start and memory-stop. A streamed export
  // yields to the event loop between chunks, so the samples keep coming while it runs.
  let memory: { timer: NodeJS.Timeout; stats: MemoryStats } | null = null;
  const sample = () => {
    if (!memory) return;
    const m = process.memoryUsage();
    memory.stats.peakRss = Math.max(memory.stats.peakRss, m.rss / 2 ** 20);
    memory.stats.peakHeap = Math.max(memory.stats.peakHeap, m.heapUsed / 2 ** 20);
    memory.stats.samples += 1;
  };

  const banshoUrl = await bansho.listen({ port: 0, host: '127.0.0.1' });
  const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });
  process.on('message', (message: { type: string }) => {
    if (message.type === 'stats') {
      const cpu = nodeCpu();
      process.send?.({ type: 'stats', bansho: summariseTimes(times.bansho), bare: summariseTimes(times.bare), cpu: cpu - cpuMark } satisfies ServerStats & { type: string });
      cpuMark = cpu;
      times.bansho.length = 0;
      times.bare.length = 0;
    } else if (message.type === 'memory-start') {
      const rss = process.memoryUsage().rss / 2 ** 20;
      memory = { timer: setInterval(sample, 10), stats: { startRss: rss, peakRss: rss, peakHeap: 0, samples: 0 } };
      sample();
      process.send?.({ type: 'memory-started' });
    } else if (message.type === 'memory-stop') {
      sample();
      const stats = memory?.stats;
      if (memory) clearInterval(memory.timer);
      memory = null;
      process.send?.({ type: 'memory', ...stats });
    } else if (message.type === 'stop') {
      void Promise.all([bansho.close(), bare.close()])
        .then(() => Promise.all([banshoDb.close(), bareDb.close()]))
        .then(() => process.exit(0));
    }
  });
  let cpuMark = nodeCpu();
  process.send?.({ type: 'ready', bansho: banshoUrl, bare: bareUrl });
}

// assets.ts imports this module for bareAssetQueries: only the forked process serves.
if (isMain(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
