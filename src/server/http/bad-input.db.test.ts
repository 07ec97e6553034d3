import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../../../test/helpers/app.js';
import { makeDepartment, makeUser, TEST_PASSWORD } from '../../../test/helpers/factories.js';
import { clientFrom, signedInAdmin } from '../../../test/helpers/signed-in.js';
import { tableState } from '../../../test/helpers/table-state.js';
import { bilingual, matching } from '../../../test/helpers/matchers.js';
import { verifyJournal } from '../../journal/verify.js';

/**
 * DESIGN §7: bad input is always a 4xx with a stable code and a bilingual message, never a 5xx, and it changes
 * nothing. Valid but unusual text (SQL metacharacters, emoji, combining marks) is stored exactly as sent.
 */
let t: TestApp;
let admin: ApiClient;
let departmentId: string;
let victimId: string;
beforeAll(async () => {
  t = await createTestApp();
  departmentId = (await makeDepartment(t.database.db)).id;
  admin = (await signedInAdmin(t.app, t.database.db, { departmentId })).client;
  victimId = (await makeUser(t.database.db, { departmentId })).id;
});
afterAll(async () => t.close());

const db = () => t.database.db;
let counter = 0;
const validUser = () => {
  counter += 1;
  return { login: `bad-input-${counter}`, staffNumber: `BI-${counter}`, name: '試験 花子', kana: 'しけん はなこ', email: '', departmentId };
};

/** The write endpoints with a valid body each, to be spoiled one way or another. */
const endpoints = () => [
  { method: 'POST' as const, url: '/api/users', body: validUser() },
  { method: 'PATCH' as const, url: `/api/users/${victimId}`, body: { name: '変更 後' } },
  { method: 'POST' as const, url: `/api/users/${victimId}/disable`, body: { reason: '確認のため' } },
  { method: 'POST' as const, url: `/api/users/${victimId}/move`, body: { departmentId } },
  { method: 'POST' as const, url: `/api/users/${victimId}/roles`, body: { role: 'auditor', scopeType: 'global' } },
  { method: 'POST' as const, url: '/api/departments', body: { code: `bi-${counter}`, name: '入力課', level: 'ka' } },
  { method: 'PATCH' as const, url: `/api/departments/${departmentId}`, body: { name: '入力課 改' } },
  { method: 'PATCH' as const, url: '/api/account/preferences', body: { locale: 'en' } },
  { method: 'POST' as const, url: '/api/account/password', body: { currentPassword: TEST_PASSWORD, newPassword: 'Kumo-no-Ue-de-Odoru-7' } },
];

/** A refusal: the expected 4xx status, the error shape, the code, and the database exactly as before. */
async function expectRefused(send: () => Promise<LightMyRequestResponse>, status: number, code?: string) {
  const before = await tableState(db());
  const response = await send();
  const label = `${response.statusCode} ${response.body.slice(0, 300)}`;
  expect(response.statusCode, label).toBe(status);
  const body = response.json<{ error: { code: string; message: { ja: string; en: string } } }>();
  expect(body, label).toMatchObject({ error: { code: matching(/^E_[A-Z_]+$/), message: bilingual() } });
  if (code) expect(body.error.code, label).toBe(code);
  expect(await tableState(db())).toEqual(before);
  return body;
}

const json = (client: ApiClient, method: 'POST' | 'PATCH', url: string, payload: string, contentType = 'application/json') =>
  client.request(method, url, payload, { 'content-type': contentType });

