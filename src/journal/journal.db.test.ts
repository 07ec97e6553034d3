import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.js';
import { contextFor, makeDepartment } from '../../test/helpers/factories.js';
import { shinjukuPolicy } from '../../test/helpers/app.js';
import { recordAct } from './append.js';
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
