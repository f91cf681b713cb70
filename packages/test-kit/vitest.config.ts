import { defineConfig } from 'vitest/config';

// The golden tests spawn vitest on a fixture project; the timeout only stops a hang on a busy machine.
export default defineConfig({ test: { include: ['src/**/*.test.ts'], testTimeout: 120_000 } });
