import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../helpers/server.js';
import { assertServesWebUi, assertWebBuilt, expectText, heading, launchBrowser, newContext, signIn } from './browser.js';

// The standard as data: the clause browser, one clause, the compliance map and every page's 根拠条項.
describe('the standard as data (対策基準)', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    assertWebBuilt();
    server = await startTestServer();
    await assertServesWebUi(server.url);
    browser = await launchBrowser();
    page = await (await newContext(browser)).newPage();
    // 監査担当者: read-only, no second factor.
    await signIn(page, server.url, 'auditor', DEMO_PASSWORD);
    await heading(page, /ようこそ/);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('finds a clause by a Japanese word and announces the count', async () => {
    await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '対策基準', exact: true }).click();
    await heading(page, '対策基準（条項ブラウザ）');
    await expectText(page, '234件中234件の条項', '[role="status"]');
    await page.getByRole('searchbox', { name: '条文を検索' }).fill('施錠');
    // Debounced: the URL and the list follow once typing pauses.
    await expectText(page, '234件中1件の条項', '[role="status"]');
    expect(new URL(page.url()).searchParams.get('q')).toBe('施錠');
    await page.getByRole('link', { name: '第2 4(3)ウ' }).waitFor();
    await expectText(page, '記録した媒体を施錠可能な場所に保管', '.clause-tree');
  });

  it('filters by kind and folds the tree by 第N', async () => {
    await page.getByRole('searchbox', { name: '条文を検索' }).fill('');
    await page.getByRole('combobox', { name: '種類' }).selectOption('prohibition');
    await expectText(page, '234件中9件の条項', '[role="status"]');
    await page.getByRole('button', { name: 'すべて閉じる' }).click();
    expect(await page.locator('details.clause-part[open]').count()).toBe(0);
    await page.getByRole('button', { name: 'すべて開く' }).click();
    expect(await page.locator('details.clause-part[open]').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: '条件をクリア' }).click();
    await expectText(page, '234件中234件の条項', '[role="status"]');
  });

  it('opens a clause: its exact text, roles, breadcrumbs and history across versions', async () => {
    await page.goto(`${server.url}/policy/clauses?q=${encodeURIComponent('施錠')}`);
    await page.getByRole('link', { name: '第2 4(3)ウ' }).click();
    await heading(page, '第2 4(3)ウ');
    expect(decodeURIComponent(new URL(page.url()).pathname)).toBe('/policy/clauses/2.4.3.ウ');
    await expectText(page, '情報セキュリティ責任者は、重要性分類Ⅰに分類される情報資産については、記録した媒体を施錠可能な場所に保管しなければならない。', '[data-testid="clause-text"]');
    await expectText(page, '情報セキュリティ責任者', '.clause-facts');
    await expectText(page, '記録媒体の管理', 'nav[aria-label="パンくずリスト"]');
    const history = page.getByTestId('clause-history');
    await expectText(page, '2016-01-01', '[data-testid="clause-history"]');
    expect(await history.innerText()).toContain('施行中');
    expect(await history.innerText()).toContain('追加');
    await expectText(page, '情報資産の目録', '#main');
  });

  it('shows what implements a clause, with live evidence and links to its pages', async () => {
    await page.goto(`${server.url}/policy/clauses/5.3.1`);
    await heading(page, '第5 3(1) 利用者登録');
    const evidence = (await page.getByTestId('evidence-organisation').innerText()).replace(/[^\d]/g, '');
    expect(Number(evidence)).toBeGreaterThan(0);
    await page.locator('.capability').getByRole('link', { name: '職員', exact: true }).click();
    await heading(page, '職員一覧');
  });

  it('a cited clause on the users page leads to its clause page', async () => {
    await page.goto(`${server.url}/organisation/users`);
    await heading(page, '職員一覧');
    const citation = page.locator('.clause-citation').getByRole('link', { name: /第5 3\(1\)/ });
    // The heading comes from the loaded policy package, not from the UI.
    await expectText(page, '第5 3(1) 利用者登録', '.clause-citation');
    await citation.click();
    await heading(page, '第5 3(1) 利用者登録');
    expect(new URL(page.url()).pathname).toBe('/policy/clauses/5.3.1');
    await expectText(page, '所管する利用者の登録、変更又は抹消を記録', '[data-testid="clause-text"]');
  });

  it('the compliance map lists every normative clause and downloads the xlsx and OSCAL files', async () => {
    await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '準拠状況', exact: true }).click();
    await heading(page, '準拠状況（コンプライアンスマップ）');
    const rows = page.getByTestId('compliance-table').locator('tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThanOrEqual(187);
    await expectText(page, '187件中187件の条項', '[role="status"]');

    await page.getByRole('combobox', { name: '準拠状況' }).selectOption('evidence-recorded');
    const recorded = await rows.count();
    expect(recorded).toBeGreaterThan(0);
    expect(recorded).toBeLessThan(187);
    expect(new URL(page.url()).searchParams.get('status')).toBe('evidence-recorded');

    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-xlsx').click()]);
    expect(xlsx.suggestedFilename()).toMatch(/^bansho-compliance-shinjuku-.+\.xlsx$/);
    const bytes = await readFile(await xlsx.path());
    // An xlsx is a zip: it starts with the local file header 'PK\x03\x04'.
    expect([...bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    expect(bytes.length).toBeGreaterThan(5_000);

    const [oscal] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-oscal').click()]);
    expect(oscal.suggestedFilename()).toMatch(/\.oscal\.json$/);
    const catalog = JSON.parse(await readFile(await oscal.path(), 'utf8')) as { catalog?: { metadata?: unknown } };
    expect(catalog.catalog?.metadata).toBeTruthy();
  });

  it('lists the loaded versions with their 附則', async () => {
    const version = page.getByTestId('policy-version');
    await version.first().waitFor();
    expect(await version.count()).toBe(1);
    const text = await version.first().innerText();
    expect(text).toContain('施行中');
    expect(text).toContain('附則.10');
    expect(text).toContain('27新総合情第2678号');
    expect(text).toContain('2016年1月1日');
  });

  it('writes the 附則 dates in 和暦 when the user prefers it', async () => {
    await page.goto(`${server.url}/preferences`);
    await heading(page, '設定');
    await page.getByRole('radio', { name: /^和暦/ }).check();
    await page.getByRole('button', { name: '保存する' }).click();
    await expectText(page, '設定を保存しました。');
    await page.goto(`${server.url}/policy/compliance#versions`);
    await page.getByTestId('policy-version').waitFor();
    await expectText(page, '平成28年1月1日', '[data-testid="policy-version"]');
    await expectText(page, '平成15年8月25日', '[data-testid="policy-version"]');
    await page.goto(`${server.url}/preferences`);
    await page.getByRole('radio', { name: /^西暦/ }).check();
    await page.getByRole('button', { name: '保存する' }).click();
    await expectText(page, '設定を保存しました。');
  });

  it('speaks English on request', async () => {
    await page.goto(`${server.url}/policy/clauses/${encodeURIComponent('2.4.3.ウ')}`);
    await heading(page, '第2 4(3)ウ');
    await page.getByRole('button', { name: 'English' }).click();
    await heading(page, 'Part 2, 4(3)ウ');
    await expectText(page, 'History across versions');
    await page.getByRole('button', { name: '日本語' }).click();
    await heading(page, '第2 4(3)ウ');
  });
});
