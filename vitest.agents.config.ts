import { defineConfig } from 'vitest/config';

// Real agent CLIs against the mock model (npm run test:agents); kept out of `npm test` because
// they install the CLIs into a cache dir and take tens of seconds each.
export default defineConfig({
  test: {
    include: ['tests/agents/**/*.agent-test.ts'],
    pool: 'forks',
    maxWorkers: 1,
    testTimeout: 180_000,
    hookTimeout: 360_000,
    reporters: ['default'],
  },
});
