/**
 * The benchmark's synthetic spec (the test kit's syntheticSpec) is a spec a team would write: it
 * compiles without a finding, so `npm run bench` times the work of a clean build and not the
 * locating and printing of thousands of warnings (before, every recording rule had a level its
 * output does not keep: 3000 recording-rule-level warnings at N=1000).
 */
import { describe, expect, it } from 'vitest';
import { syntheticSpec } from '@monspec/test-kit';
import { compileSpec } from './pipeline.js';

describe('the synthetic benchmark spec', () => {
  it.each([1, 3])('compiles without a finding at N=%i', (n) => {
    const result = compileSpec(syntheticSpec(n));
    expect(result.model).toBeDefined();
    expect(result.diagnostics.map((d) => `${d.severity} ${d.ruleId}: ${d.message}`)).toEqual([]);
  });
});
