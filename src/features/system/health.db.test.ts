import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { makeDepartment } from '../../../test/helpers/factories.js';
import { signedInAdmin } from '../../../test/helpers/signed-in.js';
import { anyNumber } from '../../../test/helpers/matchers.js';
import { verifyJournal } from '../../journal/verify.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

interface Health {
  status: string;
  database: { ok: boolean; latencyMs: number };
  journal: { entries: number; headHash: string | null; lastEntryAt: string | null };
}
const health = async () => {
  const response = await t.app.inject({ method: 'GET', url: '/api/health' });
  expect(response.statusCode).toBe(200);
  return response.json<Health>();
};

describe('GET /api/health', () => {
  it('reports an empty journal on a fresh database, without signing in', async () => {
    expect(await health()).toEqual({ status: 'ok', database: { ok: true, latencyMs: anyNumber() }, journal: { entries: 0, headHash: null, lastEntryAt: null } });
  });

  it('reports the journal head that verification recomputes, and follows each new entry', async () => {
    const departmentId = (await makeDepartment(t.database.db)).id;
    const { client } = await signedInAdmin(t.app, t.database.db, { departmentId });
    const first = await health();
    let verified = await verifyJournal(t.database.db);
    expect(verified.ok).toBe(true);
    expect(first.journal.entries).toBe(verified.entries);
    expect(first.journal.headHash).toBe(verified.headHash);
    const last = await t.database.db.selectFrom('journal').select('at').orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(first.journal.lastEntryAt).toBe(last.at.toISOString());

    expect((await client.post('/api/departments', { code: 'health-1', name: '健康課', level: 'ka' })).statusCode).toBe(201);
    const second = await health();
    verified = await verifyJournal(t.database.db);
    expect(second.journal.entries).toBe(first.journal.entries + 1);
    expect(second.journal.headHash).toBe(verified.headHash);
    expect(second.journal.headHash).not.toBe(first.journal.headHash);
  });
});
