import { defineConfig } from 'vitest/config';

// The end-to-end suite: one real Prometheus and Alertmanager for all scenarios, run in sequence.
export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 90_000,
    reporters: ['verbose'],
  },
});
