import { sql, type KyselyPlugin } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.js';
import { connectDatabase } from '../db/connect.js';
import { contextFor, makeDepartment } from '../../test/helpers/factories.js';
import { shinjukuPolicy } from '../../test/helpers/app.js';
import { anyString } from '../../test/helpers/matchers.js';
import { recordAct, type Events } from './append.js';
import type { JournalEvent } from './events.js';
import { verifyJournal } from './verify.js';
import { GENESIS_HASH } from './hash.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.drop());

const policy = shinjukuPolicy();

async function appendDepartmentEvents(count: number) {
  const ctx = contextFor(database.db, policy, null);
  for (let i = 0; i < count; i += 1) {
    await recordAct(ctx, async (tx) => {
      const d = await makeDepartment(tx);
      return { value: d.id, events: [{ type: 'department.created', entityType: 'department', entityId: d.id, data: { code: d.code, name: d.name, parentId: null, level: 'ka' } }] };
    });
  }
}

/** Runs SQL with the append-only triggers switched off, as an intruder with superuser rights could. */
async function tamper(statement: ReturnType<typeof sql>) {
  await database.db.connection().execute(async (conn) => {
    await sql`SET session_replication_role = replica`.execute(conn);
    await statement.execute(conn);
    await sql`SET session_replication_role = DEFAULT`.execute(conn);
  });
}

