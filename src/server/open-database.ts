import path from 'node:path';
import { connectDatabase, type DatabaseHandle } from '../db/connect.js';
import { startEmbeddedPostgres } from '../db/embedded.js';
import { ensureDatabase } from '../db/ensure-database.js';
import { migrateToLatest } from '../db/migrate.js';
import { grantAppRole } from '../db/app-role.js';
import type { Config } from './config.js';
import { lockDataDir } from './data-dir-lock.js';

export interface OpenDatabase extends DatabaseHandle {
  /** Closes the pool, stops an embedded server and releases the data directory. */
  shutdown(): Promise<void>;
  embedded: boolean;
}

const APP_ROLE = 'bansho_app';

/**
 * Connects to DATABASE_URL, or starts the embedded PostgreSQL in the data directory (locked against a second
 * Bansho). Migrates as the owner; with the embedded server, Bansho then works as a role that cannot alter the
 * journal (with DATABASE_URL, the operator sets that up: docs/operations.md).
 */
export async function openDatabase(config: Config, log: (line: string) => void = () => undefined): Promise<OpenDatabase> {
  let ownerUrl = config.databaseUrl;
  let appUrl = ownerUrl;
  let stopServer: () => Promise<void> = () => Promise.resolve();
  let unlock = (): void => undefined;
  const release = async () => {
    await stopServer();
    unlock();
  };
  if (!ownerUrl) {
    unlock = lockDataDir(config.dataDir);
    try {
      log(`Starting the embedded PostgreSQL in ${path.join(config.dataDir, 'postgres')} …`);
      const server = await startEmbeddedPostgres(path.join(config.dataDir, 'postgres'));
      stopServer = () => server.stop();
      ownerUrl = await ensureDatabase(server.url, 'bansho');
      const app = new URL(ownerUrl);
      app.username = APP_ROLE;
      appUrl = app.toString();
    } catch (error) {
      await release();
      throw error;
    }
  }
  const owner = connectDatabase(ownerUrl, { max: 2 });
  try {
    const applied = await migrateToLatest(owner.db);
    if (applied.length > 0) log(`Migrations applied: ${applied.join(', ')}`);
    if (appUrl !== ownerUrl) await grantAppRole(owner.db, APP_ROLE, decodeURIComponent(new URL(ownerUrl).password));
  } catch (error) {
    await owner.close();
    await release();
    throw error;
  }
  await owner.close();
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
