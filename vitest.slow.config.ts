import { defineConfig } from 'vitest/config';

// Slow tests that start the real server and attack it; `npm run test:slow`, also run by .ci/run.
export default defineConfig({
  test: {
    include: ['test/slow/**/*.slow.test.ts'],
    testTimeout: 120000,
  },
});
