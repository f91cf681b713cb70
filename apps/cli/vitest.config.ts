import { defineConfig } from 'vitest/config';

// The CLI tests spawn the compiled binary; give them time on a 2-core machine.
export default defineConfig({ test: { include: ['src/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000 } });
