import { defineConfig } from 'vitest/config';
import { SLOW_SUITES } from './vitest.slow.config.js';

// Unit and HTTP suites only: they need no browser, so `npm test` passes on a bare machine.
// The slow ones (fuzz, CLI, backup, server processes) run with `npm run test:slow`.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/http/**/*.test.ts'],
    exclude: SLOW_SUITES,
    testTimeout: 20000,
  },
});
