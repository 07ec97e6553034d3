import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { connectDatabase } from '../../src/db/connect.js';
import { startEmbeddedPostgres } from '../../src/server/embedded-postgres/server.js';
import { ensureDatabase } from '../../src/db/ensure-database.js';
import { migrateToLatest } from '../../src/db/migrate.js';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseServerUrl: string;
    templateDatabase: string;
  }
}

/**
 * Once per test run: a real PostgreSQL (DATABASE_URL, or an embedded server in a temporary directory) with a
 * migrated template database that each test file copies.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let serverUrl = process.env.DATABASE_URL;
  let stop: () => Promise<void> = () => Promise.resolve();
  let dir: string | undefined;
  if (!serverUrl) {
    dir = mkdtempSync(path.join(os.tmpdir(), 'bansho-test-pg-'));
    const server = await startEmbeddedPostgres(dir);
    serverUrl = server.url;
    stop = () => server.stop();
  }
  const template = `bansho_tpl_${randomBytes(4).toString('hex')}`;
  const templateUrl = await ensureDatabase(serverUrl, template);
  const handle = connectDatabase(templateUrl);
  await migrateToLatest(handle.db);
  await handle.close();
  project.provide('databaseServerUrl', serverUrl);
  project.provide('templateDatabase', template);

  return async () => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $2`,
      [template, `${template}_%`],
    );
    for (const row of rows) await client.query(`DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`);
    await client.end();
    await stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  };
}
