import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { makeDepartment, makeUser, TEST_PASSWORD } from '../../../test/helpers/factories.js';
import { clientFrom, signedInAdmin } from '../../../test/helpers/signed-in.js';
import { journalSince, tableState } from '../../../test/helpers/table-state.js';
import { bilingual, matching } from '../../../test/helpers/matchers.js';
import { verifyJournal } from '../../journal/verify.js';
import { connectDatabase } from '../../db/connect.js';
import { findSessionActor, SESSION_ACTOR_STATEMENT } from './session-actor.js';
import { createSession, hashSessionId } from './sessions.js';
import { fixture } from '../../../test/helpers/fixtures.js';

let t: TestApp;
let departmentId: string;
beforeAll(async () => {
  t = await createTestApp();
  departmentId = (await makeDepartment(t.database.db)).id;
});
afterAll(async () => t.close());

const db = () => t.database.db;

const newUserBody = () => ({ login: `csrf-${Math.random().toString(36).slice(2, 10)}`, staffNumber: `C-${Math.random().toString(36).slice(2, 12)}`, name: '試験 太郎', departmentId });

describe('CSRF protection on state-changing requests', () => {
  it('refuses a POST without the x-csrf-token header with 403 E_CSRF and changes nothing', async () => {
    const { client } = await signedInAdmin(t.app, db());
    const before = await tableState(db());
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      cookies: { bansho_session: client.cookie('bansho_session') ?? '', bansho_csrf: client.cookie('bansho_csrf') ?? '' },
      payload: newUserBody(),
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ error: { code: 'E_CSRF', message: bilingual() } });
    expect(await tableState(db())).toEqual(before);
  });

  it('refuses a wrong token, an empty one, and the token of another session', async () => {
    const { client } = await signedInAdmin(t.app, db());
    const other = await clientFrom(t.app).signIn((await makeUser(db(), { departmentId })).login);
    const before = await tableState(db());
    for (const token of ['wrong', '', `${client.cookie('bansho_csrf')}x`, other.cookie('bansho_csrf') ?? 'x']) {
      const response = await client.request('POST', '/api/users', newUserBody(), { 'x-csrf-token': token });
      expect([token, response.statusCode, response.json<{ error: { code: string } }>().error.code]).toEqual([token, 403, 'E_CSRF']);
    }
    // The session's token must match even when the cookie is rewritten to agree with a forged header.
    const forged = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      cookies: { bansho_session: client.cookie('bansho_session') ?? '', bansho_csrf: 'forged' },
      headers: { 'x-csrf-token': 'forged' },
      payload: newUserBody(),
    });
    expect(forged.statusCode).toBe(403);
    expect(await tableState(db())).toEqual(before);
    // The right token works.
    expect((await client.post('/api/users', newUserBody())).statusCode).toBe(201);
  });

  it('guards PATCH and DELETE too, and sign-in itself (no login CSRF)', async () => {
    const { client } = await signedInAdmin(t.app, db());
    const target = await makeUser(db(), { departmentId });
    const before = await tableState(db());
    const patch = await client.request('PATCH', `/api/users/${target.id}`, { name: '改ざん' }, { 'x-csrf-token': 'nope' });
    const signOut = await client.request('DELETE', '/api/session', undefined, { 'x-csrf-token': 'nope' });
    const signIn = await t.app.inject({ method: 'POST', url: '/api/session', payload: { login: target.login, password: TEST_PASSWORD } });
    for (const response of [patch, signOut, signIn]) {
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ error: { code: 'E_CSRF' } });
    }
    expect(await tableState(db())).toEqual(before);
    expect((await client.get('/api/users')).statusCode).toBe(200);
  });
});

describe('session timeouts', () => {
  it('ends a session idle for longer than the idle timeout (30 minutes)', async () => {
    const user = await makeUser(db(), { departmentId });
    const client = await clientFrom(t.app).signIn(user.login);
    const idHash = hashSessionId(client.cookie('bansho_session') ?? '');
    await db().updateTable('sessions').set({ last_seen_at: new Date(Date.now() - 29 * 60_000) }).where('id_hash', '=', idHash).execute();
    expect((await client.get('/api/users')).statusCode).toBe(200);
    // That request touched the session: it is fresh again.
    const touched = await db().selectFrom('sessions').select('last_seen_at').where('id_hash', '=', idHash).executeTakeFirstOrThrow();
    expect(Date.now() - touched.last_seen_at.getTime()).toBeLessThan(60_000);

    await db().updateTable('sessions').set({ last_seen_at: new Date(Date.now() - 31 * 60_000) }).where('id_hash', '=', idHash).execute();
    const response = await client.get('/api/users');
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ error: { code: 'E_NOT_SIGNED_IN' } });
    expect((await client.get('/api/session')).json()).toEqual({ user: null });
  });

  it('ends a session past its absolute lifetime, however active', async () => {
    const user = await makeUser(db(), { departmentId });
    const client = await clientFrom(t.app).signIn(user.login);
    const idHash = hashSessionId(client.cookie('bansho_session') ?? '');
    const row = await db().selectFrom('sessions').select(['created_at', 'expires_at']).where('id_hash', '=', idHash).executeTakeFirstOrThrow();
    expect(row.expires_at.getTime() - row.created_at.getTime()).toBe(12 * 3_600_000);

    await fixture(db(), (tx) => tx.updateTable('sessions').set({ expires_at: new Date(Date.now() - 1000), last_seen_at: new Date() }).where('id_hash', '=', idHash).execute());
    expect((await client.get('/api/users')).statusCode).toBe(401);
    // An expired session cannot be used for writes either.
    expect((await client.patch('/api/account/preferences', { locale: 'en' })).statusCode).toBe(401);
    expect((await db().selectFrom('users').select('locale').where('id', '=', user.id).executeTakeFirstOrThrow()).locale).toBe('ja');
  });
});

