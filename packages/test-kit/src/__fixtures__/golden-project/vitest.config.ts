import { defineConfig } from 'vitest/config';
import { goldenTestOptions } from '@monspec/test-kit/vitest-config';

// A project of one golden test, run by golden.test.ts in a child vitest to see what the discipline does.
export default defineConfig({ test: { include: ['*.fixture.ts'], ...goldenTestOptions() } });
