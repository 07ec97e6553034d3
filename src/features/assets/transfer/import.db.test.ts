import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../../../../test/helpers/app.js';
import { makeAsset, makeDepartment } from '../../../../test/helpers/factories.js';
import { fileUpload } from '../../../../test/helpers/multipart.js';
import { signedInUser } from '../../../../test/helpers/signed-in.js';
import { journalSince } from '../../../../test/helpers/table-state.js';
import { verifyJournal } from '../../../journal/verify.js';
import type { AssetImportView } from './schemas.js';
import { fixture } from '../../../../test/helpers/fixtures.js';

let t: TestApp;
let ownDept: string;
let officer: ApiClient;
let officerId: string;
let otherOfficer: ApiClient;
let staff: ApiClient;

const db = () => t.database.db;
const count = async (table: 'assets' | 'asset_imports' | 'journal') => Number((await db().selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

beforeAll(async () => {
  t = await createTestApp();
  ownDept = (await makeDepartment(db(), { name: '戸籍住民課', code: 'koseki' })).id;
  const taxDept = (await makeDepartment(db(), { name: '税務課', code: 'zeimu' })).id;
  const o = await signedInUser(t.app, db(), { departmentId: ownDept, roles: [{ role: 'security_officer' }] });
  officer = o.client;
  officerId = o.user.id;
  otherOfficer = (await signedInUser(t.app, db(), { departmentId: taxDept, roles: [{ role: 'security_officer' }] })).client;
  staff = (await signedInUser(t.app, db(), { departmentId: ownDept })).client;
  const now = new Date();
  await fixture(db(), (tx) =>
    tx
      .insertInto('media')
      .values([
        { code: 'USB-001', kind: 'usb', department_id: ownDept, issued_on: '2025-04-01', locked_storage: false, created_at: now, updated_at: now },
        { code: 'USB-002', kind: 'usb', department_id: ownDept, issued_on: '2025-04-01', locked_storage: true, created_at: now, updated_at: now },
      ])
      .execute(),
  );
  await makeAsset(db(), { departmentId: ownDept, labelCode: 'AAAA-BBBB', name: '既存の資産' });
});
afterAll(async () => t.close());

const upload = (client: ApiClient, fileName: string, content: Buffer, fields: Record<string, string> = {}) => {
  const { payload, headers } = fileUpload(fileName, content, fields);
  return client.request('POST', '/api/assets/imports', payload, headers);
};

const headers = ['No.', '情報資産名', '資産の種別', '所管課', '重要性分類', '該当基準', '分類理由', '保管場所', '記録媒体', '見直し日', 'ラベル番号', '備考'];

/** A 台帳 as a municipality keeps it: a title row, its own header names, a date cell, a notes column. */
async function daicho(rows: unknown[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('情報資産台帳');
  sheet.addRow(['戸籍住民課 情報資産台帳（令和8年度）']);
  sheet.addRow([]);
  sheet.addRow(headers);
  rows.forEach((row, i) => sheet.addRow([i + 1, ...row]));
  sheet.getColumn(10).numFmt = 'yyyy/mm/dd';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const good = [
  ['住民票写し交付簿', '紙', '戸籍住民課', 'Ⅱ', '', '', '1階 書庫A', '', '令和8年4月1日', '', '毎年度更新'],
  ['住民基本台帳データ', '電子データ', 'koseki', '重要性分類Ⅰ', 'ア、イ', '区民の個人情報を含み法令で守秘されるため', 'サーバ室', 'USB-002', new Date(Date.UTC(2027, 2, 31)), '', ''],
  ['戸籍届書', '紙文書', '戸籍住民課', '重要性分類Ⅰ', '(ア)', '個人情報', '書庫B', '', '2026/12/1', 'CCCC-DDDD', ''],
];

// Row numbers in the sheet: title (1), blank (2), header (3), then data from 4.
const bad = [
  ['', '紙', '戸籍住民課', 'Ⅱ', '', '', '', '', '', '', ''], // 7: name missing
  ['机', '家具', '戸籍住民課', 'Ⅱ', '', '', '', '', '', '', ''], // 8: unknown kind
  ['謎の台帳', '紙', '存在しない課', 'Ⅱ', '', '', '', '', '', '', ''], // 9: unknown 課等
  ['課税台帳', '電子データ', '税務課', 'Ⅱ', '', '', '', '', '', '', ''], // 10: not the officer's 課等
  ['理由なし', '電子データ', '戸籍住民課', 'Ⅰ', '', '', '', '', '', '', ''], // 11: criteria and justification missing
  ['三類', '紙', '戸籍住民課', 'Ⅲ', '', '', '', '', '', '', ''], // 12: unknown class
  ['日付誤り', '紙', '戸籍住民課', 'Ⅱ', '', '', '', '', '2026-02-30', '', ''], // 13: no such day
  ['施錠なし', '電子データ', '戸籍住民課', 'Ⅰ', 'ア', '個人情報', '', 'USB-001', '', '', ''], // 14: medium not locked
  ['重複番号', '紙', '戸籍住民課', 'Ⅱ', '', '', '', '', '', 'AAAA-BBBB', ''], // 15: label code taken
  ['同一番号1', '紙', '戸籍住民課', 'Ⅱ', '', '', '', '', '', 'EEEE-FFFF', ''], // 16
  ['同一番号2', '紙', '戸籍住民課', 'Ⅱ', '', '', '', '', '', 'eeee-ffff', ''], // 17: repeats row 16
  ['=cmd|\'/c calc\'!A1', '紙', '戸籍住民課', 'Ⅱ', '', '', '', '', '', '', ''], // 18: formula text
  ['数式', '紙', '戸籍住民課', 'Ⅱ', '', '', { formula: '"書庫"&"C"', result: '書庫C' }, '', '', '', ''], // 19: formula cell
  ['媒体不明', '紙', '戸籍住民課', 'Ⅱ', '', '', '', 'USB-999', '', '', ''], // 20: unknown medium
  ['基準誤り', '紙', '戸籍住民課', 'Ⅰ', 'カ', '理由', '', '', '', '', ''], // 21: unknown criterion
];

describe('importing a 台帳 with mistakes', () => {
  let view: AssetImportView;
  let journalBefore: number;
  let assetsBefore: number;

  it('reports every problem with its row and column, and writes nothing but the validation entry', async () => {
    journalBefore = await count('journal');
    assetsBefore = await count('assets');
    const response = await upload(officer, '情報資産台帳.xlsx', await daicho([...good, ...bad]));
    expect(response.statusCode, response.body).toBe(201);
    view = response.json<AssetImportView>();
    expect(view.status).toBe('invalid');
    expect(view.fileName).toBe('情報資産台帳.xlsx');
    expect(view.headerRow).toBe(3);
    expect(view.rowCount).toBe(good.length + bad.length);
    expect(view.columns.map((c) => c.field)).toEqual([null, 'name', 'kind', 'department', 'classLevel', 'classCriteria', 'classJustification', 'location', 'mediumCode', 'reviewDue', 'labelCode', null]);

    const found = view.errors.map((e) => `${e.row} ${e.column} ${e.code}`);
    expect(found).toEqual([
      '7 情報資産名 E_IMPORT_REQUIRED',
      '8 資産の種別 E_IMPORT_UNKNOWN_KIND',
      '9 所管課 E_IMPORT_UNKNOWN_DEPARTMENT',
      '10 所管課 E_IMPORT_DEPARTMENT_NOT_MANAGED',
      '11 該当基準 E_IMPORT_CLASSIFICATION',
      '11 分類理由 E_IMPORT_JUSTIFICATION_REQUIRED',
      '12 重要性分類 E_IMPORT_UNKNOWN_CLASS',
      '13 見直し日 E_IMPORT_INVALID_DATE',
      '14 記録媒体 E_MEDIUM_NOT_LOCKED',
      '15 ラベル番号 E_IMPORT_LABEL_CODE_TAKEN',
      '17 ラベル番号 E_IMPORT_DUPLICATE_LABEL_CODE',
      '18 情報資産名 E_IMPORT_FORMULA_TEXT',
      '19 保管場所 E_IMPORT_FORMULA',
      '20 記録媒体 E_MEDIUM_NOT_ISSUED',
      '21 該当基準 E_IMPORT_UNKNOWN_CRITERIA',
    ]);
    expect(view.errorCount).toBe(found.length);
    for (const error of view.errors) {
      expect(error.message.ja.length).toBeGreaterThan(5);
      expect(error.message.en.length).toBeGreaterThan(5);
    }
    expect(view.errors.find((e) => e.row === 17)?.message.ja).toContain('16行目');
    // The rows that were sound are shown as read.
    expect(view.preview.map((p) => p.name)).toEqual(['住民票写し交付簿', '住民基本台帳データ', '戸籍届書', '同一番号1']);
    expect(view.preview[1]).toMatchObject({ kind: 'electronic_data', departmentName: '戸籍住民課', classLevel: 'class-1', classCriteria: 'ア、イ', reviewDue: '2027-03-31' });

    expect(await count('assets')).toBe(assetsBefore);
    const entries = await journalSince(db(), journalBefore);
    expect(entries.map((e) => e.type)).toEqual(['asset_import.validated']);
    expect(entries[0]).toMatchObject({ entity_id: view.id, actor_id: officerId });
    expect(entries[0]?.data).toMatchObject({ fileName: '情報資産台帳.xlsx', rows: view.rowCount, errors: found.length });
  });

  it('refuses to commit it, and writes nothing', async () => {
    const journal = await count('journal');
    const response = await officer.post(`/api/assets/imports/${view.id}/commit`);
    expect(response.statusCode).toBe(409);
    expect(response.json<{ error: { code: string } }>().error.code).toBe('E_IMPORT_INVALID');
    expect(await count('assets')).toBe(assetsBefore);
    expect(await count('journal')).toBe(journal);
  });

  it('shows the stored result again to its uploader only', async () => {
    const again = await officer.get(`/api/assets/imports/${view.id}`);
    expect(again.statusCode).toBe(200);
    expect(again.json<AssetImportView>()).toEqual(view);
    expect((await otherOfficer.get(`/api/assets/imports/${view.id}`)).statusCode).toBe(404);
    expect((await staff.get(`/api/assets/imports/${view.id}`)).statusCode).toBe(404);
    expect((await officer.get('/api/assets/imports/not-a-uuid')).statusCode).toBe(400);
  });
});

describe('importing the corrected 台帳', () => {
  let view: AssetImportView;

  it('validates, then commits every row in one act with one journal entry per asset', async () => {
    const assetsBefore = await count('assets');
    const uploaded = await upload(officer, 'daicho-fixed.xlsx', await daicho(good));
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    view = uploaded.json<AssetImportView>();
    expect(view.status).toBe('validated');
    expect(view.errors).toEqual([]);
    expect(await count('assets')).toBe(assetsBefore);

    expect((await otherOfficer.post(`/api/assets/imports/${view.id}/commit`)).statusCode).toBe(404);
    expect(await count('assets')).toBe(assetsBefore);

    const journalBefore = await count('journal');
    const committed = await officer.post(`/api/assets/imports/${view.id}/commit`);
    expect(committed.statusCode, committed.body).toBe(200);
    expect(committed.json<AssetImportView>()).toMatchObject({ status: 'committed', createdAssets: good.length });

    const assets = await db().selectFrom('assets').selectAll().where('created_by', '=', officerId).orderBy('name').execute();
    expect(assets.map((a) => a.name).sort()).toEqual(['住民基本台帳データ', '住民票写し交付簿', '戸籍届書'].sort());
    const secret = assets.find((a) => a.name === '住民基本台帳データ');
    expect(secret).toMatchObject({ kind: 'electronic_data', department_id: ownDept, class_level: 'class-1', class_criteria: ['resident-impact', 'secret-by-law'], location: 'サーバ室', review_due: '2027-03-31' });
    expect(secret?.medium_id).not.toBeNull();
    expect(secret?.label_code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(assets.find((a) => a.name === '戸籍届書')?.label_code).toBe('CCCC-DDDD');
    expect(assets.find((a) => a.name === '住民票写し交付簿')?.review_due).toBe('2026-04-01');

    const entries = await journalSince(db(), journalBefore);
    expect(entries.map((e) => e.type)).toEqual(['asset_import.committed', 'asset.created', 'asset.created', 'asset.created']);
    expect(entries[0]?.data).toEqual({ fileName: 'daicho-fixed.xlsx', rows: 3 });
    for (const entry of entries.slice(1)) expect(entry.data).toMatchObject({ source: 'import', importId: view.id, departmentId: ownDept });
    expect(new Set(entries.slice(1).map((e) => e.entity_id))).toEqual(new Set(assets.map((a) => a.id)));
    expect((await verifyJournal(db())).ok).toBe(true);
  });

  it('refuses a second commit', async () => {
    const journal = await count('journal');
    const again = await officer.post(`/api/assets/imports/${view.id}/commit`);
    expect(again.statusCode).toBe(409);
    expect(again.json<{ error: { code: string } }>().error.code).toBe('E_IMPORT_ALREADY_COMMITTED');
    expect(await count('journal')).toBe(journal);
  });

  it('refuses a commit when a label code was taken since the validation, and writes nothing', async () => {
    const file = await daicho([['後で衝突', '紙', '戸籍住民課', 'Ⅱ', '', '', '', '', '', 'GGGG-HHHH', ''], ['道連れ', '紙', '戸籍住民課', 'Ⅱ', '', '', '', '', '', '', '']]);
    const pending = (await upload(officer, 'late.xlsx', file)).json<AssetImportView>();
    expect(pending.status).toBe('validated');
    await makeAsset(db(), { departmentId: ownDept, labelCode: 'GGGG-HHHH' });
    const assets = await count('assets');
    const journal = await count('journal');
    const response = await officer.post(`/api/assets/imports/${pending.id}/commit`);
    expect(response.statusCode).toBe(409);
    expect(response.json<{ error: { code: string; fields: { message: { ja: string } }[] } }>().error).toMatchObject({ code: 'E_IMPORT_STALE' });
    expect(await count('assets')).toBe(assets);
    expect(await count('journal')).toBe(journal);
  });
});

describe('CSV, mappings and refusals', () => {
  it('reads a CSV with an explicit column mapping', async () => {
    const csv = '\uFEFF名前,区分,課,分類\r\n窓口日誌,紙,koseki,2\r\n';
    const response = await upload(officer, 'nisshi.csv', Buffer.from(csv, 'utf8'), { mapping: JSON.stringify({ 名前: 'name', 区分: 'kind', 課: 'department' }) });
    expect(response.statusCode, response.body).toBe(201);
    const view = response.json<AssetImportView>();
    expect(view.format).toBe('csv');
    expect(view.status).toBe('validated');
    expect(view.columns.map((c) => c.field)).toEqual(['name', 'kind', 'department', 'classLevel']);
  });

  it('names the missing columns on the header row', async () => {
    const response = await upload(officer, 'bare.csv', Buffer.from('名称,保管場所\r\n日誌,書庫\r\n', 'utf8'));
    const view = response.json<AssetImportView>();
    expect(view.status).toBe('invalid');
    expect(view.errors.map((e) => `${e.row} ${e.column} ${e.code}`)).toEqual(['1 種別 E_IMPORT_MISSING_COLUMN', '1 重要性分類 E_IMPORT_MISSING_COLUMN', '1 課等 E_IMPORT_MISSING_COLUMN']);
  });

  it('reads back its own export: every column is recognised', async () => {
    const exported = await officer.get('/api/assets/export.csv');
    const response = await upload(officer, 'export.csv', exported.rawPayload);
    const view = response.json<AssetImportView>();
    expect(view.columns.filter((c) => c.field === null).map((c) => c.header)).toEqual(['状態', '更新日時']);
    // The assets exist already, so every row is refused for its label code, and for nothing else.
    expect(new Set(view.errors.map((e) => e.code))).toEqual(new Set(['E_IMPORT_LABEL_CODE_TAKEN']));
    expect(view.errorCount).toBe(view.rowCount);
  });

  it('refuses Shift_JIS, a PNG named .xlsx, an empty file, a huge file and a malformed mapping, storing nothing', async () => {
    const imports = await count('asset_imports');
    const journal = await count('journal');
    const refusal = async (fileName: string, content: Buffer, fields: Record<string, string> = {}) => {
      const response = await upload(officer, fileName, content, fields);
      return `${response.statusCode} ${response.json<{ error: { code: string } }>().error.code}`;
    };
    expect(await refusal('daicho.csv', Buffer.from('96bc8fcc2c8ee095ca0d0a8fd796af955b2c8e860d0a', 'hex'))).toBe('422 E_IMPORT_SHIFT_JIS');
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100, 1)]);
    expect(await refusal('daicho.xlsx', png)).toBe('422 E_IMPORT_UNSUPPORTED_TYPE');
    expect(await refusal('daicho.csv', Buffer.alloc(0))).toBe('422 E_IMPORT_EMPTY_FILE');
    expect(await refusal('daicho.csv', Buffer.alloc(21 * 1024 * 1024, 0x41))).toBe('422 E_IMPORT_FILE_TOO_LARGE');
    expect(await refusal('daicho.csv', Buffer.from('名称,種別\r\na,紙\r\n'), { mapping: '{"名称": "nonsense"}' })).toBe('422 E_IMPORT_MAPPING_INVALID');
    const noFile = await officer.request('POST', '/api/assets/imports', { file: 'x' });
    expect(noFile.statusCode).toBe(422);
    expect(noFile.json<{ error: { code: string } }>().error.code).toBe('E_IMPORT_NOT_MULTIPART');
    expect(await count('asset_imports')).toBe(imports);
    expect(await count('journal')).toBe(journal);
  });

  it('refuses anyone who manages no 課等 before reading the file', async () => {
    const response = await upload(staff, 'daicho.csv', Buffer.from('名称,種別\r\na,紙\r\n'));
    expect(response.statusCode).toBe(403);
  });
});
