import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generate } from 'otplib';
import { afterAll, describe, expect, it } from 'vitest';
import { connectDatabase } from '../../src/db/connect.js';
import { freePort, startEmbeddedPostgres } from '../../src/server/embedded-postgres/server.js';
import { ensureDatabase } from '../../src/db/ensure-database.js';
import { verifyJournal } from '../../src/journal/verify.js';
import { projectRoot } from '../../src/config.js';
import { commandLine, isRunning, processInfo } from '../../src/server/process-info.js';

/**
 * DESIGN §7: "kill -9 under write load: no acknowledged write lost". The real `bansho start` runs as a child
 * process on the embedded PostgreSQL in a fresh data directory. A stream of user registrations is cut by
 * `kill -9` twice: first of Bansho alone (its PostgreSQL lives on as an orphan, which the next start takes over),
 * then of Bansho together with every PostgreSQL process (a crash PostgreSQL must recover from). Every registration that was
 * answered 201 must be there afterwards, with its journal entries, and the journal must verify.
 */

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bansho-crash-'));
// The embedded server runs as the unprivileged `postgres` user, which must be able to enter the directory.
chmodSync(dataDir, 0o755);
const clusterDir = path.join(dataDir, 'postgres', 'cluster');
const children: ChildProcess[] = [];

/** A process that runs: one that has exited but is not yet reaped (an orphan waits for init) counts as ended. */
const alive = (pid: number): boolean => isRunning(pid);

function postmasterPid(): number | null {
  const file = path.join(clusterDir, 'postmaster.pid');
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, 'utf8').split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/** The processes whose parent is `pid` (PostgreSQL's backends and helpers put themselves in their own groups). */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((child) => processInfo(child)?.ppid === pid);
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  for (let waited = 0; waited < timeoutMs; waited += 50) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

interface Server {
  child: ChildProcess;
  url: string;
  output: () => string;
}