describe('malformed requests', () => {
  it('refuses malformed JSON with 400 E_MALFORMED_JSON on every write endpoint', async () => {
    for (const { method, url } of endpoints()) {
      for (const payload of ['{"name": "x",', '{name: "x"}', "{'name': 'x'}", '{"name": "x"}}', '\u00ff\u00fe{}']) {
        await expectRefused(() => json(admin, method, url, payload), 400, 'E_MALFORMED_JSON');
      }
    }
  });

  it('refuses an empty body, and JSON that is not an object, with 400', async () => {
    for (const { method, url } of endpoints()) {
      await expectRefused(() => json(admin, method, url, ''), 400);
      for (const payload of ['null', '[]', '"text"', '42', 'true']) await expectRefused(() => json(admin, method, url, payload), 400, 'E_VALIDATION');
    }
  });

  it('refuses a body that is not JSON with 415 E_UNSUPPORTED_MEDIA_TYPE', async () => {
    for (const { method, url, body } of endpoints()) {
      for (const contentType of ['application/x-www-form-urlencoded', 'application/xml', 'multipart/form-data; boundary=x', 'image/png']) {
        await expectRefused(() => json(admin, method, url, JSON.stringify(body), contentType), 415, 'E_UNSUPPORTED_MEDIA_TYPE');
      }
      // Fastify reads text/plain as a string, which no schema accepts: a JSON text sent as text/plain is not parsed.
      await expectRefused(() => json(admin, method, url, JSON.stringify(body), 'text/plain'), 400, 'E_VALIDATION');
    }
  });

  it('refuses a body over 1 MiB with 413 E_BODY_TOO_LARGE', async () => {
    for (const { method, url, body } of endpoints()) {
      const payload = JSON.stringify({ ...body, padding: 'x'.repeat(1024 * 1024) });
      await expectRefused(() => json(admin, method, url, payload), 413, 'E_BODY_TOO_LARGE');
    }
  });

  it('refuses a prototype-polluting key', async () => {
    for (const { method, url, body } of endpoints()) {
      const payload = JSON.stringify(body).replace(/^\{/, '{"__proto__": {"isAdmin": true}, ');
      const response = await expectRefused(() => json(admin, method, url, payload), 400);
      expect(['E_MALFORMED_JSON', 'E_BAD_REQUEST', 'E_VALIDATION']).toContain(response.error.code);
    }
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });
});

describe('strict schemas', () => {
  it('refuses unknown fields with 400 E_VALIDATION', async () => {
    for (const { method, url, body } of endpoints()) {
      for (const extra of [{ isAdmin: true }, { id: '00000000-0000-4000-8000-000000000000' }, { status: 'disabled' }, { password_hash: 'x' }]) {
        await expectRefused(() => admin.request(method, url, { ...body, ...extra }), 400, 'E_VALIDATION');
      }
    }
  });

  it('refuses wrong types with 400 E_VALIDATION naming the field', async () => {
    const cases: [string, 'POST' | 'PATCH', string, Record<string, unknown>, string][] = [
      ['login as number', 'POST', '/api/users', { ...validUser(), login: 12345 }, 'login'],
      ['name null', 'POST', '/api/users', { ...validUser(), name: null }, 'name'],
      ['departmentId array', 'POST', '/api/users', { ...validUser(), departmentId: [departmentId] }, 'departmentId'],
      ['staffNumber object', 'POST', '/api/users', { ...validUser(), staffNumber: { $gt: '' } }, 'staffNumber'],
      ['departmentId not a uuid', 'POST', '/api/users', { ...validUser(), departmentId: "1' OR '1'='1" }, 'departmentId'],
      ['kana in latin letters', 'POST', '/api/users', { ...validUser(), kana: 'yamada' }, 'kana'],
      ['email not an address', 'POST', '/api/users', { ...validUser(), email: 'not-an-address' }, 'email'],
      ['name boolean', 'PATCH', `/api/users/${victimId}`, { name: true }, 'name'],
      ['nothing to change', 'PATCH', `/api/users/${victimId}`, {}, 'body'],
      ['reason number', 'POST', `/api/users/${victimId}/disable`, { reason: 5 }, 'reason'],
      ['reason blank', 'POST', `/api/users/${victimId}/disable`, { reason: '   ' }, 'reason'],
      ['unknown role', 'POST', `/api/users/${victimId}/roles`, { role: 'root', scopeType: 'global' }, 'role'],
      ['unknown scope type', 'POST', `/api/users/${victimId}/roles`, { role: 'auditor', scopeType: 'planet' }, 'scopeType'],
      ['level number', 'POST', '/api/departments', { code: 'x1', name: 'x', level: 1 }, 'level'],
      ['code with spaces', 'POST', '/api/departments', { code: 'a b', name: 'x', level: 'ka' }, 'code'],
      ['parentId number', 'PATCH', `/api/departments/${departmentId}`, { parentId: 7 }, 'parentId'],
      ['locale unknown', 'PATCH', '/api/account/preferences', { locale: 'fr' }, 'locale'],
    ];
    for (const [label, method, url, body, field] of cases) {
      const response = await expectRefused(() => admin.request(method, url, body), 400, 'E_VALIDATION');
      const fields = (response.error as { fields?: { path: string }[] }).fields ?? [];
      expect([label, fields.some((f) => f.path === field || f.path.startsWith(`${field}.`))]).toEqual([label, true]);
    }
  });

  it('refuses malformed path and query parameters with 4xx', async () => {
    await expectRefused(() => admin.get('/api/users/not-a-uuid'), 400, 'E_VALIDATION');
    await expectRefused(() => admin.patch("/api/users/1'%20OR%20'1'='1", { name: 'x' }), 400, 'E_VALIDATION');
    await expectRefused(() => admin.post(`/api/users/${'a'.repeat(300)}/disable`, { reason: 'x' }), 414, 'E_BAD_REQUEST');
    await expectRefused(() => admin.get('/api/users/%E0%A4%A'), 400, 'E_BAD_REQUEST');
    for (const query of ['page=0', 'page=abc', 'pageSize=201', 'pageSize=-1', 'status=deleted', 'departmentId=x', 'q=a&q=b', `q=${'q'.repeat(101)}`, 'sort=name']) {
      await expectRefused(() => admin.get(`/api/users?${query}`), 400, 'E_VALIDATION');
    }
  });
});

describe('hostile structures', () => {
  const deep = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;
  const deepObject = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;

  it('refuses deeply nested JSON with 400 E_INPUT_TOO_DEEP, even before sign-in, and never a 500', async () => {
    for (const payload of [deep(100_000), deepObject(50_000), deep(33)]) {
      const anonymous = clientFrom(t.app);
      await expectRefused(() => json(anonymous, 'POST', '/api/session', payload), 400, 'E_INPUT_TOO_DEEP');
      for (const { method, url } of endpoints()) await expectRefused(() => json(admin, method, url, payload), 400, 'E_INPUT_TOO_DEEP');
    }
  });

  it('lets nesting within the limit reach the schema, which refuses it as usual', async () => {
    await expectRefused(() => json(clientFrom(t.app), 'POST', '/api/session', deepObject(31)), 400, 'E_VALIDATION');
  });

  it('refuses very wide objects and arrays with 400, never a 500', async () => {
    const wide = JSON.stringify(Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`k${i}`, i])));
    const long = JSON.stringify(Array.from({ length: 100_000 }, () => 0));
    for (const payload of [wide, long]) {
      await expectRefused(() => json(clientFrom(t.app), 'POST', '/api/session', payload), 400);
      await expectRefused(() => json(admin, 'POST', '/api/users', payload), 400);
    }
  });
});