describe('journal', () => {
  it('chains entries from the genesis hash, and verify accepts the chain', async () => {
    await appendDepartmentEvents(5);
    const rows = await database.db.selectFrom('journal').selectAll().orderBy('seq').execute();
    expect(rows.map((r) => Number(r.seq))).toEqual([1, 2, 3, 4, 5]);
    expect(rows[0]?.prev_hash).toBe(GENESIS_HASH);
    for (let i = 1; i < rows.length; i += 1) expect(rows[i]?.prev_hash).toBe(rows[i - 1]?.hash);
    const result = await verifyJournal(database.db);
    expect(result).toMatchObject({ ok: true, entries: 5, headHash: rows[4]?.hash });
  });

  it('rolls back the change when the journal event is invalid, and the change with it', async () => {
    const ctx = contextFor(database.db, policy, null);
    const before = await database.db.selectFrom('departments').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    await expect(
      recordAct(ctx, async (tx) => {
        await makeDepartment(tx);
        // A malformed event (missing data fields) must refuse the whole act.
        return { value: null, events: [{ type: 'department.created', entityType: 'department', entityId: 'x', data: {} } as never] };
      }),
    ).rejects.toThrow();
    const after = await database.db.selectFrom('departments').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('refuses UPDATE, DELETE and TRUNCATE on the journal', async () => {
    await expect(sql`UPDATE journal SET actor_name = 'x' WHERE seq = 1`.execute(database.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM journal WHERE seq = 1`.execute(database.db)).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE journal`.execute(database.db)).rejects.toThrow(/append-only/);
    expect((await verifyJournal(database.db)).ok).toBe(true);
  });

  it('detects an edited entry and names it', async () => {
    await tamper(sql`UPDATE journal SET data = jsonb_set(data, '{name}', '"改ざん"') WHERE seq = 3`);
    const result = await verifyJournal(database.db);
    expect(result.ok).toBe(false);
    expect(result.firstBroken).toEqual({ seq: '3', reason: 'content does not match its hash' });
    expect(result.entries).toBe(2);
  });

  it('hashes the records an entry names: changing them is detected', async () => {
    const fresh = await createTestDatabase();
    try {
      const ctx = contextFor(fresh.db, policy, null);
      const asset = '00000000-0000-4000-8000-000000000001';
      await recordAct(ctx, async (tx) => {
        const d = await makeDepartment(tx);
        return { value: d.id, events: [{ type: 'department.created', entityType: 'department', entityId: d.id, data: { code: d.code, name: d.name, parentId: null, level: 'ka' }, related: [{ entityType: 'asset', entityId: asset }] }] };
      });
      expect(await verifyJournal(fresh.db)).toMatchObject({ ok: true, entries: 1 });
      await fresh.db.connection().execute(async (conn) => {
        await sql`SET session_replication_role = replica`.execute(conn);
        await sql`UPDATE journal SET related = '[{"entityType":"asset","entityId":"00000000-0000-4000-8000-000000000002"}]' WHERE seq = 1`.execute(conn);
      });
      expect(await verifyJournal(fresh.db)).toMatchObject({ ok: false, firstBroken: { seq: '1', reason: 'content does not match its hash' } });
    } finally {
      await fresh.drop();
    }
  });

  it('detects a deleted entry', async () => {
    const fresh = await createTestDatabase();
    try {
      const ctx = contextFor(fresh.db, policy, null);
      for (let i = 0; i < 3; i += 1) {
        await recordAct(ctx, async (tx) => {
          const d = await makeDepartment(tx);
          return { value: d.id, events: [{ type: 'department.created', entityType: 'department', entityId: d.id, data: { code: d.code, name: d.name, parentId: null, level: 'ka' } }] };
        });
      }
      await fresh.db.connection().execute(async (conn) => {
        await sql`SET session_replication_role = replica`.execute(conn);
        await sql`DELETE FROM journal WHERE seq = 2`.execute(conn);
      });
      const result = await verifyJournal(fresh.db);
      expect(result).toMatchObject({ ok: false, firstBroken: { seq: '2', reason: 'missing entry' } });
    } finally {
      await fresh.drop();
    }
  });
});

/** `count` valid events whose text needs escaping everywhere (quotes, backslashes, braces, commas, non-ASCII). */
function departmentEvents(count: number, label = 'x'): Events {
  const events: JournalEvent[] = Array.from({ length: count }, (_, i) => ({
    type: 'department.created',
    entityType: 'department',
    entityId: `dep-${label}-${i}`,
    data: { code: `c-${i}`, name: `第${i}課 "引用" \\ {a,b} NULL 😀`, parentId: i % 3 === 0 ? null : `p,${i}`, level: 'ka' },
  }));
  return events as Events;
}

describe('journal appends', () => {
  it('records one act of 10,000 events in one go (more than 65,535 bind parameters would allow row by row), and verify accepts it', async () => {
    const fresh = await createTestDatabase();
    try {
      await appendEventsOf(fresh, 3);
      const ctx = contextFor(fresh.db, policy, null);
      await recordAct(ctx, async () => ({ value: null, events: departmentEvents(10_000, 'big') }));
      const rows = await fresh.db.selectFrom('journal').select(['seq', 'entity_id', 'data', 'at', 'prev_hash', 'hash']).orderBy('seq').execute();
      expect(rows).toHaveLength(10_003);
      expect(rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: 10_003 }, (_, i) => i + 1));
      // In the order the act gave them, with their data intact and one time for the whole act.
      expect(rows[3]).toMatchObject({ entity_id: 'dep-big-0', data: { code: 'c-0', name: '第0課 "引用" \\ {a,b} NULL 😀', parentId: null, level: 'ka' } });
      expect(rows[10_001]).toMatchObject({ entity_id: 'dep-big-9998', data: { code: 'c-9998', parentId: 'p,9998' } });
      expect(rows[10_002]).toMatchObject({ entity_id: 'dep-big-9999' });
      expect(new Set(rows.slice(3).map((r) => r.at.getTime()))).toEqual(new Set([ctx.now.getTime()]));
      for (let i = 1; i < rows.length; i += 1) expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.hash);
      expect(await verifyJournal(fresh.db)).toMatchObject({ ok: true, entries: 10_003, headHash: rows[10_002]!.hash, firstBroken: null });
      // And the chain goes on after it.
      await appendEventsOf(fresh, 1);
      expect(await verifyJournal(fresh.db)).toMatchObject({ ok: true, entries: 10_004 });
    } finally {
      await fresh.drop();
    }
  });

  it('validates an act before waiting for the journal lock: a bad act fails at once while another holds the lock', async () => {
    const fresh = await createTestDatabase();
    const holder = new pg.Client({ connectionString: fresh.url });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT pg_advisory_xact_lock($1)', [0x62616e73686f]);
      const ctx = contextFor(fresh.db, policy, null);
      const bad = recordAct(ctx, async () => ({ value: null, events: [{ type: 'department.created', entityType: 'department', entityId: 'x', data: {} } as never] }));
      const outcome = await Promise.race([bad.then(() => 'committed', () => 'refused'), new Promise((resolve) => setTimeout(() => resolve('waiting for the lock'), 3000))]);
      expect(outcome).toBe('refused');
      // A valid act does wait for the lock, and chains once it is released.
      let committed = false;
      const good = recordAct(ctx, async () => ({ value: null, events: departmentEvents(2, 'after') })).then(() => (committed = true));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(committed).toBe(false);
      await holder.query('COMMIT');
      await good;
      expect(await verifyJournal(fresh.db)).toMatchObject({ ok: true, entries: 2 });
    } finally {
      await holder.end();
      await fresh.drop();
    }
  });

  it('runs the lock, the head and the INSERT as statements prepared once per connection, not parsed and planned under the lock each time', async () => {
    const fresh = await createTestDatabase();
    const single = connectDatabase(fresh.url, { max: 1 });
    try {
      const ctx = contextFor(single.db, policy, null);
      for (let i = 0; i < 3; i += 1) await recordAct(ctx, async () => ({ value: null, events: departmentEvents(1 + i, `p${i}`) }));
      const statements = await sql<{ name: string; runs: number }>`
        SELECT name, (generic_plans + custom_plans)::int AS runs FROM pg_prepared_statements WHERE name LIKE 'bansho_journal_%' ORDER BY name`.execute(single.db);
      expect(statements.rows).toEqual([
        { name: 'bansho_journal_append', runs: 3 },
        { name: 'bansho_journal_head', runs: 3 },
        { name: 'bansho_journal_lock', runs: 3 },
      ]);
      expect(await verifyJournal(single.db)).toMatchObject({ ok: true, entries: 6 });
    } finally {
      await single.close();
      await fresh.drop();
    }
  });

  it('keeps one unbroken chain when acts of many sizes append at once', async () => {
    const fresh = await createTestDatabase();
    try {
      const ctx = contextFor(fresh.db, policy, null);
      const sizes = [1, 7, 1, 250, 3, 1, 40, 1, 1, 120, 2, 1, 9, 1, 60, 1];
      await Promise.all(sizes.map((size, i) => recordAct(ctx, async () => ({ value: null, events: departmentEvents(size, `c${i}`) }))));
      const total = sizes.reduce((a, b) => a + b, 0);
      expect(await verifyJournal(fresh.db)).toMatchObject({ ok: true, entries: total });
      // Each act's events stay together, in their order.
      const rows = await fresh.db.selectFrom('journal').select(['entity_id']).orderBy('seq').execute();
      for (const [i, size] of sizes.entries()) {
        const first = rows.findIndex((r) => r.entity_id === `dep-c${i}-0`);
        expect(rows.slice(first, first + size).map((r) => r.entity_id)).toEqual(Array.from({ length: size }, (_, k) => `dep-c${i}-${k}`));
      }
    } finally {
      await fresh.drop();
    }
  });
});

