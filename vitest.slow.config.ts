import { defineConfig } from 'vitest/config';

/**
 * Slow suites, run by `npm run test:slow` (and by CI after `npm test`): the fuzzer, the command-line
 * tools (the demo seeder too), backup and restore, the real server started as a process, and the layer
 * rules run as a CLI.
 */
export const SLOW_SUITES = [
  'test/http/fuzz.test.ts',
  'test/http/cli.test.ts',
  'test/http/backup.test.ts',
  'test/http/server.test.ts',
  'test/unit/boundaries.test.ts',
  'test/unit/demo-candidates.test.ts',
  // Start the real server and attack it.
  'test/slow/**/*.slow.test.ts',
];

export default defineConfig({
  test: {
    globalSetup: ['test/helpers/build-once.ts'],
    include: SLOW_SUITES,
    testTimeout: 120000,
    hookTimeout: 90000,
    // One file at a time: each spawns processes or sends thousands of requests, and side by side on two
    // cores they push each other past their time budgets.
    fileParallelism: false,
  },
});
