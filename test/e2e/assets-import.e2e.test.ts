import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../helpers/server.js';
import { assertServesWebUi, assertWebBuilt, expectNoAxeViolations, expectText, heading, launchBrowser, newContext, phone, signIn } from './browser.js';

/** A 台帳 as a 課 keeps it in Excel: a title row, its own column names, a date cell. */
async function daicho(rows: unknown[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('台帳');
  sheet.addRow(['戸籍住民課 情報資産台帳']);
  sheet.addRow(['情報資産名', '種別', '所管課', '重要性分類', '該当基準', '分類理由', '保管場所', '見直し日']);
  for (const row of rows) sheet.addRow(row);
  sheet.getColumn(8).numFmt = 'yyyy/mm/dd';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const names = ['E2E 住民票交付申請書綴', 'E2E 住民記録システム設定情報', 'E2E 窓口混雑状況記録'];
const goodRows = [
  [names[0], '紙', '戸籍住民課', 'Ⅱ', '', '', '書庫A', '令和8年4月1日'],
  [names[1], '電子データ', '戸籍住民課', '重要性分類Ⅰ', 'オ', 'システムの設定情報のため', 'サーバ室', new Date(Date.UTC(2027, 2, 31))],
  [names[2], '電子データ', '戸籍住民課', 'Ⅱ', '', '', '', ''],
];
const badRows = [
  ['E2E 誤り1', '家具', '戸籍住民課', 'Ⅱ', '', '', '', ''], // row 6: unknown kind
  ['E2E 誤り2', '紙', '税務課', 'Ⅱ', '', '', '', ''], // row 7: another 課's asset
  ['E2E 誤り3', '電子データ', '戸籍住民課', 'Ⅰ', '', '', '', ''], // row 8: criteria and reason missing
  ['=HYPERLINK("http://evil.example")', '紙', '戸籍住民課', 'Ⅱ', '', '', '', '2026-02-30'], // row 9: formula, bad date
];

// An officer's session: a 台帳 with mistakes is refused with every mistake shown, the corrected one is committed.
describe('importing a register in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let officer: Page;

  const assetsNamed = async (prefix: string) =>
    server.database.db.selectFrom('assets').select('name').where('name', 'like', `${prefix}%`).execute();

  const chooseFile = async (page: Page, name: string, buffer: Buffer) => {
    await page.getByLabel(/^台帳ファイル/).setInputFiles({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
    await page.getByRole('button', { name: '読み込んで確認する' }).click();
  };

  beforeAll(async () => {
    assertWebBuilt();
    server = await startTestServer();
    await assertServesWebUi(server.url);
    browser = await launchBrowser();
    context = await newContext(browser);
    officer = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('opens the import page from the inventory, with the template and the clauses it rests on', async () => {
    await signIn(officer, server.url, 'officer', DEMO_PASSWORD);
    await heading(officer, /ようこそ/);
    await officer.goto(`${server.url}/assets`);
    await heading(officer, '情報資産目録');
    await officer.getByRole('link', { name: '一括取込' }).click();
    await heading(officer, '情報資産の一括登録');
    expect(new URL(officer.url()).pathname).toBe('/assets/import');
    expect(await officer.getByRole('link', { name: 'ひな形（Excel）をダウンロード' }).getAttribute('href')).toBe('/api/assets/import-template.xlsx');
    await officer.locator('[data-clause="2.3"]').waitFor();
    await expectNoAxeViolations(officer, 'import page');
  });

  it('asks for a file before sending anything', async () => {
    await officer.getByRole('button', { name: '読み込んで確認する' }).click();
    await expectText(officer, 'ファイルを選んでください。', 'main');
  });

  it('lists every mistake of a 台帳 by row and column, and registers nothing', async () => {
    await chooseFile(officer, '台帳（誤りあり）.xlsx', await daicho([...goodRows, ...badRows]));
    await officer.getByRole('heading', { level: 2, name: '確認結果' }).waitFor();
    await expectText(officer, '誤りが 6 件あります。何も登録されていません。', '[data-testid="import-result"]');
    const rows = await officer.getByTestId('import-errors').locator('tbody tr').allInnerTexts();
    const lines = rows.map((row) => row.replace(/\s+/g, ' '));
    expect(lines).toHaveLength(6);
    expect(lines[0]).toMatch(/^6行目 種別 種別「家具」はありません/);
    expect(lines[1]).toMatch(/^7行目 所管課 「税務課」の情報資産は登録できません/);
    expect(lines[2]).toMatch(/^8行目 該当基準 重要性分類Ⅰに該当する基準を1つ以上選んでください/);
    expect(lines[3]).toMatch(/^8行目 分類理由 重要性分類Ⅰに分類する理由を記入してください/);
    expect(lines[4]).toMatch(/^9行目 情報資産名 .*数式として実行されるおそれ/);
    expect(lines[5]).toMatch(/^9行目 見直し日 日付「2026-02-30」を読み取れません/);
    await expect(officer.getByRole('button', { name: /件を登録する$/ }).count()).resolves.toBe(0);
    await expectNoAxeViolations(officer, 'import with errors');
    expect(await assetsNamed('E2E')).toEqual([]);
  });

  it("shows the problems in the reader's language", async () => {
    await officer.getByRole('button', { name: 'English' }).click();
    await heading(officer, 'Import assets');
    await expectText(officer, 'Unknown kind "家具"', '[data-testid="import-errors"]');
    await expectText(officer, '6 problems found. Nothing was registered.', '[data-testid="import-result"]');
    await officer.getByRole('button', { name: '日本語' }).click();
    await heading(officer, '情報資産の一括登録');
  });

  it('commits the corrected 台帳 at once and shows the assets in the inventory', async () => {
    await officer.goto(`${server.url}/assets/import`);
    await heading(officer, '情報資産の一括登録');
    await chooseFile(officer, '台帳（修正済み）.xlsx', await daicho(goodRows));
    await expectText(officer, '誤りはありません。3件を登録できます。', '[data-testid="import-result"]');
    const preview = await officer.getByTestId('import-preview').innerText();
    for (const name of names) expect(preview).toContain(name);
    expect(preview).toContain('重要性分類Ⅰ（オ）');
    expect(await assetsNamed('E2E')).toEqual([]);

    await officer.getByRole('button', { name: '3件を登録する' }).click();
    await expectText(officer, '3件の情報資産を登録しました。', '[data-testid="import-result"]');
    await expectNoAxeViolations(officer, 'import committed');
    expect((await assetsNamed('E2E')).map((a) => a.name).sort()).toEqual([...names].sort());

    await officer.getByRole('link', { name: '情報資産目録を開く' }).click();
    await heading(officer, '情報資産目録');
    for (const name of names) await expectText(officer, name, 'main');
  });

  it('works on a phone: no sideways scrolling, errors as cards', async () => {
    const mobile = await newContext(browser, phone);
    const page = await mobile.newPage();
    await signIn(page, server.url, 'officer', DEMO_PASSWORD);
    await heading(page, /ようこそ/);
    await page.goto(`${server.url}/assets/import`);
    await heading(page, '情報資産の一括登録');
    await chooseFile(page, 'daicho.xlsx', await daicho(badRows));
    await page.getByTestId('import-errors').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    await expectNoAxeViolations(page, 'import errors on a phone');
    await mobile.close();
  });
});
