import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../helpers/server.js';
import { assertServesWebUi, assertWebBuilt, choose, enrolMfa, expectNoAxeViolations, expectText, heading, launchBrowser, newContext, phone, signIn } from './browser.js';

const joStyle = () => readFile(new URL('../fixtures/standards/jo-style.txt', import.meta.url), 'utf8');

// The administrator reviews a 例規 in 条 style: paste, correct the tree, save, reopen the list, download.
describe('reviewing a standard’s text in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let admin: Page;

  beforeAll(async () => {
    assertWebBuilt();
    server = await startTestServer();
    await assertServesWebUi(server.url);
    browser = await launchBrowser();
    admin = await (await newContext(browser)).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const status = () => admin.locator('.review-announcement');

  it('opens the review page from the menu, administrators only', async () => {
    await signIn(admin, server.url, 'admin', DEMO_PASSWORD);
    await enrolMfa(admin);
    await heading(admin, /ようこそ/);
    await admin.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '基準の取り込み' }).click();
    await heading(admin, '対策基準の取り込み');
    await expectText(admin, '保存した下書きはありません。', 'main');
  });

  it('refuses a chosen file that is not UTF-8 with the server’s message', async () => {
    // 「第1 総則」 in Shift_JIS.
    const sjis = Buffer.from([0x91, 0xe6, 0x31, 0x81, 0x40, 0x91, 0x8d, 0x91, 0xa5, 0x0a]);
    await admin.getByLabel('テキストファイル（.txt）').setInputFiles({ name: 'kijun.txt', mimeType: 'text/plain', buffer: sjis });
    await expectText(admin, '1行目: UTF-8ではありません。', '[role="alert"]');
  });

  it('reads a chosen UTF-8 file', async () => {
    await admin.getByLabel('テキストファイル（.txt）').setInputFiles({ name: 'jo-style.txt', mimeType: 'text/plain', buffer: Buffer.from(await joStyle()) });
    await expectText(admin, '分割候補 1件', '[data-testid="review-summary"]');
    expect(await admin.getByRole('textbox', { name: /^本文/ }).inputValue()).toContain('第5条の2');
  });

  it('parses pasted text into a tree beside the numbered source lines', async () => {
    await admin.getByRole('textbox', { name: /^本文/ }).fill(await joStyle());
    await admin.getByRole('button', { name: '解析する' }).click();
    await expectText(admin, '分割候補 1件', '[data-testid="review-summary"]');
    await expectText(admin, '「架空市情報セキュリティ管理規程」', 'main');
    const tree = admin.getByRole('region', { name: '条項の構成' });
    await tree.getByRole('button', { name: /^第1章/ }).waitFor();
    expect(await admin.locator('.source-lines li').count()).toBeGreaterThanOrEqual(47);

    // Choosing a clause highlights its source line.
    await tree.getByRole('button', { name: /^6\.後段/ }).click();
    await heading3(admin, '選択中の条項: 6.後段');
    expect(await admin.locator('.source-lines li.is-highlighted').evaluateAll((items) => items.map((item) => item.getAttribute('data-line')))).toEqual(['32']);
  });

  it('merges the suggested 後段 split back into its article', async () => {
    await admin.getByRole('button', { name: '「6」に統合する' }).click();
    await expect.poll(() => status().innerText()).toBe('「6.後段」を「6」に統合しました。');
    await expectText(admin, '分割候補 0件', '[data-testid="review-summary"]');
    expect(await admin.getByRole('region', { name: '条項の構成' }).getByRole('button', { name: /^6\.後段/ }).count()).toBe(0);
  });

  it('re-parents an article under another and renames it', async () => {
    const tree = admin.getByRole('region', { name: '条項の構成' });
    await tree.getByRole('button', { name: /^5の2/ }).click();
    await choose(admin, '新しい親', '5 持出しの制限');
    await admin.getByRole('button', { name: '親を変更する' }).click();
    await expect.poll(() => status().innerText()).toBe('移動しました。新しいIDは「5.5の2」です。');
    await admin.getByRole('textbox', { name: '新しい条項ID' }).fill('5.3');
    await admin.getByRole('button', { name: 'IDを変更する' }).click();
    await expect.poll(() => status().innerText()).toBe('IDを「5.3」に変更しました。');
    await tree.getByRole('button', { name: /^5\.3/ }).waitFor();
  });

  it('has no axe violations with a clause selected', async () => {
    await expectNoAxeViolations(admin, 'policy import review');
  });

  it('saves the draft, lists it and downloads its clauses.yaml', async () => {
    await admin.getByRole('textbox', { name: '下書きの名前' }).fill('架空市 管理規程');
    await admin.getByRole('button', { name: '下書きを保存する' }).click();
    await expectText(admin, '「架空市 管理規程」を保存しました。', 'main');
    const table = admin.getByRole('table', { name: '保存した下書き' });
    await table.getByRole('rowheader', { name: '架空市 管理規程' }).waitFor();
    const [download] = await Promise.all([
      admin.waitForEvent('download'),
      table.getByRole('link', { name: '「架空市 管理規程」の clauses.yaml をダウンロード' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('clauses.yaml');
    const yaml = await readFile(await download.path(), 'utf8');
    expect(yaml).toContain('style: article');
    expect(yaml).toContain('id: "5.3"');
    expect(yaml).toContain('parentId: "5"');
    expect(yaml).not.toContain('6.後段');
    await expectNoAxeViolations(admin, 'policy import with a saved draft');
  });

  it('reopens the saved draft', async () => {
    await admin.reload();
    await heading(admin, '対策基準の取り込み');
    await admin.getByRole('button', { name: '「架空市 管理規程」を開く' }).click();
    await expectText(admin, '「架空市 管理規程」を開きました。', 'main');
    await admin.getByRole('region', { name: '条項の構成' }).getByRole('button', { name: /^5\.3/ }).waitFor();
    await admin.getByRole('button', { name: '変更を保存する' }).waitFor();
  });

  it('stacks tree and source on a phone without horizontal scrolling', async () => {
    await admin.setViewportSize(phone);
    await admin.getByRole('region', { name: '条項の構成' }).getByRole('button', { name: /^2\.1/ }).click();
    const [tree, source] = await Promise.all([
      admin.getByRole('region', { name: '条項の構成' }).boundingBox(),
      admin.getByRole('region', { name: '行番号つきの原文' }).boundingBox(),
    ]);
    expect(tree && source && source.y > tree.y && Math.abs(source.x - tree.x) < 20).toBe(true);
    expect(await admin.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    await expectNoAxeViolations(admin, 'policy import on a phone');
  });
});

/** Waits for an h3 (the selected clause panel heading). */
async function heading3(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 3, name }).waitFor({ timeout: 10_000 });
}
