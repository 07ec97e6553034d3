import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { makeDepartment, makeUser, TEST_PASSWORD } from '../../../test/helpers/factories.js';
import { clientFrom, enrolTotp } from '../../../test/helpers/signed-in.js';
import { journalSince, tableState } from '../../../test/helpers/table-state.js';

let t: TestApp;
let departmentId: string;
beforeAll(async () => {
  t = await createTestApp();
  departmentId = (await makeDepartment(t.database.db)).id;
});
afterAll(async () => t.close());

const db = () => t.database.db;

describe('sign-in under concurrent attempts', () => {
  it('accepts a fresh TOTP code once, when four password-verified sessions send it at the same moment', async () => {
    const user = await makeUser(db(), { departmentId });
    const secret = await enrolTotp(db(), user.id);
    const clients = await Promise.all(Array.from({ length: 4 }, async () => {
      const client = clientFrom(t.app);
      const response = await client.post('/api/session', { login: user.login, password: TEST_PASSWORD });
      expect(response.json()).toMatchObject({ user: { mfaPending: true } });
      return client;
    }));
    const code = await generate({ secret });
    const answers = await Promise.all(clients.map((client) => client.post('/api/session/mfa', { code })));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 401, 401, 401]);
    const full = await db().selectFrom('sessions').select('id_hash').where('user_id', '=', user.id).where('mfa_pending', '=', false).execute();
    expect(full).toHaveLength(1);
  });

  it('checks no more wrong passwords than the limit when twelve arrive at once from twelve addresses, and then refuses the right one', async () => {
    const user = await makeUser(db(), { departmentId });
    const before = await tableState(db());
    const wrong = await Promise.all(Array.from({ length: 12 }, (_, i) => clientFrom(t.app).post('/api/session', { login: user.login, password: `wrong-password-${i}` })));
    expect(wrong.every((r) => r.statusCode === 401)).toBe(true);
    const added = await journalSince(db(), before.journal);
    const reasons = added.filter((e) => e.type === 'auth.sign_in_failed').map((e) => (e.data as { reason: string }).reason);
    expect(reasons.filter((r) => r === 'password')).toHaveLength(5);
    expect(reasons.filter((r) => r === 'locked')).toHaveLength(7);
    expect(added.filter((e) => e.type === 'auth.locked_out')).toHaveLength(1);
    const right = await clientFrom(t.app).post('/api/session', { login: user.login, password: TEST_PASSWORD });
    expect(right.statusCode).toBe(401);
  });

  it('never lets the right password in after the limit was reached, whatever the order of thirteen parallel tries', async () => {
    const user = await makeUser(db(), { departmentId });
    const before = await tableState(db());
    const tries = [...Array.from({ length: 12 }, (_, i) => `wrong-password-${i}`), TEST_PASSWORD];
    const answers = await Promise.all(tries.map((password) => clientFrom(t.app).post('/api/session', { login: user.login, password })));
    const added = await journalSince(db(), before.journal);
    const judged = added.filter((e) => e.type === 'auth.sign_in_failed' || e.type === 'auth.signed_in');
    const signedInAt = judged.findIndex((e) => e.type === 'auth.signed_in');
    const passwordFailures = judged.filter((e) => (e.data as { reason?: string }).reason === 'password').length;
    // Judged one after another: either the right one came before the lockout (and reset the count), or it was refused.
    if (answers.at(-1)?.statusCode === 200) {
      expect(judged.slice(0, signedInAt).filter((e) => (e.data as { reason?: string }).reason === 'password').length).toBeLessThan(5);
    } else {
      expect(signedInAt).toBe(-1);
      expect(passwordFailures).toBe(5);
    }
  });
});