describe('journal verify over several batches', () => {
  let big: TestDatabase;
  beforeAll(async () => {
    big = await createTestDatabase();
    const ctx = contextFor(big.db, policy, null);
    await recordAct(ctx, async () => ({ value: null, events: departmentEvents(12_000, 'v') }));
  });
  afterAll(async () => big.drop());

  it('asks for the next batch before hashing the current one', async () => {
    const order: string[] = [];
    const plugin: KyselyPlugin = {
      transformQuery: (args) => {
        order.push('fetch');
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const result = await verifyJournal(big.db.withPlugin(plugin), (entries) => order.push(`hashed ${entries}`));
    expect(result).toMatchObject({ ok: true, entries: 12_000 });
    expect(order).toEqual(['fetch', 'fetch', 'hashed 5000', 'fetch', 'hashed 10000', 'hashed 12000']);
  });

  it('names the first broken entry in a later batch, and at a batch boundary', async () => {
    await tamperIn(big, sql`UPDATE journal SET data = jsonb_set(data, '{name}', '"改ざん"') WHERE seq = 7500`);
    expect(await verifyJournal(big.db)).toEqual({ ok: false, entries: 7499, headHash: anyString(), firstBroken: { seq: '7500', reason: 'content does not match its hash' } });
    await tamperIn(big, sql`DELETE FROM journal WHERE seq = 5001`);
    const result = await verifyJournal(big.db);
    expect(result).toEqual({ ok: false, entries: 5000, headHash: anyString(), firstBroken: { seq: '5001', reason: 'missing entry' } });
    const entry5000 = await big.db.selectFrom('journal').select('hash').where('seq', '=', '5000').executeTakeFirstOrThrow();
    expect(result.headHash).toBe(entry5000.hash);
  });
});

async function appendEventsOf(target: TestDatabase, count: number) {
  const ctx = contextFor(target.db, policy, null);
  for (let i = 0; i < count; i += 1) await recordAct(ctx, async () => ({ value: null, events: departmentEvents(1, `one-${i}-${Math.random()}`) }));
}

async function tamperIn(target: TestDatabase, statement: ReturnType<typeof sql>) {
  await target.db.connection().execute(async (conn) => {
    await sql`SET session_replication_role = replica`.execute(conn);
    await statement.execute(conn);
    await sql`SET session_replication_role = DEFAULT`.execute(conn);
  });
}
