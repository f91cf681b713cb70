import { defineConfig } from 'vitest/config';
import { goldenTestOptions } from '@monspec/test-kit/vitest-config';

export default defineConfig({ test: { include: ['src/**/*.test.ts'], passWithNoTests: true, ...goldenTestOptions() } });
