import { defineConfig } from 'vitest/config';

// Browser tests drive Debian's Chromium through playwright-core; they start the real server.
export default defineConfig({
  test: {
    globalSetup: ['test/helpers/build-once.ts'],
    include: ['test/e2e/**/*.test.ts'],
    testTimeout: 60000,
    hookTimeout: 90000,
    fileParallelism: false,
  },
});
