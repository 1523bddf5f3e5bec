import { defineConfig } from 'vitest/config';

// Unit and HTTP suites only: they need no browser, so `npm test` passes on a bare machine.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/http/**/*.test.ts'],
    testTimeout: 20000,
  },
});
