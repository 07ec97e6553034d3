import os from 'node:os';
import { defineConfig } from 'vitest/config';

// Three tiers: pure unit tests, database/API tests on a real PostgreSQL (embedded, or DATABASE_URL),
// and browser tests in Debian's Chromium.
//
// Where the time goes (docs/performance.md, "The test suite"): importing the app for every file, and the browser
// tests one after another. Unit and database files share their workers' module cache (isolate: false: each file
// has its own database and no file changes module state), one worker per core; the database tests wait on
// PostgreSQL more than on the CPU, so two run side by side even on two cores. Browser files run one at a time.
export default defineConfig({
  test: {
    maxWorkers: Math.max(2, os.availableParallelism()),
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['**/*.db.test.ts', '**/*.e2e.test.ts', 'test/first-run/**', 'node_modules/**'],
          isolate: false,
        },
      },
      {
        test: {
          name: 'db',
          include: ['src/**/*.db.test.ts', 'test/**/*.db.test.ts'],
          globalSetup: ['test/helpers/global-database.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          isolate: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.test.ts'],
          globalSetup: ['test/helpers/global-database.ts'],
          testTimeout: 60_000,
          hookTimeout: 90_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
