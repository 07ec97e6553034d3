import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../config.js';
import { freePort } from './embedded-postgres/server.js';

/**
 * Every failure to start ends with one message in English and Japanese that says what to do, a non-zero exit,
 * no stack trace, and nothing left running. `bansho start` runs as the README's command would run it.
 */
const scratch = mkdtempSync(path.join(os.tmpdir(), 'bansho-start-failures-'));
// As root, a data directory the database's user cannot enter would have its cluster moved to the system directory.
chmodSync(scratch, 0o755);
const mounts: string[] = [];
afterAll(() => {
  for (const mount of mounts) spawnSync('umount', [mount]);
  rmSync(scratch, { recursive: true, force: true });
});

/** The environment of `bansho start` with the embedded database (the tests' own DATABASE_URL removed). */
function environment(env: Record<string, string>): NodeJS.ProcessEnv {
  const all: NodeJS.ProcessEnv = { ...process.env, HOST: '127.0.0.1', BANSHO_LOG_LEVEL: 'warn', BANSHO_SYSTEM_DATA_DIR: path.join(scratch, 'system'), ...env };
  delete all.DATABASE_URL;
  return all;
}

async function start(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join('src', 'cli', 'main.ts'), 'start'], { cwd: projectRoot, env: environment(env), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, output };
}

/** `bansho start` on `dataDir`, resolved once it serves; fails with its output if it ends first. */
async function serve(dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join('src', 'cli', 'main.ts'), 'start'], { cwd: projectRoot, env: environment({ PORT: String(port), BANSHO_DATA_DIR: dataDir }), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  for (let waited = 0; !/Bansho is running at/.test(output); waited += 100) {
    if (waited > 90_000 || child.exitCode !== null) throw new Error(`Bansho did not start on ${dataDir}:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return child;
}

function expectClearFailure(result: { code: number | null; output: string }, en: RegExp, ja: RegExp): void {
  expect(result.code, result.output).not.toBe(0);
  expect(result.output).toMatch(en);
  expect(result.output).toMatch(ja);
  expect(result.output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
}

function postgresRunningIn(dir: string): boolean {
  return spawnSync('pgrep', ['-f', `-D ${dir}`]).status === 0;
}

// These start Bansho's own embedded server whatever DATABASE_URL says: a run against an external PostgreSQL
// (CI's PostgreSQL 15 pass) would only repeat them.
describe.skipIf(Boolean(process.env.DATABASE_URL))('start failures', () => {
  it('a taken port: refused before anything is written, with a free port to use instead', async () => {
    const blocker = net.createServer();
    const port = await freePort();
    await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve));
    try {
      const dataDir = path.join(scratch, 'port');
      const result = await start({ PORT: String(port), BANSHO_DATA_DIR: dataDir });
      expectClearFailure(result, new RegExp(`Port ${port} is already in use .*PORT=\\d+ npm start`), /は既に使用されています/);
      const suggested = Number(/PORT=(\d+) npm start/.exec(result.output)?.[1]);
      expect(suggested).not.toBe(port);
      expect(existsSync(dataDir)).toBe(false);
    } finally {
      blocker.close();
    }
  });

  it('a data directory that cannot be written', async () => {
    const file = path.join(scratch, 'a-file');
    writeFileSync(file, '');
    const result = await start({ PORT: String(await freePort()), BANSHO_DATA_DIR: path.join(file, 'data') });
    expectClearFailure(result, /cannot write to its data directory .*BANSHO_DATA_DIR=/, /書き込めません/);
  });

  it('a lock naming a live process that is not Bansho (pid 1), or a dead one, does not stop the start', { timeout: 120_000 }, async () => {
    const dataDir = path.join(scratch, 'stale-lock');
    mkdirSync(dataDir, { recursive: true });
    for (const holder of ['1', '999999999 123 not-this-boot']) {
      writeFileSync(path.join(dataDir, 'bansho.pid'), `${holder}\n`);
      const child = await serve(dataDir, await freePort());
      expect(readFileSync(path.join(dataDir, 'bansho.pid'), 'utf8').split(' ')[0]).toBe(String(child.pid));
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      expect(existsSync(path.join(dataDir, 'bansho.pid'))).toBe(false);
    }
    expect(postgresRunningIn(dataDir)).toBe(false);
  });

  it('a deleted lock file does not let a second Bansho take the running one\'s database; a restart straight after kill -9 succeeds first time', { timeout: 240_000 }, async () => {
    const dataDir = path.join(scratch, 'fooled-lock');
    const port = await freePort();
    let first = await serve(dataDir, port);
    rmSync(path.join(dataDir, 'bansho.pid'));
    const second = await start({ PORT: String(await freePort()), BANSHO_DATA_DIR: dataDir });
    expectClearFailure(second, /Another Bansho is using the database in .*Stop it first/, /別の Bansho が .* のデータベースを使用中です/);
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
    for (let cycle = 0; cycle < 3; cycle += 1) {
      first.kill('SIGKILL');
      await new Promise((resolve) => first.once('exit', resolve));
      first = await serve(dataDir, port); // its PostgreSQL lives on as an orphan: taken over at once
      expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
    }
    first.kill('SIGTERM');
    await new Promise((resolve) => first.once('exit', resolve));
    expect(postgresRunningIn(dataDir)).toBe(false);
  });

  const canMount = process.getuid?.() === 0 && spawnSync('mount', ['--version']).status === 0;
  it.runIf(canMount)('a full disk: the database cannot be created, and nothing is left running', { timeout: 120_000 }, async () => {
    const small = path.join(scratch, 'small-disk');
    mkdirSync(small);
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=6m,mode=0755', 'tmpfs', small], { encoding: 'utf8' });
    expect(mounted.status, mounted.stderr).toBe(0);
    mounts.push(small);
    const result = await start({ PORT: String(await freePort()), BANSHO_DATA_DIR: path.join(small, 'data') });
    expectClearFailure(result, /The disk holding .* is full/, /ディスクに空きがありません/);
    expect(postgresRunningIn(small)).toBe(false);
  });
});
