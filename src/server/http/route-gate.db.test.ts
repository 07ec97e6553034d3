import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const anyId = '00000000-0000-4000-8000-000000000000';

/** The ways one path can be spelt so that a router might still match it. */
function spellings(url: string): string[] {
  const path = url.replace(/:[A-Za-z]+/g, anyId);
  const [, first = '', ...rest] = path.split('/');
  const tail = rest.join('/');
  const encodeAll = (segment: string) => [...segment].map((c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join('');
  return [
    path,
    `/%61${first.slice(1)}/${tail}`,
    `/${encodeAll(first)}/${tail}`,
    `/${first}/${tail.replace(/^([a-z])/, (c) => `%${c.charCodeAt(0).toString(16)}`)}`,
    `//${first}/${tail}`,
    `/${first}//${tail}`,
    `/${first}/./${tail}`,
    `/x/../${first}/${tail}`,
    `/${first.toUpperCase()}/${tail}`,
    `/${first}%2F${tail}`,
    `${path}/`,
    `${path}?`,
    `${path}%20`,
  ];
}

describe('the access gate', () => {
  it('lets no spelling of a signed-in route through without a session', async () => {
    const gated = t.app.routesList.filter((route) => route.access !== 'public');
    expect(gated.length).toBeGreaterThan(50);
    const leaks: string[] = [];
    for (const route of gated) {
      for (const url of spellings(route.url)) {
        // A session-less caller with a valid CSRF pair, so that only the sign-in gate stands in the way.
        const response = await t.app.inject({ method: route.method as 'GET', url, headers: { cookie: 'bansho_csrf=tok', 'x-csrf-token': 'tok' }, ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: {} }) });
        if (response.statusCode < 400 || response.statusCode >= 500) leaks.push(`${route.method} ${url} → ${response.statusCode}`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it('checks the CSRF token on every spelling of a public write (sign-in)', async () => {
    for (const url of spellings('/api/session')) {
      const response = await t.app.inject({ method: 'POST', url, payload: { login: 'nobody', password: 'x'.repeat(12) } });
      expect([url, response.statusCode === 403 || response.statusCode === 404]).toEqual([url, true]);
      if (response.statusCode === 403) expect(response.json()).toMatchObject({ error: { code: 'E_CSRF' } });
    }
  });

  it('answers the reported spellings as their plain paths do', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/%61pi/policy' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/policy' })).statusCode).toBe(401);
    const forged = await t.app.inject({ method: 'POST', url: '/%61pi/session', payload: { login: 'admin', password: 'whatever-password' } });
    expect(forged.statusCode).toBe(403);
  });

  it('is declared by every API route', () => {
    for (const route of t.app.routesList) expect(['public', 'pending', 'account', 'user']).toContain(route.access);
  });
});
