// The servers under load for bench/read-api.ts, in a process of their own so that the load generator does not
// share their event loop: the real Bansho app (buildApp) and a bare Fastify + pg route running the same
// query, each with its own pool of 10 connections (Bansho's default) on the same database.
//
// Started by read-api.ts with BENCH_DB_URL; answers over IPC:
//   → { type: 'ready', bansho: url, bare: url }
//   ← { type: 'stats' } → { type: 'stats', …ServerStats } (and resets them)
//   ← { type: 'stop' }
import path from 'node:path';
import Fastify from 'fastify';
import { connectDatabase } from '../src/db/connect.js';
import { readPolicyPackage } from '../src/policy/loader.js';
import { findSessionActor } from '../src/features/auth/session-actor.js';
import { buildApp } from '../src/server/app.js';
import { loadConfig, projectRoot } from '../src/config.js';
import { nodeCpu, summariseTimes, timeRequests, type ServerTimes } from './lib.js';
import type { ReadOnlyDb } from '../src/db/read-only.js';
import type { Actor } from '../src/domain/actor.js';
import { journalPageStatement } from '../src/features/journal/queries.js';

export interface ServerStats {
  bansho: ServerTimes;
  bare: ServerTimes;
  /** CPU seconds this process used since the previous stats (one server is loaded at a time). */
  cpu: number;
}

/**
 * The statement Bansho's listJournal sends (journal/queries.ts `journalPageStatement`, compiled by Bansho's own
 * code): for a reader of the whole journal, with an optional actorId filter; for a member of staff (ownId), the
 * merge of their own acts and the entries about them.
 */
export function bareJournalQuery(db: ReadOnlyDb, query: { limit: number; actorId?: string; ownId?: string }): { text: string; values: unknown[] } {
  const reader: Actor = query.ownId
    ? { id: query.ownId, name: 'bench', login: 'bench', departmentId: query.ownId, roles: [{ role: 'staff', scopeType: 'global', scopeId: '' }] }
    : { id: '00000000-0000-4000-8000-000000000000', name: 'bench', login: 'bench', departmentId: '00000000-0000-4000-8000-000000000000', roles: [{ role: 'auditor', scopeType: 'global', scopeId: '' }] };
  const compiled = journalPageStatement(db, reader, { limit: query.limit, ...(query.actorId ? { actorId: query.actorId } : {}) });
  return { text: compiled.sql, values: [...compiled.parameters] };
}

type JournalRow = Record<string, unknown> & { seq: string; at: Date };

/** The response listJournal gives, from rows fetched one beyond the page. */
function page(rows: JournalRow[], limit: number) {
  const items = rows.slice(0, limit);
  return {
    items: items.map((r) => ({
      seq: Number(r.seq),
      at: r.at.toISOString(),
      actorId: r.actor_id,
      actorName: r.actor_name,
      type: r.type,
      entityType: r.entity_type,
      entityId: r.entity_id,
      data: r.data,
      hash: r.hash,
    })),
    nextBefore: rows.length > limit ? Number(items[items.length - 1]?.seq) : null,
  };
}

const times = { bansho: [] as number[], bare: [] as number[] };

async function main() {
  const url = process.env.BENCH_DB_URL;
  if (!url) throw new Error('BENCH_DB_URL is not set');
  const policy = readPolicyPackage(path.join(projectRoot, 'policies', 'shinjuku')).policy;

  const banshoDb = connectDatabase(url);
  const config = loadConfig({});
  const bansho = await buildApp({ db: banshoDb.db, policy: () => policy, config }, { webDir: '/nonexistent' });
  // Server-side time: from the request's arrival to the response's last byte (buildApp returns a ready app,
  // which takes no more hooks, so both servers are timed at the HTTP server).
  timeRequests(bansho.server, times.bansho);

  // The bare route: Fastify and pg, nothing else — no session, no validation library, no plugins.
  const bareDb = connectDatabase(url);
  const bare = Fastify({ logger: false });
  bare.get<{ Querystring: { limit?: string; actorId?: string; ownId?: string } }>('/journal', async (request) => {
    const limit = Math.min(200, Math.max(1, Number(request.query.limit ?? 50)));
    const { rows } = await bareDb.pool.query<JournalRow>(bareJournalQuery(bareDb.db, { limit, actorId: request.query.actorId, ownId: request.query.ownId }));
    return page(rows, limit);
  });
  // For the decomposition: the bare route plus Bansho's own session lookup (src findSessionActor), which every
  // authenticated request pays for. The cookie is read by hand: no plugin.
  bare.get<{ Querystring: { limit?: string } }>('/journal-with-session', async (request, reply) => {
    const sessionId = /(?:^|;\s*)bansho_session=([^;]+)/.exec(request.headers.cookie ?? '')?.[1];
    const state = sessionId ? await findSessionActor(bareDb.db, sessionId, new Date(), config.session) : null;
    if (!state) return reply.code(401).send({ error: 'not signed in' });
    const limit = Math.min(200, Math.max(1, Number(request.query.limit ?? 50)));
    const { rows } = await bareDb.pool.query<JournalRow>(bareJournalQuery(bareDb.db, { limit }));
    return page(rows, limit);
  });
  timeRequests(bare.server, times.bare);

  const banshoUrl = await bansho.listen({ port: 0, host: '127.0.0.1' });
  const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });
  process.on('message', (message: { type: string }) => {
    if (message.type === 'stats') {
      const cpu = nodeCpu();
      process.send?.({ type: 'stats', bansho: summariseTimes(times.bansho), bare: summariseTimes(times.bare), cpu: cpu - cpuMark } satisfies ServerStats & { type: string });
      cpuMark = cpu;
      times.bansho.length = 0;
      times.bare.length = 0;
    } else if (message.type === 'stop') {
      void Promise.all([bansho.close(), bare.close()])
        .then(() => Promise.all([banshoDb.close(), bareDb.close()]))
        .then(() => process.exit(0));
    }
  });
  let cpuMark = nodeCpu();
  process.send?.({ type: 'ready', bansho: banshoUrl, bare: bareUrl });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
