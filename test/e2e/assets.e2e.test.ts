import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../helpers/server.js';
import {
  assertServesWebUi,
  assertWebBuilt,
  choose,
  expectNoAxeViolations,
  expectText,
  field,
  heading,
  launchBrowser,
  newContext,
  phone,
  signIn,
} from './browser.js';

const assetName = 'E2E 住民異動届データ';

/** Nothing may stick out sideways on a 375 px phone (WCAG 1.4.10 reflow). */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/** A download the page links to (served by the register's transfer routes), fetched with the page's session. */
async function expectDownload(page: Page, href: string, contentType: RegExp): Promise<void> {
  const response = await page.request.get(new URL(href, page.url()).toString());
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toMatch(contentType);
}

// The register as its people use it: the 責任者 of 戸籍住民課 lists, registers, classifies and shares an asset;
// a colleague with the right finds it from its label; one from another 課等 learns only whom to ask.
describe('the information asset register in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let officerContext: BrowserContext;
  let officer: Page;
  let assetPath = '';
  let labelCode = '';

  beforeAll(async () => {
    assertWebBuilt();
    server = await startTestServer();
    await assertServesWebUi(server.url);
    browser = await launchBrowser();
    officerContext = await newContext(browser);
    officer = await officerContext.newPage();
    await signIn(officer, server.url, 'officer', DEMO_PASSWORD);
    await heading(officer, '伊藤 責任者さん、ようこそ');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lists the register with the class titles and sorts by column header', async () => {
    await officer.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '情報資産' }).click();
    await heading(officer, '情報資産目録');
    const table = officer.getByRole('table', { name: /情報資産目録/ });
    await table.waitFor();
    await expectText(officer, '住民基本台帳データ', 'table');
    await expectText(officer, '重要性分類Ⅰ', 'table');
    await expectText(officer, '重要性分類Ⅱ', 'table');
    expect(await officer.getByRole('columnheader', { name: /名称/ }).getAttribute('aria-sort')).toBe('ascending');
    await expectNoAxeViolations(officer, 'the register');

    await officer.getByRole('columnheader', { name: /名称/ }).getByRole('link').click();
    await expect.poll(() => officer.url()).toContain('order=desc');
    await expect.poll(() => officer.getByRole('columnheader', { name: /名称/ }).getAttribute('aria-sort')).toBe('descending');

    await choose(officer, '重要性分類', '重要性分類Ⅱ');
    await officer.getByRole('button', { name: '検索する' }).click();
    await expect.poll(() => officer.url()).toContain('classLevel=class-2');
    await expectText(officer, '窓口案内パンフレット原稿', 'table');
    // The previous page stays on screen while the next loads: wait for the new one.
    await expect.poll(() => table.innerText()).not.toContain('住民基本台帳データ');
  });

  it('saves the view under a name, applies it and deletes it', async () => {
    await officer.getByText('保存した条件', { exact: true }).click();
    await field(officer, '条件の名前').fill('分類Ⅱの資産');
    await officer.getByRole('button', { name: '保存する' }).click();
    await expectText(officer, '条件「分類Ⅱの資産」を保存しました。', 'main');
    await expectNoAxeViolations(officer, 'the register with saved filters open');

    await officer.goto(`${server.url}/assets`);
    await heading(officer, '情報資産目録');
    await officer.getByText('保存した条件', { exact: true }).click();
    await officer.getByRole('link', { name: '分類Ⅱの資産' }).click();
    await expect.poll(() => officer.url()).toContain('classLevel=class-2');

    await officer.getByRole('button', { name: '条件「分類Ⅱの資産」を削除' }).click();
    await officer.getByRole('dialog').getByRole('button', { name: '削除' }).click();
    await expectText(officer, '条件「分類Ⅱの資産」を削除しました。', 'main');
  });

  it('registers a class I asset, asking first for the reason and then for a locked medium', async () => {
    await officer.goto(`${server.url}/assets`);
    await officer.getByRole('link', { name: '情報資産を登録' }).click();
    await heading(officer, '情報資産を登録');

    await field(officer, '名称').fill(assetName);
    await choose(officer, '種別', '電子データ');
    // The officer manages one 課等: it is already chosen.
    expect(await officer.getByRole('combobox', { name: /^管理する課等/ }).inputValue()).not.toBe('');
    await officer.getByRole('radio', { name: /^重要性分類Ⅰ\s/ }).check();
    await officer.getByRole('checkbox', { name: /区民の財産及びプライバシー/ }).check();
    await expectText(officer, '重要性分類Ⅰの情報資産の取扱い', 'main');
    await expectText(officer, '記録した媒体は施錠可能な場所に保管する', 'main');
    await expectNoAxeViolations(officer, 'the registration form with class I chosen');

    // No reason given: the form says so beside the field, before anything is sent.
    await officer.getByRole('button', { name: '登録する' }).click();
    await expectText(officer, '重要性分類Ⅰに分類する理由を記入してください。', '.field-invalid');
    expect(new URL(officer.url()).pathname).toBe('/assets/new');
    expect(await field(officer, '分類の理由').getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(officer, 'the registration form with an error');

    // A medium not kept locked: the server refuses and says so on the medium (第2 4(3)ウ).
    await field(officer, '分類の理由').fill('転入・転出の届出により区民の氏名・住所を含むため');
    await field(officer, '所在').fill('戸籍住民課 施錠キャビネットA');
    await choose(officer, '記録媒体', 'KSK-DVD-014（光ディスク・施錠保管なし）');
    await officer.getByRole('button', { name: '登録する' }).click();
    await expectText(officer, '施錠可能な場所に保管しなければなりません', '[role="alert"]');
    await expectText(officer, '施錠可能な場所に保管しなければなりません', '.field-invalid');

    await choose(officer, '記録媒体', 'KSK-USB-001（USBメモリ・施錠保管）');
    await officer.getByRole('textbox', { name: /^見直し期限/ }).fill('2027-03-31');
    await officer.getByRole('button', { name: '登録する' }).click();

    await heading(officer, assetName);
    await expectText(officer, '情報資産を登録しました。ラベル番号は', 'main');
    assetPath = new URL(officer.url()).pathname;
    labelCode = (await officer.locator('.page-meta .code').innerText()).trim();
    expect(labelCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    await expectText(officer, '区民の財産及びプライバシー等に重大な影響を及ぼす情報資産', 'main');
    await expectText(officer, 'KSK-USB-001', 'main');
    await expectNoAxeViolations(officer, 'the new record');
  });

  it('reclassifies the asset with another criterion', async () => {
    await officer.getByRole('link', { name: '編集' }).click();
    await heading(officer, `${assetName}を編集`);
    await officer.getByRole('checkbox', { name: /法令又は区の条例等により守秘/ }).check();
    await field(officer, '分類の理由').fill('住民基本台帳法により守秘され、区民の氏名・住所を含むため');
    await expectNoAxeViolations(officer, 'the edit form');
    await officer.getByRole('button', { name: '変更を保存する' }).click();
    await heading(officer, assetName);
    await expectText(officer, '変更を保存しました。', 'main');
    await expectText(officer, '法令又は区の条例等により守秘されるものと規定されている情報資産', 'main');
    await expectText(officer, '住民基本台帳法により守秘され', 'main');
    const history = officer.getByRole('region', { name: '操作履歴' });
    await expect.poll(() => history.innerText()).toContain('重要性分類の変更');
    expect(await history.innerText()).toContain('情報資産の登録');
  });

  it('grants a staff member the right to read it', async () => {
    const access = officer.getByRole('region', { name: 'アクセス権' });
    await access.getByRole('searchbox', { name: /^職員を検索/ }).fill('山本');
    await access.getByRole('button', { name: '検索' }).click();
    await expectText(officer, '1人見つかりました。', 'main');
    const picker = access.getByRole('combobox', { name: /^対象の職員/ });
    const value = await picker.locator('option', { hasText: '山本 職員' }).getAttribute('value');
    await picker.selectOption(value ?? '');
    await access.getByRole('button', { name: '付与する' }).click();
    await expectText(officer, '山本 職員にアクセス権を付与しました。', 'main');
    const row = access.getByRole('row').filter({ has: officer.getByRole('rowheader', { name: '山本 職員' }) });
    await row.waitFor();
    expect(await row.innerText()).toContain('閲覧');
    expect(await row.innerText()).toContain('伊藤 責任者');
    await expectNoAxeViolations(officer, 'the record after a grant');
  });

  it('records a transmission to another 課等, which then holds and manages it', async () => {
    const copies = officer.getByRole('region', { name: '複製・送信' });
    await copies.getByRole('radio', { name: '送信' }).check();
    await choose(officer, '保有する課等', '税務課');
    await copies.getByRole('textbox', { name: /^複製・送信先の所在/ }).fill('税務課 課税システム');
    await copies.getByRole('button', { name: '記録する' }).click();
    await expectText(officer, '複製・送信先の情報資産を記録しました。ラベル番号は', 'main');
    await expect.poll(() => copies.innerText()).toMatch(/送信: [0-9A-Z]{4}-[0-9A-Z]{4} 税務課/);
  });

  it('links the label sheet and the journal', async () => {
    const labelLink = officer.getByTestId('label-pdf');
    const href = (await labelLink.getAttribute('href')) ?? '';
    expect(href).toBe(`/api/assets/labels.pdf?ids=${assetPath.split('/').pop() ?? ''}`);
    await expectDownload(officer, href, /^application\/pdf/);

    await officer.getByRole('link', { name: /履歴/ }).click();
    await heading(officer, 'ジャーナル');
    await expect.poll(() => officer.url()).toContain('entityType=asset');
  });

  it('acts on selected assets at once after a confirmation, and exports the register', async () => {
    await officer.goto(`${server.url}/assets?q=${encodeURIComponent('E2E')}`);
    await heading(officer, '情報資産目録');
    await officer.getByRole('checkbox', { name: `${assetName}を選択` }).check();
    await expectText(officer, '1件を選択中', 'main');
    await choose(officer, '操作', '所在を変更');
    await officer.getByRole('region', { name: '選択した情報資産の一括操作' }).getByRole('textbox', { name: /^所在/ }).fill('戸籍住民課 施錠キャビネットB');
    await officer.getByRole('button', { name: '適用する' }).click();
    const dialog = officer.getByRole('dialog');
    await expectText(officer, '選択した1件の情報資産に「所在を変更」を適用します。', 'dialog[open]');
    await expectNoAxeViolations(officer, 'the bulk confirmation');
    await dialog.getByRole('button', { name: '適用する' }).click();
    await expectText(officer, '1件の情報資産を更新しました。', 'main');
    await expectText(officer, '戸籍住民課 施錠キャビネットB', 'table');

    const xlsx = (await officer.getByTestId('export-xlsx').getAttribute('href')) ?? '';
    expect(xlsx).toBe('/api/assets/export.xlsx?q=E2E');
    await expectDownload(officer, xlsx, /spreadsheetml/);
  });

  it('lets a staff member with the right find the asset from its label code', async () => {
    const context = await newContext(browser);
    const staff = await context.newPage();
    await signIn(staff, server.url, 'staff', DEMO_PASSWORD);
    await heading(staff, '山本 職員さん、ようこそ');
    await staff.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '情報資産' }).click();
    await heading(staff, '情報資産目録');
    // Typed as people type it: lower case, no hyphen.
    await field(staff, 'ラベル番号').fill(labelCode.replace('-', '').toLowerCase());
    await staff.getByRole('button', { name: '探す' }).click();
    await heading(staff, `ラベル ${labelCode}`);
    await expectText(staff, assetName, 'main');
    await expectText(staff, '伊藤 責任者', 'main');
    await expectNoAxeViolations(staff, 'the label card with access');
    await staff.getByRole('link', { name: '情報資産の記録を開く' }).click();
    await heading(staff, assetName);
    // A member of the owning 課等 reads without being journaled.
    expect(await staff.getByTestId('journaled-read').count()).toBe(0);
    expect(await staff.getByRole('link', { name: '編集' }).count()).toBe(0);
    await context.close();
  });

  it('tells a staff member without the right whom to ask, and nothing more', async () => {
    const context = await newContext(browser);
    const outsider = await context.newPage();
    await signIn(outsider, server.url, 'staff2', DEMO_PASSWORD);
    await heading(outsider, '中村 職員さん、ようこそ');
    await outsider.goto(`${server.url}/assets/label/${labelCode}`);
    await heading(outsider, `ラベル ${labelCode}`);
    await expectText(outsider, 'この情報資産の閲覧権限がありません', 'main');
    await expectText(outsider, '戸籍住民課', 'main');
    await expectText(outsider, '伊藤 責任者', 'main');
    expect(await outsider.locator('main').innerText()).not.toContain(assetName);
    expect(await outsider.getByRole('link', { name: '情報資産の記録を開く' }).count()).toBe(0);
    await expectNoAxeViolations(outsider, 'the label card without access');

    await outsider.goto(`${server.url}/assets/label/NOPE-0000`);
    await expectText(outsider, 'ラベル番号の形式が正しくありません', 'main');
    await outsider.goto(`${server.url}${assetPath}`);
    await expectText(outsider, '見つかりません', 'main');
    await context.close();
  });

  it('tells an auditor from outside the 課等 that reading a class I record is recorded', async () => {
    const context = await newContext(browser);
    const auditor = await context.newPage();
    await signIn(auditor, server.url, 'auditor', DEMO_PASSWORD);
    await heading(auditor, '吉田 監査さん、ようこそ');
    await auditor.goto(`${server.url}${assetPath}`);
    await heading(auditor, assetName);
    await expectText(auditor, 'この閲覧は記録されます。', '[data-testid="journaled-read"]');
    // Oversight reads; it does not manage.
    expect(await auditor.getByRole('link', { name: '編集' }).count()).toBe(0);
    expect(await auditor.getByRole('button', { name: '付与する' }).count()).toBe(0);
    const history = auditor.getByRole('region', { name: '操作履歴' });
    await expect.poll(() => history.innerText()).toContain('重要性分類Ⅰの閲覧（課等外）');
    await context.close();
  });

  it('works on a 375 px phone: the register as cards, the form and the record without sideways scrolling', async () => {
    const context = await newContext(browser, phone);
    const page = await context.newPage();
    await signIn(page, server.url, 'officer', DEMO_PASSWORD);
    await heading(page, '伊藤 責任者さん、ようこそ');
    await page.goto(`${server.url}/assets`);
    await heading(page, '情報資産目録');
    const card = page.getByRole('row').filter({ hasText: '住民基本台帳データ' }).first();
    await card.waitFor();
    expect((await card.boundingBox())?.width ?? 999).toBeLessThanOrEqual(375);
    await expectNoSidewaysScroll(page);
    await expectNoAxeViolations(page, 'the register at 375 px');

    await page.goto(`${server.url}/assets/new`);
    await heading(page, '情報資産を登録');
    await page.getByRole('radio', { name: /^重要性分類Ⅰ\s/ }).check();
    await expectNoSidewaysScroll(page);
    await expectNoAxeViolations(page, 'the registration form at 375 px');

    await page.goto(`${server.url}${assetPath}`);
    await heading(page, assetName);
    await expectNoSidewaysScroll(page);
    await expectNoAxeViolations(page, 'the record at 375 px');
    await context.close();
  });
});
