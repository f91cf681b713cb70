import { defineConfig } from 'vitest/config';

// promtool and amtool run for real in some tests: allow them time.
export default defineConfig({ test: { include: ['src/**/*.test.ts'], passWithNoTests: true, testTimeout: 60_000 } });
