import { defineConfig } from 'vitest/config';
import { goldenTestOptions } from '@monspec/test-kit/vitest-config';

// remark over the whole tunnel spec takes about a second per generate(); the browser test launches Chromium.
export default defineConfig({ test: { include: ['src/**/*.test.ts'], passWithNoTests: true, testTimeout: 30_000, hookTimeout: 60_000, ...goldenTestOptions() } });