describe('disabling a user', () => {
  it('ends all their sessions at once: their next request is 401, and they cannot sign in again', async () => {
    const { client: admin } = await signedInAdmin(t.app, db());
    const user = await makeUser(db(), { departmentId });
    const desk = await clientFrom(t.app).signIn(user.login);
    const phone = await clientFrom(t.app).signIn(user.login);
    expect((await desk.get('/api/users')).statusCode).toBe(200);
    const before = await tableState(db());

    const response = await admin.post(`/api/users/${user.id}/disable`, { reason: '退職' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ user: { status: 'disabled', disabledReason: '退職' } });
    expect(await db().selectFrom('sessions').select('id_hash').where('user_id', '=', user.id).execute()).toEqual([]);
    const added = await journalSince(db(), before.journal);
    expect(added.map((e) => [e.type, e.entity_id, e.data])).toEqual([['user.disabled', user.id, { reason: '退職', sessionsEnded: 2 }]]);

    for (const client of [desk, phone]) {
      const next = await client.get('/api/users');
      expect(next.statusCode).toBe(401);
      expect(next.json()).toMatchObject({ error: { code: 'E_NOT_SIGNED_IN' } });
    }
    expect((await clientFrom(t.app).post('/api/session', { login: user.login, password: TEST_PASSWORD })).statusCode).toBe(401);
  });

  it('refuses a session whose user was disabled even if the session row survived', async () => {
    const user = await makeUser(db(), { departmentId });
    const client = await clientFrom(t.app).signIn(user.login);
    // A status change made outside the use case (e.g. by an operator) must not leave the session usable.
    await fixture(db(), (tx) => tx.updateTable('users').set({ status: 'disabled', disabled_reason: 'operator' }).where('id', '=', user.id).execute());
    expect((await client.get('/api/users')).statusCode).toBe(401);
  });

  it('leaves the journal verifiable', async () => {
    expect(await verifyJournal(db())).toMatchObject({ ok: true });
  });
});

const arrayContaining = (items: unknown[]): unknown => expect.arrayContaining(items);

describe('the session lookup run on every request', () => {
  it('is prepared once per connection and still sees revoked roles, disabled users and timeouts at once', async () => {
    // One connection, so that every lookup below runs on the same server session and its prepared statement.
    const handle = connectDatabase(t.database.url, { max: 1 });
    try {
      const settings = { idleMinutes: 30, absoluteHours: 8 };
      const user = await makeUser(db(), { departmentId, roles: [{ role: 'security_officer' }] });
      const now = new Date();
      const { id, csrfToken } = await fixture(db(), (tx) => createSession(tx, { userId: user.id, mfaPending: false, now, request: { ip: null, userAgent: null }, settings }));
      const roles = async (at: Date) => (await findSessionActor(handle.db, id, at, settings))?.actor.roles.map((r) => r.role).sort() ?? null;

      const state = await findSessionActor(handle.db, id, now, settings);
      expect(state).toEqual({
        idHash: hashSessionId(id),
        lastSeenAt: now,
        csrfToken,
        mfaPending: false,
        mustChangePassword: false,
        mfaEnrolled: false,
        actor: { id: user.id, name: user.name, login: user.login, departmentId, roles: arrayContaining([{ role: 'staff', scopeType: 'department', scopeId: departmentId }]) },
      });
      for (let i = 0; i < 6; i += 1) expect(await roles(now)).toEqual(['security_officer', 'staff']);
      const prepared = await sql<{ name: string; calls: string }>`
        SELECT name, (generic_plans + custom_plans)::text AS calls FROM pg_prepared_statements WHERE name = ${SESSION_ACTOR_STATEMENT}`.execute(handle.db);
      expect(prepared.rows).toEqual([{ name: SESSION_ACTOR_STATEMENT, calls: matching(/^\d+$/) }]);
      expect(Number(prepared.rows[0]?.calls)).toBeGreaterThanOrEqual(7);

      // A revoked role is gone from the very next lookup, whatever plan the statement has settled on.
      await fixture(db(), (tx) => tx.updateTable('role_assignments').set({ revoked_at: new Date(), revoked_by: null }).where('user_id', '=', user.id).where('role', '=', 'security_officer').execute());
      expect(await roles(now)).toEqual(['staff']);
      // Idle too long, past its lifetime: no session.
      expect(await roles(new Date(now.getTime() + 31 * 60_000))).toBeNull();
      expect(await roles(new Date(now.getTime() + 9 * 3_600_000))).toBeNull();
      expect(await roles(now)).toEqual(['staff']);
      // A disabled user: no session.
      await fixture(db(), (tx) => tx.updateTable('users').set({ status: 'disabled', disabled_reason: 'test' }).where('id', '=', user.id).execute());
      expect(await findSessionActor(handle.db, id, now, settings)).toBeNull();
      expect(await findSessionActor(handle.db, 'no-such-session', now, settings)).toBeNull();
    } finally {
      await handle.close();
    }
  });
});
