import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.js';
import { contextFor, makeDepartment, makeUser } from '../../test/helpers/factories.js';
import { shinjukuPolicy } from '../../test/helpers/app.js';
import { createSession, hashSessionId } from '../features/auth/sessions.js';
import { fixture } from '../../test/helpers/fixtures.js';
import { recordAct } from './append.js';

/**
 * The journal guard (migration 005): the database itself refuses to commit a change to a journaled table that
 * came without a journal entry, whoever wrote it. These tests write past the application, as a bug would.
 */
let database: TestDatabase;
let departmentId: string;
let userId: string;
beforeAll(async () => {
  database = await createTestDatabase();
  departmentId = (await makeDepartment(database.db)).id;
  userId = (await makeUser(database.db, { departmentId })).id;
});
afterAll(async () => database.drop());

const policy = shinjukuPolicy();
const nameOf = async () => (await database.db.selectFrom('users').select('name').where('id', '=', userId).executeTakeFirstOrThrow()).name;
const journalLength = async () => Number((await database.db.selectFrom('journal').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

/** An act that journals one entry about the user and changes the name inside it. */
const rename = (name: string) =>
  recordAct(contextFor(database.db, policy, null), async (tx) => {
    await tx.updateTable('users').set({ name }).where('id', '=', userId).execute();
    return { value: undefined, events: [{ type: 'user.updated', entityType: 'user', entityId: userId, data: { changes: { name: { from: null, to: name } } } }] };
  });

describe('journal guard', () => {
  it('refuses the commit of a change written without a journal entry, and nothing changes', async () => {
    const before = await nameOf();
    const entries = await journalLength();
    await expect(database.db.transaction().execute((tx) => tx.updateTable('users').set({ name: '書き換え' }).where('id', '=', userId).execute())).rejects.toThrow(
      /users was not journaled/,
    );
    // A single statement outside any transaction commits by itself: refused the same.
    await expect(database.db.deleteFrom('role_assignments').where('user_id', '=', userId).execute()).rejects.toThrow(/role_assignments was not journaled/);
    expect(await nameOf()).toBe(before);
    expect(await database.db.selectFrom('role_assignments').select('id').where('user_id', '=', userId).execute()).toHaveLength(1);
    expect(await journalLength()).toBe(entries);
  });

  it('lets a change commit with its journal entry (recordAct)', async () => {
    await rename('新しい名前');
    expect(await nameOf()).toBe('新しい名前');
  });

  it('is not fooled by an entry that another transaction appended meanwhile', async () => {
    const before = await nameOf();
    await expect(
      database.db.transaction().execute(async (tx) => {
        await tx.updateTable('users').set({ name: '便乗' }).where('id', '=', userId).execute();
        // Another act journals and commits while this one is still open: the newest entry is not this one's.
        await recordAct(contextFor(database.db, policy, null), async (other) => {
          const d = await makeDepartment(other);
          return { value: undefined, events: [{ type: 'department.created', entityType: 'department', entityId: d.id, data: { code: d.code, name: d.name, parentId: null, level: 'ka' } }] };
        });
      }),
    ).rejects.toThrow(/users was not journaled/);
    expect(await nameOf()).toBe(before);
  });

  it("lets a session's last_seen_at move without an entry, and nothing else of it", async () => {
    const session = await fixture(database.db, (tx) =>
      createSession(tx, { userId, mfaPending: false, now: new Date(), request: { ip: null, userAgent: null }, settings: { idleMinutes: 30, absoluteHours: 8 } }),
    );
    const idHash = hashSessionId(session.id);
    await database.db.updateTable('sessions').set({ last_seen_at: new Date() }).where('id_hash', '=', idHash).execute();
    await expect(database.db.updateTable('sessions').set({ expires_at: new Date(Date.now() + 60_000) }).where('id_hash', '=', idHash).execute()).rejects.toThrow(
      /sessions was not journaled/,
    );
  });

  it('guards every table of the schema but the journal itself and the migrations', async () => {
    const { rows } = await sql<{ table_name: string; guarded: boolean }>`
      SELECT t.table_name, EXISTS (
        SELECT 1 FROM pg_trigger tg JOIN pg_class c ON c.oid = tg.tgrelid
        WHERE c.relname = t.table_name AND tg.tgname = 'journal_guard' AND tg.tgconstraint <> 0 AND tg.tgdeferrable AND tg.tginitdeferred
      ) AS guarded
      FROM information_schema.tables t
      WHERE t.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
      ORDER BY t.table_name`.execute(database.db);
    const unguarded = rows.filter((r) => !r.guarded).map((r) => r.table_name);
    expect(unguarded).toEqual(['journal', 'kysely_migration', 'kysely_migration_lock']);
    expect(rows.length).toBeGreaterThan(10);
  });
});
