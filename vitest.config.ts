import { defineConfig } from 'vitest/config';

// Integration and e2e tests spawn real PTYs and daemons: two cores, so at most two files at once.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 30_000,
    reporters: ['default'],
  },
});
