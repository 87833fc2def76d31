import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', './test/summary-reporter.ts'],
    // e2e tests spawn the built binary and a pseudo-terminal: generous safety nets, not performance limits
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
