import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // every e2e test fails if its browser made a network request (tests/e2e/network-guard.setup.ts)
    setupFiles: ['tests/e2e/network-guard.setup.ts'],
    // the e2e suites drive one real Chromium each; on a 2-core machine run files one at a time
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
