import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { StartProblem } from '../start-problem.js';
import { commandLine, isRunning } from '../process-info.js';

/** The advisory lock a running Bansho holds on its embedded server for as long as it lives (any key of ours would do). */
export const OWNER_LOCK_KEY = 4_242_606_000;

function runningPostgres(pid: number): boolean {
  return isRunning(pid) && commandLine(pid).includes('postgres');
}

/** Opens a connection to the embedded server on `port` as its superuser. */
export async function connectAsOwner(port: number, password: string): Promise<pg.Client> {
  const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', password, database: 'postgres', application_name: 'bansho-owner', connectionTimeoutMillis: 5_000 });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

/** Whether a running Bansho holds the server on `port` (its owner connection keeps the lock; a killed one's is released by the server). */
async function heldByLiveBansho(port: number, password: string): Promise<boolean> {
  let client: pg.Client;
  try {
    client = await connectAsOwner(port, password);
  } catch {
    return false; // nobody can use a server we cannot reach either: treated as left over
  }
  try {
    const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [OWNER_LOCK_KEY]);
    return rows[0]?.locked !== true;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * A PostgreSQL left running by a Bansho that was killed (kill -9, crash) still holds the cluster. The caller
 * holds the data-directory lock; if the server's owner connection shows that a Bansho still uses it (its lock
 * file was deleted, say), starting is refused. Otherwise the server is asked for a fast shutdown, and a
 * postmaster.pid naming no running server (a killed, unreaped or reused pid) is removed so that PostgreSQL
 * starts.
 */
export async function takeOverLeftServer(clusterDir: string, password: string): Promise<void> {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (runningPostgres(pid)) {
    if (await heldByLiveBansho(port, password)) {
      throw new StartProblem(
        'data-dir-in-use',
        `Another Bansho is using the database in ${clusterDir} (PostgreSQL pid ${pid}). Stop it first, or choose another BANSHO_DATA_DIR.`,
        `別の Bansho が ${clusterDir} のデータベースを使用中です（PostgreSQL pid ${pid}）。先に停止するか、別の BANSHO_DATA_DIR を指定してください。`,
      );
    }
    try {
      process.kill(pid, 'SIGINT');
    } catch {
      // it ended meanwhile
    }
    for (let waited = 0; isRunning(pid); waited += 100) {
      if (waited > 60_000) {
        throw new StartProblem(
          'database-start',
          `The PostgreSQL (pid ${pid}) left by an earlier Bansho does not stop. Stop it (kill ${pid}) and start again.`,
          `以前の Bansho が残した PostgreSQL（pid ${pid}）が停止しません。停止して（kill ${pid}）から、もう一度起動してください。`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  if (existsSync(pidFile) && !runningPostgres(Number(readFileSync(pidFile, 'utf8').split('\n')[0]))) rmSync(pidFile, { force: true });
}
