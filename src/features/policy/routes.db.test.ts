import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../../../test/helpers/app.js';
import { contextFor, makeDepartment } from '../../../test/helpers/factories.js';
import { copyPackage, shinjukuDir } from '../../../test/helpers/policy-packages.js';
import { signedInAdmin, signedInUser } from '../../../test/helpers/signed-in.js';
import { readPolicyPackage } from '../../policy/loader.js';
import { loadPolicyFromDirectory, loadPolicyVersion } from './load-policy-version.js';

let t: TestApp;
let staff: ApiClient;
let admin: ApiClient;
let versionId: string;

interface ClauseItem { id: string; parentId: string | null; kind: string; heading: string | null; text: string; status: string | null; label: string }

beforeAll(async () => {
  t = await createTestApp();
  const loaded = readPolicyPackage(shinjukuDir);
  versionId = (await loadPolicyVersion(contextFor(t.database.db, loaded.policy, null), loaded)).versionId;
  const department = await makeDepartment(t.database.db);
  staff = (await signedInUser(t.app, t.database.db, { departmentId: department.id })).client;
  admin = (await signedInAdmin(t.app, t.database.db)).client;
}, 60_000);
afterAll(async () => {
  await t.close();
});

describe('GET /api/policy/versions', () => {
  it('lists the loaded versions with the one in force', async () => {
    const response = await staff.get('/api/policy/versions');
    expect(response.statusCode).toBe(200);
    const body = response.json<{ activeId: string; items: { id: string; version: string; clauseCount: number; active: boolean; municipality: { ja: string } }[] }>();
    expect(body.activeId).toBe(versionId);
    expect(body.items[0]).toMatchObject({ id: versionId, version: '2016-01-01', clauseCount: 234, active: true, municipality: { ja: '新宿区' } });
  });
});