describe('hostile and unusual text', () => {
  it('stores SQL metacharacters verbatim, without error', async () => {
    const name = "Robert'); DROP TABLE users;--";
    const created = await admin.post('/api/users', { ...validUser(), name });
    expect(created.statusCode).toBe(201);
    const id = created.json<{ user: { id: string } }>().user.id;
    expect((await db().selectFrom('users').select('name').where('id', '=', id).executeTakeFirstOrThrow()).name).toBe(name);

    const reason = "$1; SELECT pg_sleep(10); -- \\' \" ` %s %n";
    expect((await admin.post(`/api/users/${id}/disable`, { reason })).statusCode).toBe(200);
    expect((await db().selectFrom('users').select('disabled_reason').where('id', '=', id).executeTakeFirstOrThrow()).disabled_reason).toBe(reason);

    const department = await admin.post('/api/departments', { code: 'sql_meta-1', name: "課'; DELETE FROM journal; --", level: 'ka' });
    expect(department.statusCode).toBe(201);
    expect((await db().selectFrom('departments').select('name').where('code', '=', 'sql_meta-1').executeTakeFirstOrThrow()).name).toBe("課'; DELETE FROM journal; --");

    // LIKE wildcards and quotes in a search are matched literally.
    for (const q of ["%' OR 1=1 --", '%', '_', '\\', "Robert'); DROP"]) {
      const response = await admin.get(`/api/users?q=${encodeURIComponent(q)}`);
      expect(response.statusCode).toBe(200);
      const names = response.json<{ items: { name: string }[] }>().items.map((u) => u.name);
      expect(names.every((n) => n.includes(q) || q === "Robert'); DROP")).toBe(true);
    }
    expect((await admin.get(`/api/users?q=${encodeURIComponent("Robert'); DROP")}`)).json()).toMatchObject({ total: 1 });
    expect((await admin.get('/api/users?q=%25')).json()).toMatchObject({ total: 0 });
    expect((await verifyJournal(db())).ok).toBe(true);
  });

  it('refuses 10,000-character strings with 400 E_VALIDATION', async () => {
    const long = 'あ'.repeat(10_000);
    const cases: ['POST' | 'PATCH', string, Record<string, unknown>][] = [
      ['POST', '/api/users', { ...validUser(), name: long }],
      ['POST', '/api/users', { ...validUser(), login: 'a'.repeat(10_000) }],
      ['POST', '/api/users', { ...validUser(), staffNumber: '1'.repeat(10_000) }],
      ['POST', '/api/users', { ...validUser(), kana: long }],
      ['POST', '/api/users', { ...validUser(), email: `${'a'.repeat(10_000)}@city.example` }],
      ['PATCH', `/api/users/${victimId}`, { name: long }],
      ['POST', `/api/users/${victimId}/disable`, { reason: long }],
      ['POST', `/api/users/${victimId}/roles`, { role: 'system_admin', scopeType: 'system', scopeId: long }],
      ['POST', '/api/departments', { code: 'long-1', name: long, level: 'ka' }],
      ['POST', '/api/departments', { code: 'long-2', name: '長い課', level: long }],
      ['PATCH', `/api/departments/${departmentId}`, { kana: long }],
      ['POST', '/api/account/password', { currentPassword: long, newPassword: long }],
    ];
    for (const [method, url, body] of cases) await expectRefused(() => admin.request(method, url, body), 400, 'E_VALIDATION');
    const anonymous = clientFrom(t.app);
    await expectRefused(() => anonymous.post('/api/session', { login: 'a'.repeat(10_000), password: TEST_PASSWORD }), 400, 'E_VALIDATION');
    await expectRefused(() => anonymous.post('/api/session', { login: 'someone', password: 'p'.repeat(10_000) }), 400, 'E_VALIDATION');
  });

  it('refuses NUL characters and lone surrogates anywhere with 422 E_UNSTORABLE_TEXT', async () => {
    // Sent as raw JSON text, since the escapes must reach the server unchanged.
    const spoil = (body: Record<string, unknown>, key: string, escape: string) => JSON.stringify({ ...body, [key]: 'PLACEHOLDER' }).replace('"PLACEHOLDER"', `"a${escape}b"`);
    for (const { method, url, body } of endpoints()) {
      const key = Object.keys(body)[0] ?? 'name';
      for (const escape of ['\\u0000', '\\ud800', '\\udfff', '\\udc00\\ud800']) {
        await expectRefused(() => json(admin, method, url, spoil(body, key, escape)), 422, 'E_UNSTORABLE_TEXT');
      }
      // In a key, and nested in an unknown field: still refused before anything else.
      await expectRefused(() => json(admin, method, url, JSON.stringify(body).replace(/^\{/, '{"x\\u0000": 1, ')), 422, 'E_UNSTORABLE_TEXT');
      await expectRefused(() => json(admin, method, url, JSON.stringify(body).replace(/^\{/, '{"nested": [{"deep": "\\ud83d"}], ')), 422, 'E_UNSTORABLE_TEXT');
    }
    await expectRefused(() => admin.get('/api/users?q=%00'), 422, 'E_UNSTORABLE_TEXT');
    await expectRefused(() => admin.get('/api/users/%00'), 422, 'E_UNSTORABLE_TEXT');
    await expectRefused(() => clientFrom(t.app).request('POST', '/api/session', '{"login":"a\\u0000","password":"x"}', { 'content-type': 'application/json' }), 422, 'E_UNSTORABLE_TEXT');
  });

  it('accepts emoji, combining characters and other scripts where text is allowed, storing them in NFC', async () => {
    const name = '山田 👨‍👩‍👧‍👦 Zoë Zoe\u0308 𠮷野 ﾊﾝｶｸ \u202eRTL';
    // か + the combining voiced mark, as some input methods send it: NFC makes it が, which the kana rule accepts.
    const created = await admin.post('/api/users', { ...validUser(), name, kana: 'やまた\u3099 ヤマダ・ー' });
    expect(created.statusCode).toBe(201);
    const id = created.json<{ user: { id: string; name: string } }>().user.id;
    expect(created.json<{ user: { name: string } }>().user.name).toBe(name.normalize('NFC'));
    const stored = await db().selectFrom('users').select(['name', 'kana']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(stored).toEqual({ name: name.normalize('NFC'), kana: 'やまだ ヤマダ・ー' });
    expect(stored.name).toContain('Zoë Zoë');

    const reason = '🚨 退職（再雇用なし）e\u0301';
    expect((await admin.post(`/api/users/${id}/disable`, { reason })).statusCode).toBe(200);
    expect((await db().selectFrom('users').select('disabled_reason').where('id', '=', id).executeTakeFirstOrThrow()).disabled_reason).toBe(reason.normalize('NFC'));

    const department = await admin.post('/api/departments', { code: 'emoji-1', name: '🏯 天守閣管理課', level: 'ka' });
    expect(department.statusCode).toBe(201);
    const role = await admin.post(`/api/users/${victimId}/roles`, { role: 'system_admin', scopeType: 'system', scopeId: '住民記録システム 🗂️' });
    expect(role.statusCode).toBe(201);
    // The longest allowed name of characters outside the BMP is stored whole.
    const wide = '𠮷'.repeat(50);
    const wideUser = await admin.post('/api/users', { ...validUser(), name: wide });
    expect(wideUser.statusCode).toBe(201);
    expect((await admin.get(`/api/users?q=${encodeURIComponent('👨‍👩‍👧‍👦')}`)).json()).toMatchObject({ total: 1 });
  });

  it('leaves the journal verifiable', async () => {
    expect(await verifyJournal(db())).toMatchObject({ ok: true });
  });
});
