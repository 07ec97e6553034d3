import { accessSync, constants, mkdirSync } from 'node:fs';
import path from 'node:path';
import { connectDatabase, type DatabaseHandle } from '../db/connect.js';
import { ensureDatabase } from '../db/ensure-database.js';
import { migrateToLatest } from '../db/migrate.js';
import { grantAppRole } from '../db/app-role.js';
import type { Config } from '../config.js';
import { lockDataDir } from './data-dir-lock.js';
import { startEmbeddedPostgres } from './embedded-postgres/server.js';
import { StartProblem, diskFull, isDiskFull } from './start-problem.js';

export interface OpenDatabase extends DatabaseHandle {
  /** Closes the pool, stops an embedded server and releases the data directory. */
  shutdown(): Promise<void>;
  embedded: boolean;
}

const APP_ROLE = 'bansho_app';

/** Creates the data directory if needed and makes sure Bansho can write there, before anything else is done. */
function prepareDataDir(dataDir: string): void {
  try {
    mkdirSync(dataDir, { recursive: true });
    accessSync(dataDir, constants.W_OK);
  } catch (error) {
    if (isDiskFull(error)) throw diskFull(dataDir, error);
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new StartProblem(
      'data-dir-not-writable',
      `Bansho cannot write to its data directory ${dataDir} (${code}). Give this user that directory, or choose one it may write to: BANSHO_DATA_DIR=/path/to/dir`,
      `データディレクトリ ${dataDir} に書き込めません（${code}）。このユーザーに書き込み権限を与えるか、書き込めるディレクトリを指定してください: BANSHO_DATA_DIR=/path/to/dir`,
      { cause: error },
    );
  }
}

/**
 * Connects to DATABASE_URL, or starts the embedded PostgreSQL in the data directory (locked against a second
 * Bansho). Migrates as the owner; with the embedded server, Bansho then works as a role that cannot alter the
 * journal (with DATABASE_URL, the operator sets that up: docs/operations.md).
 */
export async function openDatabase(config: Config, log: (line: string) => void = () => undefined): Promise<OpenDatabase> {
  let ownerUrl = config.databaseUrl;
  let appUrl = ownerUrl;
  let appPassword: string | undefined;
  let stopServer: () => Promise<void> = () => Promise.resolve();
  let unlock = (): void => undefined;
  const release = async () => {
    await stopServer();
    unlock();
  };
  try {
    if (!ownerUrl) {
      prepareDataDir(config.dataDir);
      unlock = lockDataDir(config.dataDir);
      const server = await startEmbeddedPostgres(path.join(config.dataDir, 'postgres'), { systemDir: config.systemDataDir });
      stopServer = () => server.stop();
      log(`Embedded PostgreSQL / 組み込み PostgreSQL: ${server.clusterDir}`);
      if (server.relocated) {
        log(`  (${config.dataDir} is out of reach of the database's unprivileged user, so its cluster lives there / データベースの非特権ユーザーが ${config.dataDir} に入れないため、そちらに置いています)`);
      }
      ownerUrl = await ensureDatabase(server.url, 'bansho');
      appPassword = server.appPassword;
      const app = new URL(ownerUrl);
      app.username = APP_ROLE;
      app.password = appPassword;
      appUrl = app.toString();
    }
    const owner = connectDatabase(ownerUrl, { max: 2 });
    try {
      const applied = await migrateToLatest(owner.db);
      if (applied.length > 0) log(`Migrations applied: ${applied.join(', ')}`);
      if (appPassword) await grantAppRole(owner.db, APP_ROLE, appPassword);
    } finally {
      await owner.close();
    }
  } catch (error) {
    await release();
    if (isDiskFull(error) && !(error instanceof StartProblem)) throw diskFull(config.databaseUrl ? 'the database server' : config.dataDir, error);
    throw error;
  }
  const handle = connectDatabase(appUrl ?? ownerUrl);
  return {
    ...handle,
    embedded: !config.databaseUrl,
    shutdown: async () => {
      await handle.close();
      await release();
    },
  };
}
