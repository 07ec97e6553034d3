import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { contextFor, makeUser } from '../../../test/helpers/factories.js';
import { clientFrom, enrolTotp, signInWithTotp } from '../../../test/helpers/signed-in.js';
import { DEMO_PASSWORD, demoUsers } from '../../demo/demo-municipality.js';
import { seedDemo } from '../../demo/seed-demo.js';
import { canonicalRoles } from '../../policy/schema.js';
import { mfaRequiredFor } from '../auth/me.js';

/**
 * The list and the detail page must apply the same rule (STYLE: "a test checks list and detail agree"): for every
 * demo role, each user the list returns can be opened, and each user it leaves out answers 404.
 */
let t: TestApp;
let allUserIds: string[];
beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  await seedDemo(contextFor(db, t.policy, null));
  // A few more people, some disabled, so that every 課等 has someone besides the demo users.
  const departments = await db.selectFrom('departments').select('id').execute();
  for (const [index, department] of departments.entries()) {
    await makeUser(db, { departmentId: department.id, password: DEMO_PASSWORD });
    if (index % 2 === 0) await makeUser(db, { departmentId: department.id, status: 'disabled', password: DEMO_PASSWORD });
  }
  allUserIds = (await db.selectFrom('users').select('id').execute()).map((u) => u.id);
});
afterAll(async () => t.close());

interface ListBody {
  items: { id: string }[];
  total: number;
}

describe('list and detail agree for every demo role', () => {
  it('covers every canonical role', () => {
    expect([...new Set(demoUsers.map((u) => u.role))].sort()).toEqual([...canonicalRoles].sort());
  });

  for (const demo of demoUsers) {
    it(`${demo.login} (${demo.role})`, async () => {
      const db = t.database.db;
      const user = await db.selectFrom('users').select(['id', 'login']).where('login', '=', demo.login).executeTakeFirstOrThrow();
      const client = clientFrom(t.app);
      const roles = demo.role === 'staff' ? [] : [demo.role];
      if (mfaRequiredFor(t.policy, { id: user.id, name: '', login: demo.login, departmentId: '', roles: roles.map((role) => ({ role, scopeType: 'global', scopeId: '' })) })) {
        await signInWithTotp(client, db, demo.login, await enrolTotp(db, user.id), DEMO_PASSWORD);
      } else {
        await client.signIn(demo.login, DEMO_PASSWORD);
      }

      const list = await client.get('/api/users?pageSize=200');
      expect(list.statusCode).toBe(200);
      const { items, total } = list.json<ListBody>();
      expect(items).toHaveLength(total);
      const listed = new Set(items.map((u) => u.id));
      expect(listed.has(user.id)).toBe(true);

      for (const id of allUserIds) {
        const detail = await client.get(`/api/users/${id}`);
        expect([id, detail.statusCode]).toEqual([id, listed.has(id) ? 200 : 404]);
      }

      // Filters only narrow the list; they never reveal anyone the unfiltered list hides.
      const departments = await db.selectFrom('departments').select('id').execute();
      for (const department of departments) {
        for (const status of ['', '&status=active', '&status=disabled']) {
          const filtered = (await client.get(`/api/users?pageSize=200&departmentId=${department.id}${status}`)).json<ListBody>();
          for (const item of filtered.items) expect(listed.has(item.id)).toBe(true);
        }
      }
      // Pages add up to the whole list.
      const paged: string[] = [];
      for (let page = 1; page <= Math.ceil(total / 5); page += 1) {
        paged.push(...(await client.get(`/api/users?pageSize=5&page=${page}`)).json<ListBody>().items.map((u) => u.id));
      }
      expect(paged).toEqual(items.map((u) => u.id));
    });
  }
});
