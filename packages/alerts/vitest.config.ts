import { defineConfig } from 'vitest/config';
import { goldenTestOptions } from '@monspec/test-kit/vitest-config';

// promtool and amtool run for real in some tests: allow them time.
export default defineConfig({ test: { include: ['src/**/*.test.ts'], passWithNoTests: true, testTimeout: 60_000, ...goldenTestOptions() } });
