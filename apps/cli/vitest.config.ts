import { defineConfig } from 'vitest/config';

// The CLI tests spawn the compiled binary and real tools; the timeouts only stop a hang on a busy
// 2-core machine.
export default defineConfig({ test: { include: ['src/**/*.test.ts'], testTimeout: 180_000, hookTimeout: 120_000 } });
