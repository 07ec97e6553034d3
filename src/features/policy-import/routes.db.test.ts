import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../../../test/helpers/app.js';
import { makeDepartment } from '../../../test/helpers/factories.js';
import { signedInAdmin, signedInUser } from '../../../test/helpers/signed-in.js';
import type { DraftClause, ImportedStandard } from '../../policy/import-text/draft-types.js';

const fixture = (name: string) => readFileSync(new URL(`../../../test/fixtures/standards/${name}`, import.meta.url));

let t: TestApp;
let admin: ApiClient;
let staff: ApiClient;
let officer: ApiClient;

interface Parsed extends ImportedStandard {
  lines: string[];
}
interface ErrorAnswer {
  error: { code: string; message: { ja: string; en: string }; fields?: { path: string; message: { ja: string; en: string } }[] };
}

beforeAll(async () => {
  t = await createTestApp();
  const department = await makeDepartment(t.database.db);
  admin = (await signedInAdmin(t.app, t.database.db)).client;
  staff = (await signedInUser(t.app, t.database.db, { departmentId: department.id })).client;
  officer = (await signedInUser(t.app, t.database.db, { departmentId: department.id, roles: [{ role: 'security_officer', scopeType: 'department', scopeId: department.id }] })).client;
}, 60_000);
afterAll(async () => {
  await t.close();
});

