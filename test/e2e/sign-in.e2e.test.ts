import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../helpers/server.js';
import { assertServesWebUi, assertWebBuilt, expectText, field, heading, launchBrowser, newContext, signIn } from './browser.js';

const genericFailure = 'サインインできませんでした。ログインIDとパスワード（または確認コード）を確かめてください。';

describe('signing in', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    assertWebBuilt();
    server = await startTestServer();
    await assertServesWebUi(server.url);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function freshPage(): Promise<Page> {
    return (await newContext(browser)).newPage();
  }

  it('says only that sign-in failed, the same for a wrong password and an unknown login', async () => {
    const page = await freshPage();
    await signIn(page, server.url, 'staff', 'not-the-password');
    await expectText(page, genericFailure, '[role="alert"]');
    expect(await page.getByLabel(/^パスワード/).inputValue()).toBe('');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    const afterWrongPassword = await page.getByRole('alert').innerText();

    await signIn(page, server.url, 'nobody-here', 'not-the-password');
    await expectText(page, genericFailure, '[role="alert"]');
    expect(await page.getByRole('alert').innerText()).toBe(afterWrongPassword);
  });

  it('checks for empty fields before sending anything', async () => {
    const page = await freshPage();
    let posted = false;
    page.on('request', (request) => {
      if (request.method() === 'POST') posted = true;
    });
    await page.goto(`${server.url}/sign-in`);
    await page.getByRole('button', { name: 'サインインする' }).click();
    await expect.poll(() => page.locator('.field-error').allInnerTexts()).toEqual(['入力してください。', '入力してください。']);
    expect(await field(page, 'ログインID').getAttribute('aria-invalid')).toBe('true');
    // The first invalid field takes focus, so the user can type at once.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('autocomplete'))).toBe('username');
    expect(posted).toBe(false);
  });

  it('returns the user to the page they asked for, and shows only the sections their role may open', async () => {
    const page = await freshPage();
    await page.goto(`${server.url}/preferences`);
    await heading(page, 'サインイン');
    expect(new URL(page.url()).searchParams.get('redirect')).toBe('/preferences');
    await field(page, 'ログインID').fill('staff');
    await page.getByLabel(/^パスワード/).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'サインインする' }).click();
    await heading(page, '設定');
    expect(new URL(page.url()).pathname).toBe('/preferences');
    const nav = page.getByRole('navigation', { name: 'メインメニュー' });
    expect(await nav.getByRole('link').allInnerTexts()).toEqual(['ホーム', '情報資産', 'ジャーナル', '対策基準', '準拠状況', '設定']);
    await expectText(page, '山本 職員', '#site-menu');
  });

  it('signs out and forgets the session', async () => {
    const page = await freshPage();
    await signIn(page, server.url, 'staff', DEMO_PASSWORD);
    await heading(page, '山本 職員さん、ようこそ');
    await page.getByRole('button', { name: 'サインアウト' }).click();
    await heading(page, 'サインイン');
    await page.goto(`${server.url}/journal`);
    await heading(page, 'サインイン');
  });

  it('switches the sign-in page to English from the header', async () => {
    const page = await freshPage();
    await page.goto(`${server.url}/sign-in`);
    await page.getByRole('button', { name: 'English' }).click();
    await heading(page, 'Sign in');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByRole('textbox', { name: /^Login ID/ }).fill('staff');
    await page.getByLabel(/^Password/).fill('wrong-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expectText(page, 'Sign-in failed. Check your login and password (or code).', '[role="alert"]');
    await page.getByRole('button', { name: '日本語' }).click();
    await heading(page, 'サインイン');
  });
});
