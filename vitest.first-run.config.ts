import { defineConfig } from 'vitest/config';

// The first-run tier (`npm run test:first-run`, run by CI as root): the README's commands from fresh copies of
// the checkout, as root and as an ordinary user. Minutes per case (each runs `npm install`), so not in `npm test`.
export default defineConfig({
  test: {
    include: ['test/first-run/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 30 * 60_000,
    hookTimeout: 60_000,
  },
});
