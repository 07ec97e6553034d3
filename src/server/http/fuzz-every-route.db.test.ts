import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../../../test/helpers/app.js';
import { makeDepartment } from '../../../test/helpers/factories.js';
import { anyJson, oddString } from '../../../test/helpers/fuzz.js';
import { signedInAdmin, signedInUser } from '../../../test/helpers/signed-in.js';
import { verifyJournal } from '../../journal/verify.js';

/**
 * Every API route, fuzzed: arbitrary JSON bodies, path parameters and query strings, and the hostile structures
 * seen in review (deep nesting, width, size, text that cannot be stored, strings that are not UTF-8), sent by an
 * administrator and by a 課等's officer. Whatever arrives, the answer is never a 5xx and the journal stays sound.
 */
let t: TestApp;
let readers: ApiClient[];
beforeAll(async () => {
  t = await createTestApp();
  const departmentId = (await makeDepartment(t.database.db)).id;
  readers = [(await signedInAdmin(t.app, t.database.db, { departmentId })).client, (await signedInUser(t.app, t.database.db, { departmentId, roles: [{ role: 'security_officer' }] })).client];
});
afterAll(async () => t.close());

const RUNS_PER_ROUTE = 8;
const pathValue = fc.oneof(fc.uuid(), fc.constantFrom('0', '-1', '..', '%00', 'a'.repeat(300), '%E3%81%82', 'null'), oddString.filter((text) => text.isWellFormed()).map(encodeURIComponent));
const queryString = fc.dictionary(fc.oneof(fc.constantFrom('page', 'pageSize', 'q', 'sort', 'departmentId', 'status', 'cursor', 'format'), oddString), fc.oneof(oddString, fc.integer().map(String))).map((query) => new URLSearchParams(query).toString());

const deep = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;
const hostileBodies: { payload: string | Buffer; contentType: string }[] = [
  { payload: deep(10_000), contentType: 'application/json' },
  { payload: JSON.stringify(Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`k${i}`, i]))), contentType: 'application/json' },
  { payload: JSON.stringify({ name: 'x'.repeat(900_000) }), contentType: 'application/json' },
  { payload: '{"name":"\\u0000"}', contentType: 'application/json' },
  { payload: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0x82, 0xa0, 0x22, 0x7d]), contentType: 'application/json' },
  { payload: Buffer.from('{"a":1}', 'utf16le'), contentType: 'application/json; charset=utf-16' },
  { payload: 'a=1&b=2', contentType: 'application/x-www-form-urlencoded' },
];

const concrete = (url: string, values: string[]) => {
  let i = 0;
  return url.replace(/:[A-Za-z]+/g, () => values[i++] ?? 'x');
};

describe('every route, fuzzed', () => {
  it('answers every arbitrary request with less than 500', { timeout: 600_000 }, async () => {
    const failures: string[] = [];
    const routes = t.app.routesList.filter((route) => !(route.method === 'DELETE' && route.url === '/api/session'));
    expect(routes.length).toBeGreaterThan(60);
    for (const route of routes) {
      const withBody = route.method !== 'GET' && route.method !== 'DELETE';
      await fc.assert(
        fc.asyncProperty(fc.array(pathValue, { minLength: 3, maxLength: 3 }), queryString, anyJson, fc.nat(readers.length - 1), async (values, query, body, who) => {
          const url = `${concrete(route.url, values)}${query ? `?${query}` : ''}`;
          const response = await (readers[who] as ApiClient).request(route.method, url, withBody ? body : undefined);
          if (response.statusCode >= 500) failures.push(`${route.method} ${url} → ${response.statusCode} ${response.body.slice(0, 200)}`);
          return true;
        }),
        { numRuns: RUNS_PER_ROUTE },
      );
      if (!withBody) continue;
      for (const { payload, contentType } of hostileBodies) {
        const url = concrete(route.url, ['00000000-0000-4000-8000-000000000000', 'x', 'y']);
        const response = await (readers[0] as ApiClient).request(route.method, url, payload, { 'content-type': contentType });
        if (response.statusCode >= 500) failures.push(`${route.method} ${url} (${contentType}, ${payload.length} bytes) → ${response.statusCode} ${response.body.slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('leaves the journal verifiable', async () => {
    expect(await verifyJournal(t.database.db)).toMatchObject({ ok: true });
  });
});