const counts = async () => ({
  drafts: Number((await t.database.db.selectFrom('policy_drafts').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n),
  journal: Number((await t.database.db.selectFrom('journal').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n),
});

const uploadBytes = (client: ApiClient, bytes: Uint8Array) =>
  client.request('POST', '/api/policy/import-text', Buffer.from(bytes), { 'content-type': 'application/octet-stream' });

async function parse(name: string): Promise<Parsed> {
  const response = await admin.post('/api/policy/import-text', { text: fixture(name).toString('utf8') });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<Parsed>();
}

describe('POST /api/policy/import-text', () => {
  it("parses Shinjuku's standard into its 234 clauses, 187 of them normative, with the source lines; stores nothing", async () => {
    const before = await counts();
    const parsed = await parse('shinjuku.txt');
    expect(parsed.style).toBe('outline');
    expect(parsed.clauses).toHaveLength(234);
    expect(parsed.clauses.filter((clause) => clause.kind !== 'heading')).toHaveLength(187);
    expect(parsed.clauses.filter((clause) => clause.split === 'suggested')).toHaveLength(8);
    expect(parsed.warnings).toEqual([]);
    const clause = parsed.clauses.find((c) => c.id === '2.4.2.イ');
    expect(clause?.line).toBe(41);
    expect(parsed.lines[40]).toContain('職員は、重要性分類Ⅰに属する情報資産');
    expect(await counts()).toEqual(before);
  });

  it('reads the same text sent as the bytes of a chosen file', async () => {
    const response = await uploadBytes(admin, fixture('jo-style.txt'));
    expect(response.statusCode, response.body).toBe(200);
    const parsed = response.json<Parsed>();
    expect(parsed.style).toBe('article');
    expect(parsed.title).toBe('架空市情報セキュリティ管理規程');
    expect(parsed.clauses.find((c) => c.id === '6.後段')).toMatchObject({ split: 'suggested', shape: 'secondSentence', line: 32 });
  });

  it('refuses empty text with E_EMPTY in both languages', async () => {
    const response = await admin.post('/api/policy/import-text', { text: '  \n\n' });
    expect(response.statusCode).toBe(422);
    const { error } = response.json<ErrorAnswer>();
    expect(error.code).toBe('E_EMPTY');
    expect(error.message.ja).toContain('ファイルが空です');
    expect(error.message.en).toContain('The file is empty');
  });

  it('refuses a binary file (NUL bytes) with the line of the first NUL', async () => {
    const response = await uploadBytes(admin, new Uint8Array([0x31, 0x0a, 0x50, 0x4b, 0x00, 0x03]));
    expect(response.statusCode).toBe(422);
    const { error } = response.json<ErrorAnswer>();
    expect(error.code).toBe('E_BINARY');
    expect(error.message.en).toMatch(/^line 2: the file contains NUL bytes/);
    expect(error.message.ja).toContain('2行目');
  });

  it('refuses Shift_JIS with E_NOT_UTF8 and the line of the first bad byte', async () => {
    // 「第1 総則」「1 目的」 in Shift_JIS: the second line holds the first byte that is not UTF-8.
    const sjis = new Uint8Array([0x31, 0x0a, 0x91, 0xe6, 0x31, 0x81, 0x40, 0x91, 0x8d, 0x91, 0xa5, 0x0a, 0x31, 0x81, 0x40, 0x96, 0xda, 0x93, 0x49, 0x0a]);
    const response = await uploadBytes(admin, sjis);
    expect(response.statusCode).toBe(422);
    const { error } = response.json<ErrorAnswer>();
    expect(error.code).toBe('E_NOT_UTF8');
    expect(error.message.en).toMatch(/^line 2: the file is not valid UTF-8/);
    expect(error.message.ja).toContain('UTF-8ではありません');
  });

  it('refuses text without numbered clauses, and reports a numbering jump as a warning with its line', async () => {
    const none = await admin.post('/api/policy/import-text', { text: 'ただの文章です。\n番号はありません。' });
    expect(none.statusCode).toBe(422);
    expect(none.json<ErrorAnswer>().error.code).toBe('E_NO_CLAUSES');
    const jump = await admin.post('/api/policy/import-text', { text: '第1\u3000総則\n1\u3000管理\nア\u3000職員は、管理しなければならない。\nウ\u3000職員は、報告しなければならない。\n' });
    expect(jump.statusCode).toBe(200);
    expect(jump.json<Parsed>().warnings).toEqual([expect.objectContaining({ code: 'numbering-jump', line: 4 })]);
  });

  it('refuses more than 1 MiB of text', async () => {
    const response = await admin.post('/api/policy/import-text', { text: `第1\u3000総則\n${'あ'.repeat(400_000)}` });
    expect([400, 413]).toContain(response.statusCode);
  });

  it('is the administrator\'s: staff and officers are refused', async () => {
    for (const client of [staff, officer]) {
      const response = await client.post('/api/policy/import-text', { text: fixture('jo-style.txt').toString('utf8') });
      expect(response.statusCode).toBe(403);
    }
  });
});

describe('draft packages', () => {
  let jo: Parsed;
  let draftId: string;

  beforeAll(async () => {
    jo = await parse('jo-style.txt');
  });

  const draftOf = (parsed: Parsed, clauses: DraftClause[] = parsed.clauses) => ({
    style: parsed.style, title: parsed.title, clauses, versions: parsed.versions, roles: parsed.roles, warnings: parsed.warnings,
  });
  const journalOf = (id: string) =>
    t.database.db.selectFrom('journal').select(['type', 'entity_type', 'entity_id', 'data']).where('entity_id', '=', id).orderBy('seq').execute();

  it('saves a reviewed draft with its journal entry, lists it and reopens it', async () => {
    // The reviewer merged 6.後段 back into 6.
    const reviewed = jo.clauses.filter((clause) => clause.id !== '6.後段');
    const response = await admin.post('/api/policy/drafts', { name: '架空市 管理規程 下書き', sourceText: fixture('jo-style.txt').toString('utf8'), draft: draftOf(jo, reviewed) });
    expect(response.statusCode, response.body).toBe(201);
    draftId = response.json<{ id: string }>().id;

    expect(await journalOf(draftId)).toEqual([
      { type: 'policy.draft_saved', entity_type: 'policy_draft', entity_id: draftId, data: { name: '架空市 管理規程 下書き', clauses: reviewed.length, sourceSha256: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown } },
    ]);

    const list = (await admin.get('/api/policy/drafts')).json<{ items: { id: string; name: string; clauseCount: number }[] }>();
    expect(list.items).toEqual([expect.objectContaining({ id: draftId, name: '架空市 管理規程 下書き', clauseCount: reviewed.length })]);

    const one = (await admin.get(`/api/policy/drafts/${draftId}`)).json<{ name: string; lines: string[]; draft: ImportedStandard }>();
    expect(one.draft.clauses.map((c) => c.id)).toEqual(reviewed.map((c) => c.id));
    expect(one.lines[31]).toContain('第6条（廃棄）');
  });

  it('updates a draft (re-parenting recomputes depths) and journals the update', async () => {
    // Re-parent 5の2 (外部記録媒体) under 5 as 5.3.
    const clauses = jo.clauses.map((clause) => (clause.id === '5の2' ? { ...clause, id: '5.3', parentId: '5' } : clause));
    const response = await admin.request('PUT', `/api/policy/drafts/${draftId}`, { name: '架空市 管理規程 下書き（確認済み）', draft: draftOf(jo, clauses) });
    expect(response.statusCode, response.body).toBe(200);
    const one = (await admin.get(`/api/policy/drafts/${draftId}`)).json<{ name: string; draft: ImportedStandard }>();
    expect(one.name).toBe('架空市 管理規程 下書き（確認済み）');
    expect(one.draft.clauses.find((c) => c.id === '5.3')).toMatchObject({ parentId: '5', depth: 3 });
    const entries = await journalOf(draftId);
    expect(entries.map((e) => e.type)).toEqual(['policy.draft_saved', 'policy.draft_updated']);
    expect(entries[1]?.data).toEqual({ name: '架空市 管理規程 下書き（確認済み）', clauses: jo.clauses.length, previousClauses: jo.clauses.length - 1, renamedFrom: '架空市 管理規程 下書き' });
  });

  it('downloads the draft package files as YAML', async () => {
    const clauses = await admin.get(`/api/policy/drafts/${draftId}/files/clauses.yaml`);
    expect(clauses.statusCode).toBe(200);
    expect(clauses.headers['content-type']).toContain('application/yaml');
    expect(clauses.headers['content-disposition']).toBe('attachment; filename="clauses.yaml"');
    expect(clauses.body).toContain('style: article');
    expect(clauses.body).toContain('id: "5.3"');
    const pkg = await admin.get(`/api/policy/drafts/${draftId}/files/package.yaml`);
    expect(pkg.body).toContain('packageId: TODO');
    const versions = await admin.get(`/api/policy/drafts/${draftId}/files/versions.yaml`);
    expect(versions.body).toContain('effective: 2023-03-20');
    expect((await admin.get(`/api/policy/drafts/${draftId}/files/secrets.txt`)).statusCode).toBe(400);
  });

  it('refuses a draft with a cycle, a dangling parent or a repeated id, and writes nothing', async () => {
    const cycle = jo.clauses.map((clause) => (clause.id === '2' ? { ...clause, parentId: '2.1' } : clause));
    const dangling = jo.clauses.map((clause) => (clause.id === '7.1' ? { ...clause, parentId: '99' } : clause));
    const repeated = jo.clauses.map((clause) => (clause.id === '7.2' ? { ...clause, id: '7.1' } : clause));
    const expectations: [DraftClause[], string, string][] = [
      [cycle, 'form a cycle', `draft.clauses.${jo.clauses.findIndex((c) => c.id === '2')}.parentId`],
      [dangling, 'does not exist', `draft.clauses.${jo.clauses.findIndex((c) => c.id === '7.1')}.parentId`],
      [repeated, 'is used twice', `draft.clauses.${jo.clauses.findIndex((c) => c.id === '7.2')}.id`],
    ];
    const before = await counts();
    const stored = await t.database.db.selectFrom('policy_drafts').selectAll().orderBy('id').execute();
    for (const [clauses, english, path] of expectations) {
      for (const response of [
        await admin.post('/api/policy/drafts', { name: '壊れた下書き', sourceText: 'x', draft: draftOf(jo, clauses) }),
        await admin.request('PUT', `/api/policy/drafts/${draftId}`, { name: '壊れた下書き', draft: draftOf(jo, clauses) }),
      ]) {
        expect(response.statusCode).toBe(400);
        const { error } = response.json<ErrorAnswer>();
        expect(error.code).toBe('E_VALIDATION');
        expect(error.fields).toContainEqual({ path, message: { ja: expect.any(String) as unknown, en: expect.stringContaining(english) as unknown } });
      }
    }
    expect(await counts()).toEqual(before);
    expect(await t.database.db.selectFrom('policy_drafts').selectAll().orderBy('id').execute()).toEqual(stored);
  });

  it('is offered in the menu to the administrator only', async () => {
    const navigation = async (client: ApiClient) => (await client.get('/api/session')).json<{ user: { navigation: { policyImport?: boolean } } }>().user.navigation.policyImport;
    expect(await navigation(admin)).toBe(true);
    expect(await navigation(staff)).toBe(false);
    expect(await navigation(officer)).toBe(false);
  });

  it('is hidden from everyone but the administrator', async () => {
    const before = await counts();
    for (const client of [staff, officer]) {
      expect((await client.get('/api/policy/drafts')).statusCode).toBe(403);
      expect((await client.post('/api/policy/drafts', { name: 'x', sourceText: 'x', draft: draftOf(jo) })).statusCode).toBe(403);
      expect((await client.get(`/api/policy/drafts/${draftId}`)).statusCode).toBe(404);
      expect((await client.request('PUT', `/api/policy/drafts/${draftId}`, { name: 'x', draft: draftOf(jo) })).statusCode).toBe(404);
      expect((await client.get(`/api/policy/drafts/${draftId}/files/clauses.yaml`)).statusCode).toBe(404);
    }
    expect((await admin.get('/api/policy/drafts/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect(await counts()).toEqual(before);
  });
});
