import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../helpers/server.js';
import { assertServesWebUi, assertWebBuilt, choose, expectNoAxeViolations, expectText, field, heading, launchBrowser, newContext, phone, signIn } from './browser.js';

const main = (page: Page) => page.getByRole('navigation', { name: 'メインメニュー' });

// The demo's ネットワーク管理者 keeps the emergency contact directory (第5 8(3)); a 情報セキュリティ責任者 reads it;
// staff do not see it. Each page passes axe.
describe('the emergency contact directory in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let netadmin: Page;

  beforeAll(async () => {
    assertWebBuilt();
    server = await startTestServer();
    await assertServesWebUi(server.url);
    browser = await launchBrowser();
    netadmin = await (await newContext(browser)).newPage();
    await signIn(netadmin, server.url, 'netadmin', DEMO_PASSWORD);
    await heading(netadmin, /鈴木 網さん、ようこそ/);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lists the contacts from the menu, by purpose and order, with links to call or write', async () => {
    await main(netadmin).getByRole('link', { name: '緊急連絡先' }).click();
    await heading(netadmin, '緊急連絡先');
    const table = netadmin.getByRole('table', { name: '使用中の連絡先' });
    await expectText(netadmin, 'サイバー犯罪相談窓口', 'table');
    expect(await table.getByRole('link', { name: '03-5555-0110' }).getAttribute('href')).toBe('tel:0355550110');
    await expectNoAxeViolations(netadmin, 'contacts');
  });

  it('adds a contact, refusing one that cannot be reached, and takes one out of use', async () => {
    await netadmin.getByRole('button', { name: '連絡先を追加' }).click();
    await field(netadmin, '名前').fill('緊急 対応');
    await choose(netadmin, '区分', '外部の専門家');
    await field(netadmin, '連絡する場面').fill('標的型攻撃の調査');
    await netadmin.getByRole('button', { name: '保存する' }).click();
    // Neither a phone number nor an e-mail address: the server refuses, and says where.
    await expectText(netadmin, '電話番号かメールアドレスの少なくとも一方を入力してください。');
    await expectNoAxeViolations(netadmin, 'contact form with an error');
    await netadmin.getByRole('textbox', { name: /^電話番号/ }).fill('03-5555-0999');
    await netadmin.getByRole('button', { name: '保存する' }).click();
    await expectText(netadmin, '「緊急 対応」を保存しました。');
    await expectText(netadmin, '標的型攻撃の調査', 'table');

    const row = netadmin.getByRole('row', { name: /データセンター運用窓口/ });
    await row.getByRole('button', { name: '使用を停止する' }).click();
    await expectText(netadmin, 'データセンター運用窓口', 'table:has(caption:text("使用を停止した連絡先"))');
  });

  it('lets a 情報セキュリティ責任者 read it on a phone, and keeps it from staff', async () => {
    const officer = await (await newContext(browser, phone)).newPage();
    await signIn(officer, server.url, 'officer', DEMO_PASSWORD);
    await heading(officer, /伊藤 責任者さん、ようこそ/);
    await officer.goto(`${server.url}/contacts`);
    await heading(officer, '緊急連絡先');
    await expectText(officer, 'サイバー犯罪相談窓口', 'table');
    expect(await officer.getByRole('button', { name: '連絡先を追加' }).count()).toBe(0);
    expect(await officer.getByRole('button', { name: '使用を停止する' }).count()).toBe(0);
    await expectNoAxeViolations(officer, 'contacts for a reader, on a phone');

    const staff = await (await newContext(browser)).newPage();
    await signIn(staff, server.url, 'staff', DEMO_PASSWORD);
    await heading(staff, /山本 職員さん、ようこそ/);
    expect(await main(staff).getByRole('link', { name: '緊急連絡先' }).count()).toBe(0);
    await staff.goto(`${server.url}/contacts`);
    await expectText(staff, 'この操作を行う権限がありません。');
  });
});
