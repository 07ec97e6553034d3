import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { DEMO_PASSWORD, startTestServer, type TestServer } from '../helpers/server.js';
import {
  assertServesWebUi,
  assertWebBuilt,
  choose,
  enrolMfa,
  expectNoAxeViolations,
  expectText,
  field,
  heading,
  launchBrowser,
  newContext,
  phone,
  signIn,
  type Authenticator,
} from './browser.js';

// WCAG 2.2 AA as axe checks it, on every page and on the states users meet: errors, dialogs, open menus.
describe('accessibility of every page (axe, WCAG 2.2 AA)', () => {
  let server: TestServer;
  let browser: Browser;
  let admin: Page;
  let adminCodes: Authenticator;
  let initialPassword = '';
  let userPath = '';

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

  it('sign-in, with and without an error', async () => {
    await admin.goto(`${server.url}/sign-in`);
    await heading(admin, 'サインイン');
    await expectNoAxeViolations(admin, 'sign-in');
    await signIn(admin, server.url, 'staff', 'wrong-password');
    await admin.getByRole('alert').waitFor();
    await expectNoAxeViolations(admin, 'sign-in with an error');
  });

  it('two-factor enrolment and the home page', async () => {
    await signIn(admin, server.url, 'admin', DEMO_PASSWORD);
    await heading(admin, '二要素認証の設定');
    await expectNoAxeViolations(admin, 'MFA enrolment (start)');
    await admin.getByRole('button', { name: '設定を始める' }).click();
    await admin.getByTestId('mfa-secret').waitFor();
    await expectNoAxeViolations(admin, 'MFA enrolment (QR code)');
    await field(admin, '確認コード').fill('000000');
    await admin.getByRole('button', { name: '設定を完了する' }).click();
    await admin.getByRole('alert').waitFor();
    await expectNoAxeViolations(admin, 'MFA enrolment (wrong code)');
    await admin.reload();
    adminCodes = await enrolMfa(admin);
    await heading(admin, /ようこそ/);
    await expectNoAxeViolations(admin, 'home');
  });

  it('課等: tree, form and its errors', async () => {
    await admin.goto(`${server.url}/organisation/departments`);
    await heading(admin, '課等');
    await admin.getByText('戸籍住民課').waitFor();
    await expectNoAxeViolations(admin, 'departments');
    await admin.getByRole('button', { name: '課等を追加' }).click();
    await admin.getByRole('button', { name: '保存する' }).click();
    await admin.locator('.field-error').first().waitFor();
    await expectNoAxeViolations(admin, 'department form with errors');
    await admin.getByRole('button', { name: 'キャンセル' }).click();
    await admin.getByRole('button', { name: '税務課を編集' }).click();
    await expectNoAxeViolations(admin, 'department edit form');
  });

  it('職員: list, registration (with errors), the one-time password', async () => {
    await admin.goto(`${server.url}/organisation/users`);
    await heading(admin, '職員一覧');
    await admin.getByRole('table').waitFor();
    await expectNoAxeViolations(admin, 'users list');
    await admin.getByRole('link', { name: '職員を登録' }).click();
    await heading(admin, '職員を登録');
    await expectNoAxeViolations(admin, 'user registration');
    await field(admin, 'ふりがな').fill('Latin letters');
    await admin.getByRole('button', { name: '登録する' }).click();
    await admin.locator('.field-error').first().waitFor();
    await expectNoAxeViolations(admin, 'user registration with errors');

    await field(admin, '氏名').fill('確認 花子');
    await field(admin, 'ふりがな').fill('かくにん はなこ');
    await field(admin, '職員番号').fill('A11Y-1');
    await field(admin, 'ログインID').fill('a11y.hanako');
    await choose(admin, '所属', '税務課');
    await admin.getByRole('button', { name: '登録する' }).click();
    await heading(admin, '確認 花子さんを登録しました。');
    initialPassword = (await admin.getByTestId('one-time-secret').textContent()) ?? '';
    await expectNoAxeViolations(admin, 'user registered (one-time password)');
    await admin.getByRole('link', { name: '職員の詳細を開く' }).click();
    await heading(admin, '確認 花子');
    userPath = new URL(admin.url()).pathname;
  });

  it('職員 detail: sections, edit form, confirmation dialog, reissued password', async () => {
    await expectNoAxeViolations(admin, 'user detail');
    await admin.getByRole('button', { name: '編集' }).click();
    await expectNoAxeViolations(admin, 'user detail (editing)');
    await admin.getByRole('button', { name: 'キャンセル' }).click();

    await choose(admin, '役割', '情報システム管理者（情報システム）');
    await field(admin, '対象の情報システム名').waitFor();
    await expectNoAxeViolations(admin, 'role grant with a system scope');

    await admin.getByRole('button', { name: 'パスワードを再発行' }).click();
    await admin.getByRole('dialog').waitFor();
    await expectNoAxeViolations(admin, 'confirmation dialog');
    await admin.getByRole('dialog').getByRole('button', { name: 'パスワードを再発行' }).click();
    await admin.getByTestId('one-time-secret').waitFor();
    initialPassword = (await admin.getByTestId('one-time-secret').textContent()) ?? '';
    await expectNoAxeViolations(admin, 'reissued password');
  });

  it('journal, with an entry opened', async () => {
    await admin.goto(`${server.url}/journal`);
    await heading(admin, 'ジャーナル');
    await admin.getByRole('table').waitFor();
    await expectNoAxeViolations(admin, 'journal');
    await admin.getByText('詳細').first().click();
    await expectNoAxeViolations(admin, 'journal with details open');
  });

  it('the standard: clause browser (searched, filtered), clause detail, compliance map', async () => {
    await admin.goto(`${server.url}/policy/clauses`);
    await heading(admin, '対策基準（条項ブラウザ）');
    await admin.locator('details.clause-part').first().waitFor();
    await admin.getByRole('button', { name: 'すべて開く' }).click();
    await expectNoAxeViolations(admin, 'clause browser (all open)');
    await admin.getByRole('searchbox', { name: '条文を検索' }).fill('施錠');
    await expectText(admin, '234件中1件の条項', '[role="status"]');
    await expectNoAxeViolations(admin, 'clause browser (searched)');
    await admin.goto(`${server.url}/policy/clauses?q=${encodeURIComponent('存在しない語句')}`);
    await admin.locator('.empty').waitFor();
    await expectNoAxeViolations(admin, 'clause browser (no match)');
    await admin.goto(`${server.url}/policy/clauses/${encodeURIComponent('2.4.2.イ')}`);
    await heading(admin, '第2 4(2)イ');
    await admin.getByTestId('clause-history').waitFor();
    await expectNoAxeViolations(admin, 'clause detail (interpretations, request types)');
    await admin.goto(`${server.url}/policy/clauses/5.3.1`);
    await admin.getByTestId('evidence-organisation').waitFor();
    await expectNoAxeViolations(admin, 'clause detail (implemented, evidence)');
    await admin.goto(`${server.url}/policy/clauses/1`);
    await heading(admin, '第1 総則');
    await expectNoAxeViolations(admin, 'clause detail (a heading with children)');
    await admin.goto(`${server.url}/policy/compliance`);
    await heading(admin, '準拠状況（コンプライアンスマップ）');
    await admin.getByTestId('compliance-table').waitFor();
    await admin.getByTestId('policy-version').waitFor();
    await expectNoAxeViolations(admin, 'compliance map with versions');
  });

  it('preferences, password change and an unknown page', async () => {
    await admin.goto(`${server.url}/preferences`);
    await heading(admin, '設定');
    await expectNoAxeViolations(admin, 'preferences');
    await admin.goto(`${server.url}/account/password`);
    await heading(admin, 'パスワードの変更');
    await expectNoAxeViolations(admin, 'password change');
    await admin.goto(`${server.url}/no-such-page`);
    await heading(admin, 'ページが見つかりません');
    await expectNoAxeViolations(admin, 'not found');
  });

  it('the same pages in English', async () => {
    await admin.goto(`${server.url}/organisation/users`);
    await admin.getByRole('button', { name: 'English' }).click();
    await heading(admin, 'Staff');
    await expectNoAxeViolations(admin, 'users list (English)');
    await admin.goto(`${server.url}${userPath}`);
    await heading(admin, '確認 花子');
    await expectNoAxeViolations(admin, 'user detail (English)');
    await admin.goto(`${server.url}/journal`);
    await heading(admin, 'Journal');
    await expectNoAxeViolations(admin, 'journal (English)');
    await admin.goto(`${server.url}/policy/clauses/${encodeURIComponent('2.4.2.イ')}`);
    await heading(admin, 'Part 2, 4(2)イ');
    await admin.getByTestId('clause-history').waitFor();
    await expectNoAxeViolations(admin, 'clause detail (English)');
    await admin.goto(`${server.url}/policy/compliance`);
    await heading(admin, 'Compliance map');
    await admin.getByTestId('compliance-table').waitFor();
    await expectNoAxeViolations(admin, 'compliance map (English)');
    await admin.getByRole('button', { name: '日本語' }).click();
    await heading(admin, '準拠状況（コンプライアンスマップ）');
  });

  it('forced password change, with the server’s reasons', async () => {
    const page = await (await newContext(browser)).newPage();
    await signIn(page, server.url, 'a11y.hanako', initialPassword);
    await heading(page, 'パスワードの変更');
    await expectNoAxeViolations(page, 'forced password change');
    await field(page, '現在のパスワード').fill(initialPassword);
    await field(page, '新しいパスワード').first().fill('password1234');
    await field(page, '新しいパスワード（確認）').fill('password1234');
    await page.getByRole('button', { name: 'パスワードを変更する' }).click();
    await expectText(page, 'よく使われるパスワードは使えません。', '[role="alert"]');
    await expectNoAxeViolations(page, 'forced password change refused');
  });

  it('the sign-in code step', async () => {
    const page = await (await newContext(browser)).newPage();
    await signIn(page, server.url, 'admin', DEMO_PASSWORD);
    await heading(page, '確認コードの入力');
    await expectNoAxeViolations(page, 'sign-in code step');
    await field(page, '確認コード').fill(await adminCodes.nextCode());
    await page.getByRole('button', { name: '確認する' }).click();
    await heading(page, /ようこそ/);
  });

  it('phone width: open menu, user cards, journal cards', async () => {
    const page = await (await newContext(browser, phone)).newPage();
    await signIn(page, server.url, 'officer', DEMO_PASSWORD);
    await heading(page, /ようこそ/);
    await page.getByRole('button', { name: 'メニュー' }).click();
    await expectNoAxeViolations(page, 'phone: menu open');
    await page.goto(`${server.url}/organisation/users`);
    await page.getByRole('table').waitFor();
    await expectNoAxeViolations(page, 'phone: users as cards');
    await page.goto(`${server.url}/journal`);
    await page.getByRole('table').waitFor();
    await expectNoAxeViolations(page, 'phone: journal as cards');
    await page.goto(`${server.url}/policy/clauses?q=${encodeURIComponent('施錠')}`);
    await page.getByRole('link', { name: '第2 4(3)ウ' }).waitFor();
    await expectNoAxeViolations(page, 'phone: clause browser');
    await page.goto(`${server.url}/policy/clauses/${encodeURIComponent('2.4.2.イ')}`);
    await page.getByTestId('clause-history').waitFor();
    await expectNoAxeViolations(page, 'phone: clause detail');
    await page.goto(`${server.url}/policy/compliance`);
    await page.getByTestId('compliance-table').waitFor();
    await expectNoAxeViolations(page, 'phone: compliance map as cards');
  });
});