/** Starts `bansho start` on the data directory; resolves once it listens. Its own process group, so that it can be killed whole. */
async function startServer(port: number): Promise<Server> {
  const env: NodeJS.ProcessEnv = { ...process.env, BANSHO_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', BANSHO_LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', path.join('src', 'cli', 'main.ts'), 'start'], { cwd: projectRoot, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Bansho did not start within 90 s:\n${output}`)), 90_000);
    const check = setInterval(() => {
      if (/Bansho is running at/.test(output)) {
        clearInterval(check);
        clearTimeout(timer);
        resolve();
      }
    }, 50);
    child.once('exit', (code, signal) => {
      clearInterval(check);
      clearTimeout(timer);
      reject(new Error(`Bansho exited (${code ?? signal}) before listening:\n${output}`));
    });
  });
  child.removeAllListeners('exit');
  return { child, url: `http://127.0.0.1:${port}`, output: () => output };
}

/** A browser over fetch: keeps cookies and echoes the CSRF token. */
class Browser {
  private cookies = new Map<string, string>();
  constructor(public base: string) {}

  async send(method: string, url: string, body?: unknown): Promise<{ status: number; json: unknown }> {
    if (!this.cookies.has('bansho_csrf') && method !== 'GET') await this.send('GET', '/api/session');
    const headers: Record<string, string> = { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'x-csrf-token': this.cookies.get('bansho_csrf') ?? '' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.base}${url}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      if (value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await response.text();
    return { status: response.status, json: text ? (JSON.parse(text) as unknown) : null };
  }
}

interface Acknowledged {
  login: string;
  id: string;
}

/**
 * Registers users from `workers` concurrent loops until told to stop or the server goes away; returns what was
 * acknowledged (201) and how many requests had no answer.
 */
function writeStream(browser: Browser, prefix: string, departmentId: string, workers: number) {
  const acknowledged: Acknowledged[] = [];
  let unanswered = 0;
  let stopped = false;
  let next = 0;
  const loops = Array.from({ length: workers }, async () => {
    while (!stopped) {
      next += 1;
      const login = `${prefix}-${next}`;
      try {
        const response = await browser.send('POST', '/api/users', { login, staffNumber: `${prefix.toUpperCase()}-${next}`, name: `耐障害 ${next}`, departmentId });
        if (response.status === 201) acknowledged.push({ login, id: (response.json as { user: { id: string } }).user.id });
        else throw new Error(`unexpected ${response.status} ${JSON.stringify(response.json)}`);
      } catch (error) {
        if (error instanceof Error && error.message.startsWith('unexpected')) throw error;
        unanswered += 1;
        return; // the server is gone
      }
    }
  });
  return {
    acknowledged,
    unanswered: () => unanswered,
    done: async () => {
      await Promise.all(loops);
    },
    stop: () => {
      stopped = true;
    },
  };
}

afterAll(async () => {
  for (const child of children) {
    if (child.pid && alive(child.pid)) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
  const pid = postmasterPid();
  if (pid && alive(pid) && commandLine(pid).includes('postgres')) process.kill(pid, 'SIGKILL');
  await waitFor(() => !pid || !alive(pid), 'the last PostgreSQL to end', 10_000).catch(() => undefined);
  rmSync(dataDir, { recursive: true, force: true });
});

describe('kill -9 under write load', () => {
  it('loses no acknowledged write, whether Bansho alone or Bansho and its PostgreSQL are killed', { timeout: 240_000 }, async () => {
    const port = await freePort();

    // First start: a fresh data directory, an administrator with a one-time password printed once.
    let server = await startServer(port);
    const password = /login: admin\s+password: (\S+)/.exec(server.output())?.[1];
    expect(password, server.output()).toBeDefined();
    const browser = new Browser(server.url);
    expect((await browser.send('POST', '/api/session', { login: 'admin', password })).status).toBe(200);
    const newPassword = 'Kumo-no-Ue-de-Odoru-7';
    expect((await browser.send('POST', '/api/account/password', { currentPassword: password, newPassword })).status).toBe(204);
    // The administrator's role requires TOTP (policy `mfaRequired`): enrol, as the UI would at first sign-in.
    const setup = await browser.send('POST', '/api/account/mfa/setup');
    const { secret } = setup.json as { secret: string };
    expect((await browser.send('POST', '/api/account/mfa/confirm', { code: await generate({ secret }) })).status).toBe(204);
    const departments = (await browser.send('GET', '/api/departments')).json as { items: { id: string }[] };
    const departmentId = departments.items[0]?.id ?? '';
    expect(departmentId).not.toBe('');

    const acknowledged: Acknowledged[] = [];

    // Phase 1: kill -9 of Bansho alone, mid-stream.
    const first = writeStream(browser, 'crash-a', departmentId, 6);
    await waitFor(() => first.acknowledged.length >= 40, '40 acknowledged writes');
    const postgresBefore = postmasterPid();
    server.child.kill('SIGKILL');
    await first.done();
    first.stop();
    acknowledged.push(...first.acknowledged);
    expect(first.unanswered()).toBeGreaterThan(0); // the kill did cut requests in flight
    await waitFor(() => !alive(server.child.pid ?? 0), 'Bansho to die');
    // The embedded server does not die with Bansho (its own process group): it lives on as an orphan holding the cluster.
    expect(postgresBefore).not.toBeNull();
    expect(alive(postgresBefore ?? 0)).toBe(true);

    // Restart on the same data: the stale bansho.pid and the orphaned PostgreSQL are taken over.
    server = await startServer(port);
    expect(alive(postgresBefore ?? 0)).toBe(false);
    expect(postmasterPid()).not.toBe(postgresBefore);
    // The session survived (sessions live in PostgreSQL); every acknowledged user is there.
    for (const { login, id } of acknowledged) {
      const response = await browser.send('GET', `/api/users/${id}`);
      expect([login, response.status, (response.json as { user?: { login: string } }).user?.login]).toEqual([login, 200, login]);
    }

    // Phase 2: kill -9 of Bansho and of every PostgreSQL process at the same instant, mid-stream: PostgreSQL gets
    // no chance to flush anything, and must recover from its write-ahead log.
    const second = writeStream(browser, 'crash-b', departmentId, 6);
    await waitFor(() => second.acknowledged.length >= 40, '40 more acknowledged writes');
    const postgresNow = postmasterPid() ?? 0;
    const victims = [server.child.pid ?? 0, postgresNow, ...childrenOf(postgresNow)];
    for (const pid of victims) process.kill(pid, 'SIGKILL');
    await second.done();
    second.stop();
    acknowledged.push(...second.acknowledged);
    expect(second.unanswered()).toBeGreaterThan(0);
    await waitFor(() => victims.every((pid) => !alive(pid)), 'Bansho and PostgreSQL to die');

    server = await startServer(port);
    const health = (await browser.send('GET', '/api/health')).json as { status: string; journal: { entries: number } };
    expect(health.status).toBe('ok');
    for (const { login, id } of acknowledged) {
      const response = await browser.send('GET', `/api/users/${id}`);
      expect([login, response.status]).toEqual([login, 200]);
    }

    // An orderly stop, then the data itself: every acknowledged user, each write whole, and a sound journal.
    server.child.kill('SIGTERM');
    await waitFor(() => !alive(server.child.pid ?? 0), 'Bansho to stop', 30_000);
    await waitFor(() => postmasterPid() === null, 'PostgreSQL to stop', 30_000);
    const postgres = await startEmbeddedPostgres(path.join(dataDir, 'postgres'));
    const handle = connectDatabase(await ensureDatabase(postgres.url, 'bansho'));
    try {
      const users = await handle.db.selectFrom('users').select(['id', 'login']).where('login', 'like', 'crash-%').execute();
      const present = new Map(users.map((u) => [u.id, u.login]));
      for (const { login, id } of acknowledged) expect([login, present.get(id)]).toEqual([login, login]);

      // No half-done act: each registered user has its staff role and both journal entries, and no entry
      // names a user that is not there.
      const created = await handle.db.selectFrom('journal').select(['entity_id', 'data']).where('type', '=', 'user.created').execute();
      const createdIds = new Set(created.filter((e) => (e.data as { login: string }).login.startsWith('crash-')).map((e) => e.entity_id));
      expect([...createdIds].sort()).toEqual([...present.keys()].sort());
      const granted = await handle.db.selectFrom('journal').select('entity_id').where('type', '=', 'role.granted').where('entity_id', 'in', [...present.keys()]).execute();
      expect(granted).toHaveLength(present.size);
      const roles = await handle.db.selectFrom('role_assignments').select('user_id').where('user_id', 'in', [...present.keys()]).execute();
      expect(roles).toHaveLength(present.size);

      const verified = await verifyJournal(handle.db);
      expect(verified).toMatchObject({ ok: true, firstBroken: null });
      expect(verified.entries).toBeGreaterThanOrEqual(health.journal.entries);
    } finally {
      await handle.close();
      await postgres.stop();
    }
  });
});
