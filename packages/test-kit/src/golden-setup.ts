/**
 * vitest global setup for golden files (added by `goldenTestOptions`): decides once per run whether
 * goldens are being rewritten (`UPDATE_GOLDEN=1` or `vitest -u`, i.e. vitest's snapshot mode `all`),
 * refuses that in CI, and tells the test files through `inject`.
 */
import type { TestProject } from 'vitest/node';
import { isCi } from './ci.js';
import { GOLDEN_UPDATE_KEY } from './golden-key.js';

export default function goldenSetup(project: TestProject): void {
  const updating = project.config.snapshotOptions.updateSnapshot === 'all';
  if (updating && isCi()) {
    throw new Error('Unexpected UPDATE_GOLDEN=1 (or vitest -u) with CI=true, expected goldens to be rewritten only by a developer: run it without CI and review the diff');
  }
  project.provide(GOLDEN_UPDATE_KEY, updating);
}
