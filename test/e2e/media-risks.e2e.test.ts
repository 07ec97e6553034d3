import type { Browser, Page } from 'playwright-core';
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

/** Nothing may stick out sideways on a 375 px phone (WCAG 1.4.10 reflow). */
async function expectNoSidewaysScroll(page: Page, what: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${what} scrolls sideways`).toBeLessThanOrEqual(0);
}

const main = (page: Page) => page.getByRole('navigation', { name: 'メインメニュー' });

// The 情報セキュリティ責任者 of 戸籍住民課 keeps the 課等's media (第2 4(3)) and risk analysis (第2 2) on the demo
// municipality; the holder of a medium and an auditor see what they may; each page passes axe.
describe('issued media and the risk register in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let officer: Page;
  let lockedUsbUrl = '';

  beforeAll(async () => {
    assertWebBuilt();
    server = await startTestServer();
    await assertServesWebUi(server.url);
    browser = await launchBrowser();
    officer = await (await newContext(browser)).newPage();
    await signIn(officer, server.url, 'officer', DEMO_PASSWORD);
    await heading(officer, '伊藤 責任者さん、ようこそ');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lists the 課等\'s media from the menu, with the clauses they rest on', async () => {
    await main(officer).getByRole('link', { name: '記録媒体' }).click();
    await heading(officer, '記録媒体');
    const table = officer.getByRole('table', { name: /記録媒体（\d+件）/ });
    await table.waitFor();
    const text = await table.innerText();
    expect(text).toContain('KSK-USB-001');
    expect(text).toContain('KSK-DVD-014');
    expect(text).toContain('山本 職員');
    expect(await officer.locator('.clause-citation [data-clause]').evaluateAll((links) => links.map((link) => link.getAttribute('data-clause')))).toEqual(['2.4.3', '2.4.2.ウ']);
    await expectNoAxeViolations(officer, 'media list');

    await choose(officer, '状態', '保管中');
    await officer.getByRole('button', { name: '検索する' }).click();
    await expect.poll(() => officer.url()).toContain('status=stored');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
    expect(await table.locator('tbody tr').innerText()).toContain('KSK-DVD-014');
    await officer.getByRole('button', { name: '条件をクリア' }).click();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(2);
  });

  it('registers a medium, explaining what is missing first', async () => {
    await officer.getByRole('link', { name: '媒体を登録' }).click();
    await heading(officer, '媒体を登録');
    await officer.getByRole('button', { name: '登録する' }).click();
    await officer.locator('.field-error').first().waitFor();
    await expectNoAxeViolations(officer, 'medium form with errors');

    await field(officer, '管理番号').fill('KSK-SD-100');
    await choose(officer, '種類', 'SDカード');
    await field(officer, '説明').fill('窓口カメラ用SDカード');
    // The officer manages one 課等: it is chosen already; its staff are offered as holders.
    await expect.poll(() => officer.getByRole('combobox', { name: /^課等/ }).inputValue()).not.toBe('');
    await expect.poll(() => officer.getByRole('combobox', { name: /^保管者/ }).locator('option').allInnerTexts()).toContain('山本 職員');
    await choose(officer, '保管者', '山本 職員');
    await officer.getByLabel(/^支給日/).fill('2026-06-01');
    await field(officer, '保管場所').fill('戸籍住民課 施錠キャビネットB');
    await officer.getByRole('checkbox', { name: '施錠可能な場所に保管している' }).check();
    await officer.getByRole('button', { name: '登録する' }).click();

    await heading(officer, '記録媒体 KSK-SD-100');
    await expectText(officer, '窓口カメラ用SDカード', 'main');
    await expectText(officer, '山本 職員', 'main');
    await expectText(officer, '表示できる情報資産はありません。', 'main');
    await expectNoAxeViolations(officer, 'medium detail');
  });

  it('finalises it, which write-protects it too (第2 4(3)イ)', async () => {
    await officer.getByRole('button', { name: '編集' }).click();
    await expectNoAxeViolations(officer, 'medium edit form');
    await officer.getByRole('checkbox', { name: '最終的に確定した情報資産を記録している' }).check();
    await expect.poll(() => officer.getByRole('checkbox', { name: '書き込み禁止の措置を講じている' }).isChecked()).toBe(true);
    await officer.getByRole('button', { name: '保存する' }).click();
    await expectText(officer, '媒体の情報を保存しました。', 'main');
    const details = await officer.locator('dl.details').innerText();
    expect(details).toMatch(/確定\s+はい/);
    expect(details).toMatch(/書き込み禁止\s+はい/);
    await expectText(officer, '書き込み禁止', '.page-meta');
  });

  it('refuses to unlock or lose a medium that still holds a class Ⅰ asset, naming the clause', async () => {
    await officer.goto(`${server.url}/media`);
    await officer.getByRole('link', { name: 'KSK-USB-001' }).click();
    await heading(officer, '記録媒体 KSK-USB-001');
    lockedUsbUrl = officer.url();
    const assets = officer.getByRole('table', { name: /記録された情報資産/ });
    await assets.waitFor();
    expect(await assets.innerText()).toContain('転出証明データ（受渡し用）');
    await expectText(officer, '施錠保管を解除できません（第2 4(3)ウ）', 'main');

    await officer.getByRole('button', { name: '編集' }).click();
    await officer.getByRole('checkbox', { name: '施錠可能な場所に保管している' }).uncheck();
    await officer.getByRole('button', { name: '保存する' }).click();
    await expectText(officer, '第2 4(3)ウ', '[role="alert"]');
    await expectNoAxeViolations(officer, 'medium edit refused');

    await officer.getByRole('checkbox', { name: '施錠可能な場所に保管している' }).check();
    await choose(officer, '状態', '紛失');
    await officer.getByRole('button', { name: '保存する' }).click();
    await expectText(officer, '第2 4(3)ア、4(4)', '[role="alert"]');
    await officer.getByRole('button', { name: 'キャンセル' }).click();
    expect(await officer.locator('dl.details').innerText()).toMatch(/状態\s+使用中/);
  });

  it('shows the holder their medium and its assets they may read, without the edit button', async () => {
    const page = await (await newContext(browser)).newPage();
    await signIn(page, server.url, 'staff', DEMO_PASSWORD);
    await heading(page, /ようこそ/);
    expect(await main(page).getByRole('link').allInnerTexts()).not.toContain('記録媒体');
    await page.goto(lockedUsbUrl);
    await heading(page, '記録媒体 KSK-USB-001');
    await expectText(page, '転出証明データ（受渡し用）', 'main');
    expect(await page.getByRole('button', { name: '編集' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'medium detail (holder)');
    await page.context().close();
  });

  it('shows the risk register by score with the 3×3 summary', async () => {
    await main(officer).getByRole('link', { name: 'リスク分析' }).click();
    await heading(officer, 'リスク分析');
    const heat = officer.getByRole('table', { name: /発生可能性と影響度の分布/ });
    await heat.waitFor();
    expect(await heat.innerText()).toContain('影響度');
    // 戸籍住民課's two analyses: leakage 2×3 and loss 1×3; 税務課's is not the officer's to see.
    const register = officer.getByRole('table', { name: /リスク分析（2件）/ });
    await register.waitFor();
    const rows = await register.locator('tbody tr').allInnerTexts();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('故意又は過失による情報の漏えい');
    expect(rows[0]).toContain('住民基本台帳データ');
    expect(rows[1]).toContain('資産のまとまり: 窓口の紙の届書');
    expect(await officer.locator('.clause-citation [data-clause]').evaluateAll((links) => links.map((link) => link.getAttribute('data-clause')))).toEqual(['2.2', '1.3']);
    await expectNoAxeViolations(officer, 'risk register');
  });

  it('records an analysed threat, with the score shown as the ratings are chosen', async () => {
    await officer.getByRole('link', { name: 'リスクを記録' }).click();
    await heading(officer, 'リスクを記録');
    await officer.getByRole('button', { name: '記録する' }).click();
    await officer.locator('.field-error').first().waitFor();
    await expectNoAxeViolations(officer, 'risk form with errors');

    await field(officer, '資産のまとまりの名前').fill('窓口端末');
    await choose(officer, '脅威', '不正なアクセス又は誤操作による情報資産の破壊、持ち出し、盗聴、改ざん若しくは消去');
    await field(officer, '想定する事態').fill('離席中の端末が操作され、住民情報が閲覧される');
    await officer.getByRole('group', { name: /^発生可能性/ }).getByRole('radio', { name: '3 高' }).check();
    await officer.getByRole('group', { name: /^影響度/ }).getByRole('radio', { name: '3 高' }).check();
    await expectText(officer, '点数: 9（高）', '.score-preview');
    await field(officer, '予防のための対策').fill('離席時の画面ロックを徹底し、操作ログを月次で点検する');
    await field(officer, '顕在化した場合の手順').fill('端末をネットワークから切り離し、情報セキュリティ責任者へ報告する');
    await officer.getByRole('button', { name: '記録する' }).click();

    await heading(officer, /^リスク: 不正なアクセス/);
    await expectText(officer, '資産のまとまり: 窓口端末', 'main');
    await expectText(officer, '離席時の画面ロック', 'main');
    await expectNoAxeViolations(officer, 'risk detail');
  });

  it('revises the entry and lists it first, by score', async () => {
    await officer.getByRole('button', { name: '編集' }).click();
    await expectNoAxeViolations(officer, 'risk edit form');
    await choose(officer, '状態', '対策済み');
    await officer.getByRole('button', { name: '保存する' }).click();
    await expectText(officer, 'リスク分析を保存しました。', 'main');
    await expectText(officer, '対策済み', '.page-meta');

    await officer.getByRole('link', { name: 'リスク分析の一覧へ戻る' }).click();
    const register = officer.getByRole('table', { name: /リスク分析（3件）/ });
    await register.waitFor();
    expect(await register.locator('tbody tr').first().innerText()).toContain('窓口端末');
  });

  it('lets an auditor read every 課等\'s register but record and change nothing', async () => {
    const page = await (await newContext(browser)).newPage();
    await signIn(page, server.url, 'auditor', DEMO_PASSWORD);
    await heading(page, /ようこそ/);
    await main(page).getByRole('link', { name: 'リスク分析' }).click();
    await heading(page, 'リスク分析');
    const register = page.getByRole('table', { name: /リスク分析（4件）/ });
    await register.waitFor();
    expect(await register.innerText()).toContain('税務課');
    expect(await page.getByRole('link', { name: 'リスクを記録' }).count()).toBe(0);
    await register.getByRole('link').first().click();
    await heading(page, /^リスク: /);
    expect(await page.getByRole('button', { name: '編集' }).count()).toBe(0);
    await page.context().close();
  });

  it('fits a 375 px phone, in English too', async () => {
    const page = await (await newContext(browser, phone)).newPage();
    await signIn(page, server.url, 'officer', DEMO_PASSWORD);
    await heading(page, /ようこそ/);
    for (const [path, title] of [['/media', '記録媒体'], ['/risks', 'リスク分析'], ['/risks/new', 'リスクを記録'], ['/media/new', '媒体を登録']] as const) {
      await page.goto(`${server.url}${path}`);
      await heading(page, title);
      await expectNoSidewaysScroll(page, path);
    }
    await page.goto(lockedUsbUrl);
    await heading(page, '記録媒体 KSK-USB-001');
    await expectNoSidewaysScroll(page, 'medium detail');
    await expectNoAxeViolations(page, 'medium detail on a phone');

    await page.goto(`${server.url}/preferences`);
    await page.getByRole('radio', { name: 'English' }).check();
    await page.getByRole('button', { name: '保存する' }).click();
    await heading(page, 'Preferences');
    await page.goto(`${server.url}/risks`);
    await heading(page, 'Risk analysis');
    await expectText(page, 'Leakage, deliberate or negligent', 'main');
    await expectText(page, 'Likelihood and impact', 'main');
    await expectNoSidewaysScroll(page, '/risks in English');
    await expectNoAxeViolations(page, 'risk register in English on a phone');
    await page.context().close();
  });
});
