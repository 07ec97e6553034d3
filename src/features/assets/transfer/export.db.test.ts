import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { Readable } from 'node:stream';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../../../../test/helpers/app.js';
import { actorOf, contextFor, grantAccess, makeAsset, makeDepartment } from '../../../../test/helpers/factories.js';
import { signedInUser } from '../../../../test/helpers/signed-in.js';
import { journalSince } from '../../../../test/helpers/table-state.js';
import { startAssetExport } from './export-assets.js';
import { exportRowBatches } from './export-rows.js';
import { assetColumns } from './import-columns.js';
import { labelSheetDocument } from './label-sheet-pdf.js';
import { orderAssets, visibleAssets } from '../queries.js';
import { assetSorts } from '../asset-rules.js';
import { fixture } from '../../../../test/helpers/fixtures.js';

let t: TestApp;
let ownDept: string;
let otherDept: string;
let officer: ApiClient;
let officerId: string;
let staff: ApiClient;
let auditor: ApiClient;
let auditorId: string;
let granted: { id: string; label_code: string };
let dangerous: { id: string };
let foreignSecret: { id: string; label_code: string };

const db = () => t.database.db;
const journalLength = async () => Number((await db().selectFrom('journal').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

beforeAll(async () => {
  t = await createTestApp();
  ownDept = (await makeDepartment(db(), { name: '戸籍住民課', code: 'koseki' })).id;
  otherDept = (await makeDepartment(db(), { name: '税務課', code: 'zeimu' })).id;
  const auditDept = (await makeDepartment(db(), { name: '監査事務局', code: 'kansa' })).id;
  const o = await signedInUser(t.app, db(), { departmentId: ownDept, roles: [{ role: 'security_officer' }] });
  officer = o.client;
  officerId = o.user.id;
  const s = await signedInUser(t.app, db(), { departmentId: ownDept });
  staff = s.client;
  const a = await signedInUser(t.app, db(), { departmentId: auditDept, roles: [{ role: 'auditor' }] });
  auditor = a.client;
  auditorId = a.user.id;

  granted = await makeAsset(db(), { departmentId: ownDept, name: '窓口受付簿', kind: 'paper', location: '1階 窓口' });
  await grantAccess(db(), granted.id, 'user', s.user.id);
  await makeAsset(db(), { departmentId: ownDept, name: '住民基本台帳ファイル', classLevel: 'class-1', classCriteria: ['resident-impact', 'trust-harm'], location: 'サーバ室' });
  dangerous = await makeAsset(db(), { departmentId: ownDept, name: '=HYPERLINK("http://evil.example","開く")', location: '@SUM(1+1)*cmd' });
  await fixture(db(), (tx) => tx.updateTable('assets').set({ description: '-2+3', availability_note: '\tタブで始まる', review_due: '2026-04-01' }).where('id', '=', dangerous.id).execute());
  foreignSecret = await makeAsset(db(), { departmentId: otherDept, name: '課税台帳', classLevel: 'class-1' });
  await makeAsset(db(), { departmentId: otherDept, name: '納税通知控え', kind: 'paper' });
});
afterAll(async () => t.close());

async function readXlsx(body: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.read(Readable.from(body));
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  const rows: ExcelJS.Row[] = [];
  sheet.eachRow((row) => rows.push(row));
  return { sheet, rows };
}

const headerIndex = (field: string) => assetColumns.findIndex((c) => c.field === field);

describe('GET /api/assets/export.xlsx', () => {
  it('streams every asset the officer may read, with Japanese headers, titles and dates, and journals the export', async () => {
    const before = await journalLength();
    const response = await officer.get('/api/assets/export.xlsx?sort=name');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="bansho-assets-\d{8}-\d{4}\.xlsx"$/);
    const { rows } = await readXlsx(response.rawPayload);
    expect((rows[0]?.values as unknown[]).slice(1)).toEqual(assetColumns.map((c) => c.header));
    const data = rows.slice(1);
    expect(data.map((r) => r.getCell(headerIndex('name') + 1).value).sort()).toEqual(['=HYPERLINK("http://evil.example","開く")', '住民基本台帳ファイル', '窓口受付簿'].sort());
    const secret = data.find((r) => r.getCell(headerIndex('name') + 1).value === '住民基本台帳ファイル');
    expect(secret?.getCell(headerIndex('classLevel') + 1).value).toBe('重要性分類Ⅰ');
    expect(secret?.getCell(headerIndex('classCriteria') + 1).value).toBe('ア、ウ');
    expect(secret?.getCell(headerIndex('department') + 1).value).toBe('戸籍住民課');
    expect(secret?.getCell(headerIndex('departmentCode') + 1).value).toBe('koseki');
    expect(secret?.getCell(headerIndex('kind') + 1).value).toBe('電子データ');
    expect(secret?.getCell(headerIndex('status') + 1).value).toBe('使用中');

    // Formula-like text is a plain string cell: nothing for Excel to evaluate.
    const evil = data.find((r) => r.getCell(headerIndex('name') + 1).text.startsWith('='));
    expect(evil?.getCell(headerIndex('name') + 1).type).toBe(ExcelJS.ValueType.String);
    expect(evil?.getCell(headerIndex('location') + 1).type).toBe(ExcelJS.ValueType.String);
    expect(evil?.getCell(headerIndex('reviewDue') + 1).value).toEqual(new Date(Date.UTC(2026, 3, 1)));

    const entries = await journalSince(db(), before);
    expect(entries.map((e) => e.type)).toEqual(['assets.exported']);
    expect(entries[0]?.data).toEqual({ format: 'xlsx', count: 3, restricted: 0, filter: { sort: 'name', order: 'asc' } });
    expect(entries[0]?.entity_id).toBe(response.headers['x-bansho-export-id']);
    expect(entries[0]?.actor_id).toBe(officerId);
  });

  it('gives staff only the assets they hold a right to', async () => {
    const { rows } = await readXlsx((await staff.get('/api/assets/export.xlsx')).rawPayload);
    expect(rows.slice(1).map((r) => r.getCell(headerIndex('labelCode') + 1).value)).toEqual([granted.label_code]);
  });

  it('applies the filters and counts restricted records of other 課等 read by oversight', async () => {
    const before = await journalLength();
    const response = await auditor.get('/api/assets/export.xlsx?classLevel=class-1');
    const { rows } = await readXlsx(response.rawPayload);
    expect(rows.slice(1).map((r) => r.getCell(headerIndex('name') + 1).value).sort()).toEqual(['住民基本台帳ファイル', '課税台帳'].sort());
    const [entry, ...viewed] = await journalSince(db(), before);
    expect(entry?.data).toMatchObject({ format: 'xlsx', count: 2, restricted: 2, filter: { classLevel: 'class-1' } });
    // Each restricted record of another 課等 in the file is a read, journaled as one.
    expect(viewed.map((e) => [e.type, e.data])).toEqual([['asset.viewed', { classLevel: 'class-1', via: 'export' }], ['asset.viewed', { classLevel: 'class-1', via: 'export' }]]);
  });

  it('refuses a malformed filter and anonymous callers', async () => {
    expect((await officer.get('/api/assets/export.xlsx?kind=furniture')).statusCode).toBe(400);
    expect((await officer.get('/api/assets/export.xlsx?page=2')).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/assets/export.xlsx' })).statusCode).toBe(401);
  });
});

describe('GET /api/assets/export.csv', () => {
  it('is UTF-8 with a BOM, CRLF, Japanese headers, and neutralises every cell that starts like a formula', async () => {
    const before = await journalLength();
    const response = await auditor.get('/api/assets/export.csv?sort=department');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect([...response.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(response.body).toContain('\r\n');
    const records: string[][] = parseCsv(response.body, { bom: true });
    expect(records[0]).toEqual(assetColumns.map((c) => c.header));
    expect(records).toHaveLength(6);
    // sort=department: koseki before zeimu.
    expect(records.slice(1).map((r) => r[headerIndex('departmentCode')])).toEqual(['koseki', 'koseki', 'koseki', 'zeimu', 'zeimu']);
    const evil = records.find((r) => r[headerIndex('name')]?.includes('HYPERLINK'));
    expect(evil?.[headerIndex('name')]).toBe(`'=HYPERLINK("http://evil.example","開く")`);
    expect(evil?.[headerIndex('location')]).toBe(`'@SUM(1+1)*cmd`);
    expect(evil?.[headerIndex('description')]).toBe(`'-2+3`);
    expect(evil?.[headerIndex('availabilityNote')]).toBe(`'\tタブで始まる`);
    expect(evil?.[headerIndex('reviewDue')]).toBe('2026-04-01');
    for (const record of records) for (const cell of record) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
    const [entry] = await journalSince(db(), before);
    expect(entry?.data).toMatchObject({ format: 'csv', count: 5, restricted: 2 });
  });
});

describe('keyset batches', () => {
  it('read the rows in exactly the inventory order for every sort and direction, across batch boundaries', async () => {
    // Ties (same names), missing review dates and equal timestamps, to make the keys work.
    const now = new Date();
    for (const [i, name] of ['同名', '同名', '同名', 'あ', 'ん'].entries()) {
      const asset = await makeAsset(db(), { departmentId: i % 2 === 0 ? ownDept : otherDept, name, status: i === 3 ? 'out' : 'active', kind: i % 2 === 0 ? 'paper' : 'system' });
      await fixture(db(), (tx) => tx.updateTable('assets').set({ updated_at: now, review_due: i % 3 === 0 ? null : `2026-0${i + 1}-01` }).where('id', '=', asset.id).execute());
    }
    const actor = await actorOf(db(), (await db().selectFrom('users').innerJoin('role_assignments', 'role_assignments.user_id', 'users.id').select('users.id').where('role', '=', 'auditor').executeTakeFirstOrThrow()).id);
    for (const sort of assetSorts) {
      for (const order of ['asc', 'desc'] as const) {
        const expected = (await orderAssets(visibleAssets(db(), actor, {}).select('assets.id'), sort, order).execute()).map((r) => r.id);
        const read: string[] = [];
        for await (const batch of exportRowBatches(db(), actor, { sort, order }, 2)) read.push(...batch.map((r) => r.id));
        expect(read, `${sort} ${order}`).toEqual(expected);
      }
    }
  });
});

describe('PDF', () => {
  it('prints the inventory as a PDF and journals it', async () => {
    const own = await db().selectFrom('assets').select('id').where('department_id', '=', ownDept).execute();
    const before = await journalLength();
    const response = await officer.get('/api/assets/export.pdf');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(response.rawPayload.subarray(-6).toString()).toContain('%%EOF');
    const [entry] = await journalSince(db(), before);
    expect(entry?.data).toMatchObject({ format: 'pdf', count: own.length, restricted: 0 });
  });

  it('prints labels of chosen assets; an asset the actor may not read makes it 404 and journals nothing', async () => {
    const mine = await db().selectFrom('assets').select('id').where('department_id', '=', ownDept).execute();
    const before = await journalLength();
    const response = await officer.get(`/api/assets/labels.pdf?ids=${mine.map((a) => a.id).join(',')}`);
    expect(response.statusCode).toBe(200);
    expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const [entry] = await journalSince(db(), before);
    expect(entry?.data).toMatchObject({ format: 'labels', count: mine.length, restricted: 0 });

    const afterFirst = await journalLength();
    expect((await officer.get(`/api/assets/labels.pdf?ids=${granted.id},${foreignSecret.id}`)).statusCode).toBe(404);
    expect((await officer.get(`/api/assets/labels.pdf?ids=not-an-id`)).statusCode).toBe(400);
    expect(await journalLength()).toBe(afterFirst);
  });

  it('counts an oversight role printing restricted labels of another 課等', async () => {
    const before = await journalLength();
    expect((await auditor.get(`/api/assets/labels.pdf?ids=${foreignSecret.id}`)).statusCode).toBe(200);
    const [entry, viewed] = await journalSince(db(), before);
    expect(entry?.data).toMatchObject({ format: 'labels', count: 1, restricted: 1 });
    expect([viewed?.type, viewed?.entity_id, viewed?.data]).toEqual(['asset.viewed', foreignSecret.id, { classLevel: 'class-1', via: 'labels' }]);
  });

  // Poppler's pdftotext reads the text as a person would see it; where it is not installed the docDefinition check below stands.
  it.skipIf(!existsSync('/usr/bin/pdftotext'))('the printed label sheet shows code and 課等 but no class; the inventory shows the class', async () => {
    const text = (pdf: Buffer) => execFileSync('/usr/bin/pdftotext', ['-', '-'], { input: pdf }).toString('utf8');
    const labels = text((await auditor.get(`/api/assets/labels.pdf?ids=${foreignSecret.id}`)).rawPayload);
    expect(labels).toContain(foreignSecret.label_code);
    expect(labels).toContain('税務課');
    expect(labels).not.toMatch(/重要性|分類|課税台帳|Ⅰ|Ⅱ/);
    const inventory = text((await auditor.get('/api/assets/export.pdf?classLevel=class-1')).rawPayload);
    expect(inventory).toContain('課税台帳');
    expect(inventory).toContain('重要性分類Ⅰ');
    expect(inventory).toMatch(/1\s*\/\s*1/);
  });

  it('a label carries the QR link, the code and the 課等, and nothing that tells the class (第2 4(1))', () => {
    const document = labelSheetDocument([{ labelCode: '7KQ2-M9XD', departmentName: '戸籍住民課' }], { origin: 'https://bansho.example.lg.jp/', municipality: '新宿区' });
    const text = JSON.stringify(document);
    expect(text).toContain('"qr":"https://bansho.example.lg.jp/assets/label/7KQ2-M9XD"');
    expect(text).toContain('7KQ2-M9XD');
    expect(text).toContain('戸籍住民課');
    for (const level of t.policy.classification?.levels ?? []) {
      for (const telltale of [level.id, level.title.ja, level.title.en, ...level.criteria.map((c) => c.text)]) expect(text).not.toContain(telltale);
    }
    expect(text).not.toMatch(/重要性|分類|Ⅰ|Ⅱ|class/i);
  });
});

describe('GET /api/assets/import-template.xlsx', () => {
  it('offers the import columns and explains them, with the 課等 the officer may register for', async () => {
    const response = await officer.get('/api/assets/import-template.xlsx');
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.read(Readable.from(response.rawPayload));
    const [register, help] = workbook.worksheets;
    expect((register?.getRow(1).values as unknown[]).slice(1)).toEqual(assetColumns.filter((c) => c.importable).map((c) => c.header));
    const helpText: string[] = [];
    help?.eachRow((row) => helpText.push((row.values as unknown[]).join(' ')));
    expect(helpText.join('\n')).toContain('koseki');
    expect(helpText.join('\n')).not.toContain('zeimu');
    expect(helpText.join('\n')).toContain('区民の財産及びプライバシー等に重大な影響を及ぼす情報資産');
  });
});

// Last: it adds a 課等 and assets that the counts above do not expect.
describe('export snapshot', () => {
  it('sends the rows of the snapshot its reads were journaled in: an asset registered meanwhile is not in the file', async () => {
    const welfare = (await makeDepartment(db(), { name: '福祉課' })).id;
    const early = await makeAsset(db(), { departmentId: welfare, name: '受給者台帳', classLevel: 'class-1' });
    const before = await journalLength();
    const started = await startAssetExport(contextFor(db(), t.policy, await actorOf(db(), auditorId)), 'csv', { departmentId: welfare, sort: 'name', order: 'asc' });
    // Committed after the export journaled its reads, before its rows are read.
    const late = await makeAsset(db(), { departmentId: welfare, name: '後から登録された台帳', classLevel: 'class-1' });
    const sent: string[] = [];
    for await (const batch of started.batches) sent.push(...batch.map((row) => row.id));
    const viewed = (await journalSince(db(), before)).filter((e) => e.type === 'asset.viewed').map((e) => e.entity_id);
    expect(sent).toEqual([early.id]);
    // The restricted record of another 課等 that was sent has its read in the journal, and only it.
    expect(viewed).toEqual([early.id]);
    expect(late.id).not.toBe(early.id);
  });
});
