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
import { once } from 'node:events';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import Fastify from 'fastify';
import { connectDatabase } from '../src/db/connect.js';
import type { AssetKind, AssetStatus } from '../src/features/assets/tables.js';
import { assetColumns, assetKindTitles, assetStatusTitles, criteriaCell, levelTitle } from '../src/features/assets/transfer/import-columns.js';
import { countCap } from '../src/features/assets/queries.js';
import { likePattern } from '../src/db/text-matching.js';
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
   * 課等, the roles they hold and the 課等 they manage (what Bansho's assetReadScope derives from the session).
   */
  scope?: { userId: string; departmentId: string; roles: string[]; managed: string[] };
}

/**
 * The SQL that Bansho's listAssets sends (src/features/assets/queries.ts: visibleAssets, orderAssets): one
 * statement for the page and one for the total, run side by side on two connections.
 */
export function bareAssetQueries(query: BareAssetQuery): { page: { text: string; values: unknown[] }; count: { text: string; values: unknown[] } } {
  const values: unknown[] = [];
  const param = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  const where: string[] = [];
  if (query.scope) {
    const s = query.scope;
    // Placeholders numbered in the order Bansho's query builder numbers them: managed 課等 first.
    const managed = s.managed.length > 0 ? `"assets"."department_id" in (${s.managed.map(param).join(', ')})` : null;
    const reach =
      `((aa.subject_type = 'user' AND aa.subject_id = ${param(s.userId)})\n    OR (aa.subject_type = 'department' AND aa.subject_id = ${param(s.departmentId)})\n    ` +
      (s.roles.length > 0 ? `OR (aa.subject_type = 'role' AND aa.subject_id IN (${s.roles.map(param).join(', ')})))` : ')');
    const granted = `assets.id IN (SELECT aa.asset_id FROM asset_access aa WHERE ${reach})`;
    where.push(managed ? `(${managed} or ${granted})` : granted);
  }
  if (query.departmentId) where.push(`"assets"."department_id" = ${param(query.departmentId)}`);
  if (query.classLevel) where.push(`"assets"."class_level" = ${param(query.classLevel)}`);
  if (query.kind) where.push(`"assets"."kind" = ${param(query.kind)}`);
  if (query.status) where.push(`"assets"."status" = ${param(query.status)}`);
  if (query.q) {
    const term = query.q.normalize('NFKC').toLowerCase();
    if ([...term].length >= 2) where.push(`asset_search_grams(assets.search_text) @> asset_search_grams(${param(term)})`);
    where.push(`assets.search_text LIKE ${param(likePattern(term))}`);
  }
  const whereText = where.length > 0 ? ` where ${where.join(' and ')}` : '';
  const countValues = [...values, countCap + 1];
  const dir = query.order === 'desc' ? 'DESC' : 'ASC';
  const orderBy = {
    name: `assets.name ${dir}, assets.id ${dir}`,
    updated: `assets.updated_at ${dir}, assets.id ${dir}`,
    reviewDue: `assets.review_due ${dir} NULLS LAST, assets.id ${dir}`,
    class: `assets.class_level ${dir}, assets.name ${dir}, assets.id ${dir}`,
    department: `(SELECT d.code FROM departments d WHERE d.id = assets.department_id) ${dir}, assets.name ${dir}, assets.id ${dir}`,
    kind: `assets.kind ${dir}, assets.name ${dir}, assets.id ${dir}`,
    status: `assets.status ${dir}, assets.name ${dir}, assets.id ${dir}`,
  }[query.sort];
  const limit = param(query.pageSize);
  const offset = param((query.page - 1) * query.pageSize);
  const page =
    'select "assets"."id", "assets"."label_code", "assets"."name", "assets"."kind", "assets"."department_id", "departments"."name" as "department_name", ' +
    '"assets"."class_level", "assets"."location", "assets"."status", "assets"."review_due", "assets"."updated_at" from "assets" ' +
    `inner join "departments" on "departments"."id" = "assets"."department_id"${whereText} order by ${orderBy} limit ${limit} offset ${offset}`;
  return { page: { text: page, values }, count: { text: `select count(*) as "n" from (select 1 as "one" from "assets"${whereText} limit $${countValues.length}) as "matches"`, values: countValues } };
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

interface ExportRow {
  id: string;
  label_code: string;
  name: string;
  description: string;
  kind: AssetKind;
  department_code: string;
  department_name: string;
  class_level: string;
  class_criteria: string[];
  class_justification: string;
  confidentiality_note: string;
  integrity_note: string;
  availability_note: string;
  location: string;
  medium_code: string | null;
  retention_until: string | null;
  review_due: string | null;
  status: AssetStatus;
  updated_at: Date;
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
    const { page, count } = bareAssetQueries(query);
    const [rows, total] = await Promise.all([bareDb.pool.query<AssetRow>(page), bareDb.pool.query<{ n: string }>(count)]);
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
  // The bare export: the rows of the whole register in name order, read in keyset batches of 2,000 (the query
  // Bansho's exportRowBatches sends for a reader of every asset) and written with exceljs's streaming writer in the
  // same columns, cell formats and writer options. What it leaves out is Bansho: session, validation, the count
  // and journal entry before the first byte.
  const exportBatch = 2_000;
  const exportSql = (after: boolean) =>
    'select "assets"."id", "assets"."label_code", "assets"."name", "assets"."description", "assets"."kind", "assets"."department_id", ' +
    '"departments"."code" as "department_code", "departments"."name" as "department_name", "assets"."class_level", "assets"."class_criteria", ' +
    '"assets"."class_justification", "assets"."confidentiality_note", "assets"."integrity_note", "assets"."availability_note", "assets"."location", ' +
    '"media"."code" as "medium_code", "assets"."retention_until", "assets"."review_due", "assets"."status", "assets"."updated_at", assets.updated_at::text as "updated_key" ' +
    'from "assets" inner join "departments" on "departments"."id" = "assets"."department_id" left join "media" on "media"."id" = "assets"."medium_id" ' +
    (after ? 'where (assets.name, assets.id) > ($1, $2::uuid) order by assets.name ASC, assets.id ASC limit $3' : 'order by assets.name ASC, assets.id ASC limit $1');
  const tokyo = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
  const excelDay = (day: string) => new Date(`${day}T00:00:00Z`);
  bare.get('/assets-export.xlsx', async (_request, reply) => {
    const body = new PassThrough();
    const write = async () => {
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: body, useStyles: true, useSharedStrings: false, zip: { zlib: { level: 1 } } });
      const sheet = workbook.addWorksheet('情報資産目録', { views: [{ state: 'frozen', ySplit: 1 }] });
      sheet.columns = assetColumns.map((c) => ({ header: c.header, key: c.field, width: c.width, ...(c.field === 'retentionUntil' || c.field === 'reviewDue' ? { style: { numFmt: 'yyyy-mm-dd' } } : {}) }));
      let last: ExportRow | undefined;
      for (;;) {
        const { rows } = await bareDb.pool.query<ExportRow>(last ? exportSql(true) : exportSql(false), last ? [last.name, last.id, exportBatch] : [exportBatch]);
        for (const r of rows) {
          sheet
            .addRow({
              labelCode: r.label_code,
              name: r.name,
              kind: assetKindTitles[r.kind].ja,
              departmentCode: r.department_code,
              department: r.department_name,
              classLevel: levelTitle(policy, r.class_level).ja,
              classCriteria: criteriaCell(policy, r.class_level, r.class_criteria),
              classJustification: r.class_justification,
              description: r.description,
              confidentialityNote: r.confidentiality_note,
              integrityNote: r.integrity_note,
              availabilityNote: r.availability_note,
              location: r.location,
              mediumCode: r.medium_code ?? '',
              retentionUntil: r.retention_until ? excelDay(r.retention_until) : '',
              reviewDue: r.review_due ? excelDay(r.review_due) : '',
              status: assetStatusTitles[r.status].ja,
              updatedAt: tokyo.format(r.updated_at),
            })
            .commit();
        }
        if (body.writableNeedDrain) await once(body, 'drain');
        if (rows.length < exportBatch) break;
        last = rows[rows.length - 1];
      }
      sheet.commit();
      await workbook.commit();
    };
    write().catch((error: unknown) => body.destroy(error as Error));
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
