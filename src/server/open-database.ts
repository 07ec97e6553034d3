import path from 'node:path';
import { connectDatabase, type DatabaseHandle } from '../db/connect.js';
import { startEmbeddedPostgres } from '../db/embedded.js';
import { ensureDatabase } from '../db/ensure-database.js';
import { migrateToLatest } from '../db/migrate.js';
import type { Config } from './config.js';
import { lockDataDir } from './data-dir-lock.js';

export interface OpenDatabase extends DatabaseHandle {
  /** Closes the pool, stops an embedded server and releases the data directory. */
  shutdown(): Promise<void>;
  embedded: boolean;
}

/**
 * Connects to DATABASE_URL, or starts the embedded PostgreSQL in the data directory (locked against a second
 * Bansho), then migrates.
 */
export async function openDatabase(config: Config, log: (line: string) => void = () => undefined): Promise<OpenDatabase> {
  let url = config.databaseUrl;
  let stopServer: () => Promise<void> = () => Promise.resolve();
  let unlock = (): void => undefined;
  if (!url) {
    unlock = lockDataDir(config.dataDir);
    try {
      log(`Starting the embedded PostgreSQL in ${path.join(config.dataDir, 'postgres')} …`);
      const server = await startEmbeddedPostgres(path.join(config.dataDir, 'postgres'));
      stopServer = () => server.stop();
      url = await ensureDatabase(server.url, 'bansho');
    } catch (error) {
      await stopServer();
      unlock();
      throw error;
    }
  }
  const handle = connectDatabase(url);
  try {
    const applied = await migrateToLatest(handle.db);
    if (applied.length > 0) log(`Migrations applied: ${applied.join(', ')}`);
  } catch (error) {
    await handle.close();
    await stopServer();
    unlock();
    throw error;
  }
  return {
    ...handle,
    embedded: !config.databaseUrl,
    shutdown: async () => {
      await handle.close();
      await stopServer();
      unlock();
    },
  };
}
