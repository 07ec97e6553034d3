import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../src/server/embedded-postgres/server.js';
import { Job, copyCheckout, ordinaryUser, processesMentioning, root, type Person } from './checkout.js';

/**
 * The README's two commands, run as a new user would on a fresh server: a fresh copy of the checkout, then
 * `npm install && npm run demo`, a second Bansho on the same data, a third on a taken port, Ctrl-C, a restart
 * on the same data, and `npm test` (one database test file, so that its embedded PostgreSQL starts there too).
 * As root below a 0700 directory, as an ordinary user in their home, and in a path with spaces and Japanese.
 */

const INSTALL_MINUTES = 15;
const cleanups: (() => void)[] = [];
afterAll(() => {
  for (const cleanup of cleanups.reverse()) cleanup();
});

async function health(port: number): Promise<{ status: string; journal: { entries: number } }> {
  const response = await fetch(`http://127.0.0.1:${port}/api/health`);
  expect(response.status).toBe(200);
  return (await response.json()) as { status: string; journal: { entries: number } };
}

/** A refusal as the operator must see it: both languages, a hint, no stack trace, a failing exit code. */
async function expectRefusal(job: Job, en: RegExp, ja: RegExp): Promise<void> {
  const code = await job.exited;
  const output = job.output();
  expect(code, output).not.toBe(0);
  expect(output).toMatch(en);
  expect(output).toMatch(ja);
  expect(output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(output).not.toMatch(/Unhandled|ERR_UNHANDLED/);
}

function worldWritable(dir: string): string[] {
  const found = spawnSync('find', [dir, '-path', `${dir}/node_modules`, '-prune', '-o', '-perm', '-o+w', '!', '-type', 'l', '-print'], { encoding: 'utf8' });
  return found.stdout.split('\n').filter(Boolean);
}

async function runTheReadme(person: Person, checkout: string, env: Record<string, string>): Promise<void> {
  copyCheckout(checkout, person);
  const port = await freePort();
  const settings = { ...env, PORT: String(port), HOST: '127.0.0.1' };

  const first = new Job(person, checkout, 'npm install --no-audit --no-fund && npm run demo', settings);
  cleanups.push(() => first.child.pid && processesMentioning(checkout).length > 0 && process.kill(-first.child.pid, 'SIGKILL'));
  await first.waitFor(/Bansho is running at/, INSTALL_MINUTES * 60_000);
  // `npm install` built Bansho; `npm run demo` did not build it again.
  expect(first.output()).not.toMatch(/Sources changed since the last build/);
  expect(first.output()).toMatch(/Demo municipality loaded/);
  const before = await health(port);
  expect(before.status).toBe('ok');

  // A second Bansho on the same data directory is refused; the first goes on serving.
  const second = new Job(person, checkout, 'npm run demo', { ...settings, PORT: String(await freePort()) });
  await expectRefusal(second, /Another Bansho \(pid \d+\) is already using/, /別の Bansho/);
  expect((await health(port)).status).toBe('ok');

  // A taken port is refused before anything is written, with the command to use instead.
  const elsewhere = path.join(checkout, 'other-data');
  const third = new Job(person, checkout, 'npm run demo', { ...settings, BANSHO_DATA_DIR: elsewhere });
  await expectRefusal(third, new RegExp(`Port ${port} is already in use.*PORT=\\d+ npm run demo`), /は既に使用されています/);
  expect(existsSync(elsewhere)).toBe(false);

  // Ctrl-C stops Bansho and its PostgreSQL, in order (no session cut under Bansho's feet).
  expect([0, 130], first.output()).toContain(await first.interrupt());
  expect(first.output()).toMatch(/stopping Bansho/);
  expect(first.output()).not.toMatch(/pool error|terminating connection/);
  expect(processesMentioning(checkout)).toEqual([]);

  // Started again on the same data: the demo is there, not loaded twice.
  const again = new Job(person, checkout, 'npm run demo', settings);
  await again.waitFor(/Bansho is running at/, 120_000);
  expect(again.output()).not.toMatch(/Demo municipality loaded|Sources changed/);
  const after = await health(port);
  expect(after.journal.entries).toBeGreaterThanOrEqual(before.journal.entries);
  expect([0, 130], again.output()).toContain(await again.interrupt());
  expect(processesMentioning(checkout)).toEqual([]);

  // The test command works here too.
  const tests = new Job(person, checkout, 'npm test -- --project db src/server/app.db.test.ts');
  expect(await tests.exited, tests.output()).toBe(0);
  expect(tests.output()).toMatch(/Tests\s+\d+ passed/);

  // Nothing of the checkout became world-writable, and the database's password is Bansho's alone.
  expect(worldWritable(checkout)).toEqual([]);
  const secretFile = path.join(checkout, 'data', 'postgres', 'secret.json');
  expect(statSync(secretFile).mode & 0o077).toBe(0);
  // The application role has a password of its own, not the superuser's.
  const secrets = JSON.parse(readFileSync(secretFile, 'utf8')) as { password: string; appPassword: string };
  expect(secrets.appPassword).toMatch(/^[0-9a-f]{48}$/);
  expect(secrets.appPassword).not.toBe(secrets.password);
}

describe.runIf(process.getuid?.() === 0)('the README on a fresh server', () => {
  it('as root, in a checkout below a 0700 directory: the cluster moves where PostgreSQL\'s user can reach it', { timeout: (INSTALL_MINUTES + 10) * 60_000 }, async () => {
    const home = mkdtempSync(path.join(os.tmpdir(), 'bansho-root-home-'));
    const systemDir = mkdtempSync(path.join(os.tmpdir(), 'bansho-system-'));
    chmodSync(systemDir, 0o755);
    cleanups.push(() => rmSync(home, { recursive: true, force: true }), () => rmSync(systemDir, { recursive: true, force: true }));
    expect(statSync(home).mode & 0o777).toBe(0o700);
    const checkout = path.join(home, 'bansho');
    await runTheReadme(root(), checkout, { BANSHO_SYSTEM_DATA_DIR: systemDir });

    const pointer = readFileSync(path.join(checkout, 'data', 'postgres', 'cluster-location'), 'utf8').trim();
    expect(pointer.startsWith(systemDir)).toBe(true);
    const cluster = statSync(path.join(pointer, 'cluster'));
    expect(cluster.mode & 0o777).toBe(0o700);
    expect(cluster.uid).not.toBe(0);
    // The server's programs were copied beside it, writable by root alone.
    expect(worldWritable(pointer)).toEqual([]);
    expect(existsSync(path.join(pointer, spawnSync('ls', [pointer], { encoding: 'utf8' }).stdout.split('\n').find((n) => n.startsWith('postgresql-')) ?? '-', 'bin', 'postgres'))).toBe(true);
  });

  it('as an ordinary user in their home: the server runs as that user', { timeout: (INSTALL_MINUTES + 10) * 60_000 }, async () => {
    const person = ordinaryUser('bansho-first-run');
    chmodSync(person.home, 0o700);
    const checkout = path.join(person.home, 'bansho');
    rmSync(checkout, { recursive: true, force: true });
    cleanups.push(() => rmSync(checkout, { recursive: true, force: true }));
    await runTheReadme(person, checkout, {});
    const cluster = statSync(path.join(checkout, 'data', 'postgres', 'cluster'));
    expect([cluster.uid, cluster.mode & 0o777]).toEqual([person.uid, 0o700]);
  });

  it('as root, in a path with spaces and Japanese characters', { timeout: (INSTALL_MINUTES + 10) * 60_000 }, async () => {
    const base = mkdtempSync(path.join(os.tmpdir(), 'bansho-path-'));
    chmodSync(base, 0o755);
    cleanups.push(() => rmSync(base, { recursive: true, force: true }));
    const checkout = path.join(base, '情報 セキュリティ', '番所 Bansho');
    mkdirSync(path.dirname(checkout), { recursive: true });
    await runTheReadme(root(), checkout, {});
    expect(existsSync(path.join(checkout, 'data', 'postgres', 'cluster', 'PG_VERSION'))).toBe(true);
  });
});