describe('GET /api/policy/clauses', () => {
  it('returns the whole tree, flat in document order with parent ids', async () => {
    const body = (await staff.get('/api/policy/clauses')).json<{ total: number; items: ClauseItem[]; version: { id: string } }>();
    expect(body.total).toBe(234);
    expect(body.version.id).toBe(versionId);
    expect(body.items[0]).toMatchObject({ id: '1', parentId: null, kind: 'heading', heading: '総則' });
    expect(body.items.find((c) => c.id === '3.2.1.表.Ⅰ')).toMatchObject({ parentId: '3.2.1', kind: 'classification', label: '第3 2(1) 表 Ⅰ' });
  });

  it('finds a clause by a Japanese substring', async () => {
    const body = (await staff.get(`/api/policy/clauses?q=${encodeURIComponent('施錠')}`)).json<{ items: ClauseItem[] }>();
    expect(body.items.map((c) => c.id)).toEqual(['2.4.3.ウ']);
    const two = (await staff.get(`/api/policy/clauses?q=${encodeURIComponent('派遣')}`)).json<{ items: ClauseItem[] }>();
    expect(two.items.map((c) => c.id)).toEqual(['6.6', '6.6.1']);
  });

  it('filters by kind, capability and role', async () => {
    const approvals = (await staff.get('/api/policy/clauses?kind=approval-required')).json<{ items: ClauseItem[] }>();
    expect(approvals.items).toHaveLength(11);
    const organisation = (await staff.get('/api/policy/clauses?capability=organisation')).json<{ items: ClauseItem[] }>();
    expect(organisation.items.map((c) => c.id)).toContain('5.3.1');
    expect(organisation.items.every((c) => c.status === 'implemented' || c.status === 'evidence-recorded')).toBe(true);
    const cio = (await staff.get('/api/policy/clauses?role=cio&kind=approval-required')).json<{ items: ClauseItem[] }>();
    expect(cio.items.map((c) => c.id)).toEqual(['3.1.3.ア', '3.3.1', '5.2.2.ア.イ', '5.4.5', '6.7.1']);
  });

  it('refuses bad filters and unknown versions', async () => {
    expect((await staff.get('/api/policy/clauses?kind=wish')).statusCode).toBe(400);
    expect((await staff.get('/api/policy/clauses?version=00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});

describe('GET /api/policy/clauses/:clauseId', () => {
  it('opens a clause whose id has dots and Japanese, URL-encoded', async () => {
    const response = await staff.get(`/api/policy/clauses/${encodeURIComponent('6.3.2.ウ.ただし書')}`);
    expect(response.statusCode).toBe(200);
    const body = response.json<{
      clause: { id: string; kind: string; actorRoles: { role: string; title: { ja: string } }[]; approverRoles: { role: string; title: { ja: string } }[]; capabilities: { id: string; status: string; pages: string[] }[] };
      breadcrumbs: { id: string }[];
      usedBy: { requestTypes: { id: string }[] };
      history: { status: string; versionId: string }[];
    }>();
    expect(body.clause).toMatchObject({ id: '6.3.2.ウ.ただし書', kind: 'reporting', actorRoles: [{ role: 'staff', title: { ja: '職員' } }], approverRoles: [{ role: 'network_admin', title: { ja: 'ネットワーク管理者' } }] });
    expect(body.clause.capabilities.map((c) => [c.id, c.status])).toEqual([['approvals', 'planned'], ['incidents', 'planned']]);
    expect(body.breadcrumbs.map((b) => b.id)).toEqual(['6', '6.3', '6.3.2', '6.3.2.ウ']);
    expect(body.usedBy.requestTypes.map((r) => r.id)).toEqual(['network-detachment']);
    expect(body.history).toEqual([expect.objectContaining({ versionId, status: 'added' })]);
    // Unencoded, as a browser may send it, works too.
    expect((await staff.get('/api/policy/clauses/2.4.2.イ')).statusCode).toBe(200);
  });

  it('shows the pages and live evidence of an implemented capability, and the interpretations', async () => {
    const body = (await staff.get('/api/policy/clauses/5.3.1')).json<{ clause: { status: string; capabilities: { id: string; pages: string[]; evidenceCount: number }[] } }>();
    expect(body.clause.capabilities.find((c) => c.id === 'organisation')).toMatchObject({ pages: ['/organisation/users', '/organisation/departments'] });
    expect(body.clause.capabilities.find((c) => c.id === 'journal')?.evidenceCount).toBeGreaterThan(0);
    expect(body.clause.status).toBe('evidence-recorded');
    const gap = (await staff.get(`/api/policy/clauses/${encodeURIComponent('2.4.2.ア')}`)).json<{ interpretations: { id: string; decision: string }[] }>();
    expect(gap.interpretations.map((i) => i.id)).toEqual(['gap-06-text-defects']);
  });

  it('answers 404 for a clause that does not exist', async () => {
    expect((await staff.get(`/api/policy/clauses/${encodeURIComponent('9.9.ン')}`)).statusCode).toBe(404);
  });
});

describe('GET /api/policy/compliance', () => {
  it('gives every normative clause its capability and status', async () => {
    const body = (await staff.get('/api/policy/compliance')).json<{ summary: { total: number; byStatus: Record<string, number>; byKind: Record<string, number> }; items: { id: string; status: string }[] }>();
    expect(body.summary.total).toBe(187);
    expect(body.items).toHaveLength(187);
    expect(body.summary.byStatus['policy-text-only']).toBe(1);
    expect(body.summary.byKind.obligation).toBe(90);
    expect(body.items.find((i) => i.id === '1.1')?.status).toBe('policy-text-only');
    // Built in part (the asset register), though its approval is still to come: a capability built counts.
    expect(body.items.find((i) => i.id === '2.4.2.イ')?.status).toMatch(/^(implemented|evidence-recorded)$/);
    expect(body.items.find((i) => i.id === '3.1.1.ア')?.status).toBe('planned');
    expect(body.items.find((i) => i.id === '5.3.6')?.status).toMatch(/^(implemented|evidence-recorded)$/);
  });

  it('exports an xlsx workbook with one row per clause', async () => {
    const response = await admin.get('/api/policy/compliance.xlsx');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers['content-disposition']).toMatch(/attachment; filename="bansho-compliance-shinjuku-2016-01-01\.xlsx"/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.rowCount).toBe(188);
    expect(sheet?.getRow(1).getCell(1).value).toBe('条項ID / Clause');
    const ids: unknown[] = [];
    sheet?.eachRow((row, n) => {
      if (n > 1) ids.push(row.getCell(1).value);
    });
    expect(ids).toContain('6.3.2.ウ.ただし書');
  });
});

describe('GET /api/policy/oscal', () => {
  it('exports the version as an OSCAL catalog', async () => {
    const response = await staff.get('/api/policy/oscal');
    expect(response.statusCode).toBe(200);
    const { catalog } = response.json<{ catalog: { uuid: string; metadata: { title: string; 'oscal-version': string }; groups: { id: string; title: string }[] } }>();
    expect(catalog.metadata).toMatchObject({ title: '新宿区情報セキュリティ対策基準', 'oscal-version': '1.1.2' });
    expect(catalog.groups).toHaveLength(7);
  });
});

describe('GET /api/policy/diff', () => {
  it('lists clauses added, removed and changed between two versions', async () => {
    const pkg = copyPackage(shinjukuDir);
    pkg.edit('package.yaml', (text) => text.replace('version: "2016-01-01"', 'version: "2027-01-01"'));
    pkg.edit('clauses.yaml', (text) => text.replace('施錠可能な場所', '施錠できる場所'));
    const outcome = await loadPolicyFromDirectory(contextFor(t.database.db, t.policy, null), pkg.dir);
    pkg.remove();
    if (!outcome.ok) throw new Error('not loaded');
    const body = (await staff.get(`/api/policy/diff?from=${versionId}`)).json<{ to: { id: string }; added: unknown[]; removed: unknown[]; changed: { id: string }[] }>();
    expect(body.to.id).toBe(outcome.result.versionId);
    expect(body).toMatchObject({ added: [], removed: [] });
    expect(body.changed.map((c) => c.id)).toEqual(['2.4.3.ウ']);
    const history = (await staff.get(`/api/policy/clauses/${encodeURIComponent('2.4.3.ウ')}`)).json<{ history: { status: string }[] }>();
    expect(history.history.map((h) => h.status)).toEqual(['added', 'changed']);
  });
});

describe('signed out', () => {
  it('every policy route needs a signed-in user', async () => {
    for (const url of ['/api/policy/versions', '/api/policy/clauses', '/api/policy/compliance', '/api/policy/compliance.xlsx', '/api/policy/oscal', '/api/policy/capabilities']) {
      expect((await t.app.inject({ method: 'GET', url })).statusCode, url).toBe(401);
    }
  });
});

describe('the search index', () => {
  it('holds trigrams of Japanese text where the database classifies Unicode letters', async () => {
    const { rows } = await sql<{ ctype: string; trigrams: string[] }>`SELECT (SELECT datctype FROM pg_database WHERE datname = current_database()) AS ctype, show_trgm('施錠可能') AS trigrams`.execute(t.database.db);
    const [row] = rows;
    if (row?.ctype !== 'C.UTF-8') return; // a platform without C.UTF-8: search still works, by scanning
    expect(row.trigrams.length).toBeGreaterThan(0);
  });
});
