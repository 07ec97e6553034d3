import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../../../test/helpers/app.js';
import { makeDepartment } from '../../../test/helpers/factories.js';
import { signedInUser } from '../../../test/helpers/signed-in.js';
import { journalSince } from '../../../test/helpers/table-state.js';
import type { Contact, ContactList } from './schemas.js';

let t: TestApp;
let keeper: ApiClient;
let officer: ApiClient;
const db = () => t.database.db;
const journalLength = async () => Number((await db().selectFrom('journal').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

beforeAll(async () => {
  t = await createTestApp();
  const departmentId = (await makeDepartment(db(), { name: '情報政策課' })).id;
  keeper = (await signedInUser(t.app, db(), { departmentId, roles: [{ role: 'network_admin' }] })).client;
  officer = (await signedInUser(t.app, db(), { departmentId, roles: [{ role: 'security_officer' }] })).client;
});
afterAll(async () => t.close());

describe('the emergency contact directory (第5 8(3))', () => {
  it('adds a contact, journals it, and lists those in use first, by purpose and order', async () => {
    const before = await journalLength();
    const added = await keeper.request('POST', '/api/contacts', { name: '山田 一郎', organisation: '新宿警察署', kind: 'authority', purpose: '不正アクセスの届出', phone: '03-3346-0110', priority: 1 });
    expect(added.statusCode, added.body).toBe(201);
    const contact = added.json<Contact>();
    expect(contact).toMatchObject({ name: '山田 一郎', kind: 'authority', phone: '03-3346-0110', email: '', active: true, allowedActions: ['update'] });
    expect((await journalSince(db(), before)).map((e) => [e.type, e.entity_id, e.data])).toEqual([
      ['contact.added', contact.id, { name: '山田 一郎', organisation: '新宿警察署', kind: 'authority', purpose: '不正アクセスの届出' }],
    ]);
    await keeper.request('POST', '/api/contacts', { name: '佐藤 花子', kind: 'expert', purpose: '不正アクセスの届出', email: 'sato@example.jp', priority: 2 });
    const retired = (await keeper.request('POST', '/api/contacts', { name: '旧担当', kind: 'vendor', purpose: 'サーバ障害', phone: '03-0000-0001' })).json<Contact>();
    expect((await keeper.request('PATCH', `/api/contacts/${retired.id}`, { active: false })).statusCode).toBe(200);

    const list = (await officer.get('/api/contacts')).json<ContactList>();
    expect(list.items.map((c) => [c.name, c.active])).toEqual([['山田 一郎', true], ['佐藤 花子', true], ['旧担当', false]]);
    expect(list.allowedActions).toEqual([]);
    expect(list.items.every((c) => c.allowedActions.length === 0)).toBe(true);
  });

  it('refuses a contact that cannot be reached, and an update that changes nothing, writing nothing', async () => {
    const before = await journalLength();
    const unreachable = await keeper.request('POST', '/api/contacts', { name: '連絡不能', kind: 'other', purpose: '試験' });
    expect(unreachable.statusCode).toBe(422);
    expect(unreachable.json()).toMatchObject({ error: { code: 'E_CONTACT_UNREACHABLE', fields: [{ path: 'phone' }] } });
    const contact = (await keeper.request('POST', '/api/contacts', { name: '変更なし', kind: 'other', purpose: '試験', phone: '03-1234-5678' })).json<Contact>();
    const mid = await journalLength();
    expect((await keeper.request('PATCH', `/api/contacts/${contact.id}`, { phone: '03-1234-5678' })).json()).toMatchObject({ error: { code: 'E_CONTACT_UNCHANGED' } });
    expect((await keeper.request('PATCH', `/api/contacts/${contact.id}`, { phone: '' })).json()).toMatchObject({ error: { code: 'E_CONTACT_UNREACHABLE', fields: [{ path: 'phone' }] } });
    expect((await keeper.request('POST', '/api/contacts', { name: 'x', kind: 'other', purpose: '試験', email: 'not-an-address' })).statusCode).toBe(400);
    expect(await journalLength()).toBe(mid);
    expect(mid).toBe(before + 1);
  });
});
