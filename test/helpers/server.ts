import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { seedDemo } from '../../src/demo/seed-demo.js';
import { loadPolicyVersion } from '../../src/features/policy/load-policy-version.js';
import { readPolicyPackage } from '../../src/policy/loader.js';
import { buildApp } from '../../src/server/app.js';
import { loadConfig, projectRoot } from '../../src/config.js';
import { contextFor } from './factories.js';
import { shinjukuPolicy } from './app.js';
import { createTestDatabase, type TestDatabase } from './database.js';

export { DEMO_PASSWORD, demoUsers } from '../../src/demo/demo-municipality.js';

export interface TestServer {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  app: FastifyInstance;
  database: TestDatabase;
  stop(): Promise<void>;
}

/**
 * The real Bansho server for browser tests: a fresh database with the demo municipality (users in
 * `demoUsers`, all with DEMO_PASSWORD and no forced password change; `admin` and `cio` must enrol TOTP at first
 * sign-in), the built web UI from dist/web (run `npm run build:web` first), listening on a free loopback port.
 */
export async function startTestServer(): Promise<TestServer> {
  const database = await createTestDatabase();
  const policy = shinjukuPolicy();
  // As `bansho start` does on a fresh database: the package becomes the stored version in force, which the
  // clause browser, compliance map and page citations read.
  const loaded = readPolicyPackage(path.join(projectRoot, 'policies', 'shinjuku'));
  await loadPolicyVersion(contextFor(database.db, loaded.policy, null), loaded);
  await seedDemo(contextFor(database.db, policy, null));
  const app = await buildApp({ db: database.db, policy: () => policy, config: loadConfig({}) }, { webDir: path.join(projectRoot, 'dist', 'web') });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url: address,
    app,
    database,
    stop: async () => {
      await app.close();
      await database.drop();
    },
  };
}
