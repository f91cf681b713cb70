/**
 * What a package's `vitest.config.ts` adds for golden files:
 * `defineConfig({ test: { ..., ...goldenTestOptions() } })`. `UPDATE_GOLDEN=1` turns on vitest's
 * update mode (as `vitest -u` does); the global setup refuses either under CI.
 */
import { fileURLToPath } from 'node:url';

export function goldenTestOptions(): { update: boolean; globalSetup: string[] } {
  return {
    update: process.env['UPDATE_GOLDEN'] === '1',
    globalSetup: [fileURLToPath(new URL('./golden-setup.js', import.meta.url))],
  };
}
