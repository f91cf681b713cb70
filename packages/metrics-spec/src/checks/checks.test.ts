import { describe, expect, it } from 'vitest';
import { compileSpec } from '../pipeline.js';
import { EXAMPLE_BASE_SPEC } from '@monspec/test-kit';
import { CHECKS } from './index.js';

function compileWith(yaml?: string) {
  const files = Object.entries(EXAMPLE_BASE_SPEC).map(([path, text]) => ({ path, text }));
  if (yaml !== undefined) files.push({ path: 'example.yaml', text: yaml });
  return compileSpec(files);
}

describe('check examples (each check\'s examples are its tests)', () => {
  it('the example base spec is clean', () => {
    const result = compileWith();
    expect(result.diagnostics).toEqual([]);
    expect(result.model).toBeDefined();
  });

  for (const check of CHECKS) {
    describe(check.id, () => {
      it('has a description and examples both ways', () => {
        expect(check.description.length).toBeGreaterThan(20);
        expect(check.examples.valid.length).toBeGreaterThan(0);
        expect(check.examples.invalid.length).toBeGreaterThan(0);
      });
      for (const example of check.examples.valid) {
        it(`valid: ${example.title}`, () => {
          const result = compileWith(example.yaml);
          expect(result.diagnostics.filter((d) => d.ruleId === check.id)).toEqual([]);
          expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        });
      }
      for (const example of check.examples.invalid) {
        it(`invalid: ${example.title}`, () => {
          const result = compileWith(example.yaml);
          const found = result.diagnostics.filter((d) => d.ruleId === check.id);
          expect(found.map((d) => d.message).join('\n')).toContain(example.message ?? '');
          const hit = found.find((d) => d.message.includes(example.message ?? ''));
          expect(hit?.location?.file).toBe(example.file ?? 'example.yaml');
          expect(hit?.location?.line).toBeGreaterThan(0);
          // One mistake gives one error: the example's finding is the only error (findings that
          // follow from it are folded under it as `related`), and a warning comes with no error.
          const errors = result.diagnostics.filter((d) => d.severity === 'error');
          expect(errors.map((d) => `${d.ruleId}: ${d.message}`)).toEqual(hit?.severity === 'error' ? [`${hit.ruleId}: ${hit.message}`] : []);
        });
      }
    });
  }
});
