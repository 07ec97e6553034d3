import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../helpers/server.js';
import {
  assertServesWebUi,
  assertWebBuilt,
  choose,
  enrolMfa,
  expectText,
  field,
  heading,
  launchBrowser,
  newContext,
  signIn,
  type Authenticator,
} from './browser.js';

// One administrator's working session, in order: each step builds on the records the previous one made.
describe('administering the organisation in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let adminContext: BrowserContext;
  let admin: Page;
  let adminCodes: Authenticator;
  let newUserContext: BrowserContext;
  let newUser: Page;
  let initialPassword = '';
  let userDetailUrl = '';

  beforeAll(async () => {
    assertWebBuilt();
    server = await startTestServer();
    await assertServesWebUi(server.url);
    browser = await launchBrowser();
    adminContext = await newContext(browser);
    admin = await adminContext.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('signs the administrator in and makes them set up two-factor authentication first', async () => {
    await signIn(admin, server.url, 'admin', DEMO_PASSWORD);
    await heading(admin, '二要素認証の設定');
    expect(new URL(admin.url()).pathname).toBe('/account/mfa');
    adminCodes = await enrolMfa(admin);
    await heading(admin, '番所 管理さん、ようこそ');
    await expectText(admin, 'システム管理者', 'main');
    const nav = admin.getByRole('navigation', { name: 'メインメニュー' });
    expect(await nav.getByRole('link').allInnerTexts()).toEqual(['ホーム', '課等', '職員', '情報資産', 'ジャーナル', '対策基準', '準拠状況', '基準の取り込み', '設定']);
  });

  it('registers a staff member and shows the one-time password once', async () => {
    await admin.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '職員' }).click();
    await heading(admin, '職員一覧');
    await admin.getByRole('link', { name: '職員を登録' }).click();
    await heading(admin, '職員を登録');

    await field(admin, '氏名').fill('試験 太郎');
    await field(admin, 'ふりがな').fill('しけん たろう');
    await field(admin, '職員番号').fill('E2E-001');
    await field(admin, 'ログインID').fill('e2e.tester');
    await field(admin, 'メールアドレス').fill('tester@example.lg.jp');
    await choose(admin, '所属', '戸籍住民課');
    await admin.getByRole('button', { name: '登録する' }).click();

    await heading(admin, '試験 太郎さんを登録しました。');
    initialPassword = (await admin.getByTestId('one-time-secret').textContent()) ?? '';
    expect(initialPassword.length).toBeGreaterThanOrEqual(12);
    await expectText(admin, '二度と表示されません', 'main');

    await admin.getByRole('link', { name: '職員の詳細を開く' }).click();
    await heading(admin, '試験 太郎');
    userDetailUrl = admin.url();
    await expectText(admin, 'E2E-001', 'main');
    await expectText(admin, 'e2e.tester', 'main');
    await expectText(admin, '戸籍住民課', 'main');
  });

  it('grants a role with the 課等 it covers', async () => {
    await choose(admin, '役割', '情報セキュリティ責任者（課等）');
    await choose(admin, '対象の課等', '戸籍住民課');
    await admin.getByRole('button', { name: '付与する' }).click();
    await expectText(admin, '情報セキュリティ責任者の役割を付与しました。', 'main');

    const roleRow = admin.getByRole('row').filter({ has: admin.getByRole('rowheader', { name: '情報セキュリティ責任者' }) });
    await roleRow.waitFor();
    expect(await roleRow.innerText()).toContain('戸籍住民課');
    expect(await roleRow.innerText()).toContain('番所 管理');
  });

  it('makes the new user replace the initial password, explaining each refusal', async () => {
    newUserContext = await newContext(browser);
    newUser = await newUserContext.newPage();
    await signIn(newUser, server.url, 'e2e.tester', initialPassword);
    await heading(newUser, 'パスワードの変更');
    expect(new URL(newUser.url()).pathname).toBe('/account/password');
    await expectText(newUser, '12文字以上、128文字以内', 'main');

    // Contains the login: the server refuses and says why.
    await field(newUser, '現在のパスワード').fill(initialPassword);
    await field(newUser, '新しいパスワード').first().fill('e2e.tester-kumo-2026');
    await field(newUser, '新しいパスワード（確認）').fill('e2e.tester-kumo-2026');
    await newUser.getByRole('button', { name: 'パスワードを変更する' }).click();
    await expectText(newUser, 'パスワードに利用者名やログインIDの一部を含めないでください。', '[role="alert"]');
    expect(new URL(newUser.url()).pathname).toBe('/account/password');

    await field(newUser, '現在のパスワード').fill(initialPassword);
    await field(newUser, '新しいパスワード').first().fill('kumo no ue ni hikari 2026');
    await field(newUser, '新しいパスワード（確認）').fill('kumo no ue ni hikari 2026');
    await newUser.getByRole('button', { name: 'パスワードを変更する' }).click();
    await heading(newUser, '試験 太郎さん、ようこそ');
    await expectText(newUser, '情報セキュリティ責任者（戸籍住民課）', 'main');
  });

  it('disables the user with a reason, which ends their session', async () => {
    await admin.goto(userDetailUrl);
    await heading(admin, '試験 太郎');
    await field(admin, '理由').fill('退職のため');
    await admin.getByRole('button', { name: '無効にする' }).click();
    await expectText(admin, 'アカウントを無効にしました。', 'main');
    await expectText(admin, '退職のため', 'main');
    await expectText(admin, '無効', '.page-meta');

    await admin.goto(`${server.url}/organisation/users?status=disabled`);
    await heading(admin, '職員一覧');
    await expectText(admin, '1件中 1〜1件目', 'main');
    await admin.getByRole('rowheader', { name: /試験 太郎/ }).waitFor();

    // Their next page load finds the session gone and asks them to sign in.
    await newUser.goto(`${server.url}/preferences`);
    await heading(newUser, 'サインイン');
    expect(new URL(newUser.url()).pathname).toBe('/sign-in');
    await newUserContext.close();
  });

  it('shows those acts in the journal, with their hashes', async () => {
    await admin.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: 'ジャーナル' }).click();
    await heading(admin, 'ジャーナル');
    const table = admin.getByRole('table', { name: /操作の記録/ });
    await table.waitFor();
    const text = await table.innerText();
    for (const label of ['職員の登録', '役割の付与', 'パスワード変更', 'アカウントの無効化', '二要素認証の設定']) {
      expect(text).toContain(label);
    }
    const hashes = await table.locator('code.hash').allInnerTexts();
    expect(hashes.length).toBeGreaterThan(5);
    for (const hash of hashes) expect(hash).toMatch(/^[0-9a-f]{12}$/);

    await choose(admin, '操作', 'アカウントの無効化（user.disabled）');
    await admin.getByRole('button', { name: '検索する' }).click();
    await expect.poll(() => admin.url()).toContain('type=user.disabled');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
    const row = await table.locator('tbody tr').innerText();
    expect(row).toContain('アカウントの無効化');
    expect(row).toContain('番所 管理');
  });

  it('switches to English and the Japanese calendar, kept on the server', async () => {
    await admin.goto(`${server.url}/preferences`);
    await heading(admin, '設定');
    await admin.getByRole('radio', { name: 'English' }).check();
    await admin.getByRole('radio', { name: /和暦/ }).check();
    await admin.getByRole('button', { name: '保存する' }).click();
    await heading(admin, 'Preferences');
    await expectText(admin, 'Preferences saved.', 'main');
    expect(await admin.locator('html').getAttribute('lang')).toBe('en');

    await admin.goto(`${server.url}/journal`);
    await heading(admin, 'Journal');
    await expectText(admin, /\d+ [A-Z][a-z]{2} \d+ Reiwa, \d\d:\d\d/, 'table');
    await expectText(admin, 'Staff registered', 'table');

    // A new browser (no local copy of the preferences) gets them from the server at sign-in.
    const fresh = await newContext(browser);
    const page = await fresh.newPage();
    await signIn(page, server.url, 'admin', DEMO_PASSWORD, adminCodes);
    await heading(page, 'Welcome, 番所 管理');
    await page.goto(`${server.url}/organisation/users/${userDetailUrl.split('/').pop() ?? ''}`);
    await heading(page, '試験 太郎');
    await expectText(page, /Registered\s+\d+ [A-Z][a-z]{2} \d+ Reiwa/, 'main');
    await fresh.close();
  });
});
