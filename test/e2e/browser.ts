import { existsSync } from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { generate } from 'otplib';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { projectRoot } from '../../src/config.js';

/** Browser tests load the built UI (dist/web) from the real server: build it first. */
export function assertWebBuilt(): void {
  if (!existsSync(path.join(projectRoot, 'dist', 'web', 'index.html'))) {
    throw new Error('dist/web is missing: run `npm run build:web` before the browser tests.');
  }
}

/**
 * Checks that the server hands out the UI to someone not yet signed in: the page and the files it loads.
 * Without this a broken static route shows up only as "sign-in field not found" in every test.
 */
export async function assertServesWebUi(baseUrl: string): Promise<void> {
  for (const pagePath of ['/', '/sign-in']) {
    const response = await fetch(`${baseUrl}${pagePath}`);
    if (response.status !== 200) throw new Error(`GET ${pagePath} answered ${response.status}: the web UI must be public`);
  }
  const html = await (await fetch(`${baseUrl}/sign-in`)).text();
  const assets = [...html.matchAll(/(?:src|href)="(\/static\/[^"]+)"/g)].map((match) => match[1] ?? '');
  expect(assets.length).toBeGreaterThan(0);
  for (const asset of assets) {
    const response = await fetch(`${baseUrl}${asset}`);
    if (response.status !== 200) throw new Error(`GET ${asset} answered ${response.status}: built assets must be public`);
  }
}

/** Debian's Chromium with the flags these machines need (DESIGN §4). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const desktop = { width: 1280, height: 900 };
export const phone = { width: 375, height: 812 };

/** A fresh browser profile (own cookies) at the given size, in Japan time. */
export function newContext(browser: Browser, viewport = desktop): Promise<BrowserContext> {
  return browser.newContext({ viewport, locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
}

/**
 * TOTP codes for a test: the server refuses a code of a time step it has already accepted (replay), so
 * each call uses a later step than the last one; the server accepts one step ahead of now.
 */
export class Authenticator {
  private lastStep = 0;
  constructor(readonly secret: string) {}

  async nextCode(): Promise<string> {
    const nowStep = Math.floor(Date.now() / 30_000);
    if (this.lastStep > nowStep) await new Promise((resolve) => setTimeout(resolve, (this.lastStep - nowStep) * 30_000));
    const step = Math.max(nowStep, this.lastStep + 1);
    this.lastStep = step;
    return generate({ secret: this.secret, epoch: step * 30 });
  }
}

/** The input of a labelled field (the label may carry 「必須」 after the text). */
export function field(page: Page, label: string) {
  return page.getByRole('textbox', { name: new RegExp(`^${label}`) });
}

/** Signs in with login and password on the sign-in page; answers the code step when a code source is given. */
export async function signIn(page: Page, baseUrl: string, login: string, password: string, authenticator?: Authenticator) {
  await page.goto(`${baseUrl}/sign-in`);
  await field(page, 'ログインID').fill(login);
  await page.getByLabel(/^パスワード/).fill(password);
  await page.getByRole('button', { name: 'サインインする' }).click();
  if (authenticator) {
    // The code step already speaks the user's saved language, which may be English.
    await heading(page, /確認コードの入力|Enter your verification code/);
    await page.getByRole('textbox', { name: /^(確認コード|Verification code)/ }).fill(await authenticator.nextCode());
    await page.getByRole('button', { name: /^(確認する|Verify)$/ }).click();
  }
}

/** Enrols TOTP on the forced 二要素認証の設定 page and returns the code source for later sign-ins. */
export async function enrolMfa(page: Page): Promise<Authenticator> {
  await heading(page, '二要素認証の設定');
  await page.getByRole('button', { name: '設定を始める' }).click();
  const secret = (await page.getByTestId('mfa-secret').textContent())?.replace(/\s/g, '') ?? '';
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  const authenticator = new Authenticator(secret);
  await field(page, '確認コード').fill(await authenticator.nextCode());
  await page.getByRole('button', { name: '設定を完了する' }).click();
  return authenticator;
}

/** Runs axe with the WCAG 2.2 AA rule set and fails with a readable list of what is wrong. */
export async function expectNoAxeViolations(page: Page, what: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const problems = result.violations.map(
    (violation) => `${violation.id} (${violation.impact ?? ''}): ${violation.help}\n    ${violation.nodes.map((node) => node.target.join(' ')).join('\n    ')}`,
  );
  expect(problems, `axe violations on ${what}`).toEqual([]);
}

/** Waits until the page's h1 reads `name` (pages change without a load event in a single-page app). */
export async function heading(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor({ timeout: 10_000 });
}

/** Waits until the page (or a part of it) shows the text; fails with what it shows instead. */
export async function expectText(page: Page, text: string | RegExp, within = 'body'): Promise<void> {
  const shown = expect.poll(() => page.locator(within).first().innerText(), { timeout: 10_000 });
  await (typeof text === 'string' ? shown.toContain(text) : shown.toMatch(text));
}

/** Picks an option of a labelled select by its visible text (tree options are indented with spaces). */
export async function choose(page: Page, label: string, optionText: string): Promise<void> {
  const select = page.getByRole('combobox', { name: new RegExp(`^${label}`) });
  const value = await select
    .locator('option')
    .evaluateAll(
      (options, text) => (options as HTMLOptionElement[]).find((option) => option.textContent?.trim() === text)?.value,
      optionText,
    );
  if (value === undefined) throw new Error(`no option 「${optionText}」 in 「${label}」`);
  await select.selectOption(value);
}
