import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../helpers/server.js';
import { assertServesWebUi, assertWebBuilt, expectText, heading, launchBrowser, newContext, phone, signIn } from './browser.js';

/** Nothing may stick out sideways on a 375 px phone (WCAG 1.4.10 reflow): the page must not scroll horizontally. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

describe('on a 375 px phone', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    assertWebBuilt();
    server = await startTestServer();
    await assertServesWebUi(server.url);
    browser = await launchBrowser();
    context = await newContext(browser, phone);
    page = await context.newPage();
    // 情報セキュリティ責任者 of 戸籍住民課: sees the organisation pages for their own 課等.
    await signIn(page, server.url, 'officer', DEMO_PASSWORD);
    await heading(page, '伊藤 責任者さん、ようこそ');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('folds the navigation behind a menu button that opens, navigates and closes', async () => {
    const menuButton = page.getByRole('button', { name: 'メニュー' });
    const nav = page.getByRole('navigation', { name: 'メインメニュー' });
    expect(await menuButton.getAttribute('aria-expanded')).toBe('false');
    expect(await nav.isVisible()).toBe(false);

    await menuButton.click();
    const closeButton = page.getByRole('button', { name: 'メニューを閉じる' });
    expect(await closeButton.getAttribute('aria-expanded')).toBe('true');
    await nav.getByRole('link', { name: '職員' }).click();

    await heading(page, '職員一覧');
    expect(new URL(page.url()).pathname).toBe('/organisation/users');
    expect(await nav.isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'メニュー' }).getAttribute('aria-expanded')).toBe('false');
    // The officer sees the users of their own 課等, as cards.
    await expectText(page, '伊藤 責任者', 'table');
    await expectText(page, '山本 職員', 'table');
    const card = page.getByRole('row').filter({ hasText: '山本 職員' });
    expect((await card.boundingBox())?.width ?? 999).toBeLessThanOrEqual(375);
  });

  it('closes the menu with Escape and returns focus to the button', async () => {
    await page.getByRole('button', { name: 'メニュー' }).click();
    await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: 'ホーム' }).focus();
    await page.keyboard.press('Escape');
    expect(await page.getByRole('navigation', { name: 'メインメニュー' }).isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-controls'))).toBe('site-menu');
  });

  it('reaches every section from the menu without sideways scrolling', async () => {
    for (const [link, title] of [
      ['ホーム', '伊藤 責任者さん、ようこそ'],
      ['課等', '課等'],
      ['職員', '職員一覧'],
      ['ジャーナル', 'ジャーナル'],
      ['対策基準', '対策基準（条項ブラウザ）'],
      ['準拠状況', '準拠状況（コンプライアンスマップ）'],
      ['設定', '設定'],
    ] as const) {
      await page.getByRole('button', { name: 'メニュー' }).click();
      await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: link, exact: true }).click();
      await heading(page, title);
      await expectNoSidewaysScroll(page);
    }
    await page.getByRole('button', { name: 'メニュー' }).click();
    await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '職員', exact: true }).click();
    await page.getByRole('link', { name: '山本 職員' }).click();
    await heading(page, '山本 職員');
    await expectNoSidewaysScroll(page);
  });

  it('shows the standard on a phone: searched tree, clause detail, compliance cards', async () => {
    await page.goto(`${server.url}/policy/clauses`);
    await heading(page, '対策基準（条項ブラウザ）');
    // Filters fold away on a phone; opening them shows the search box.
    await page.getByText('検索・絞り込み').click();
    await page.getByRole('searchbox', { name: '条文を検索' }).fill('施錠');
    await page.getByRole('link', { name: '第2 4(3)ウ' }).click();
    await heading(page, '第2 4(3)ウ');
    await page.getByTestId('clause-history').waitFor();
    await expectNoSidewaysScroll(page);
    await page.goto(`${server.url}/policy/clauses/${encodeURIComponent('2.4.2.イ')}`);
    await page.getByTestId('clause-history').waitFor();
    await expectNoSidewaysScroll(page);
    await page.goto(`${server.url}/policy/compliance`);
    await page.getByTestId('compliance-table').waitFor();
    await page.getByTestId('policy-version').waitFor();
    await expectNoSidewaysScroll(page);
    const card = page.getByTestId('compliance-table').getByRole('row').nth(1);
    expect((await card.boundingBox())?.width ?? 999).toBeLessThanOrEqual(375);
  });
});
