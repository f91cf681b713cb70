/** The check examples' base spec plus extra files, compiled to a model: for tests of model queries. */
import { expect } from 'vitest';
import { EXAMPLE_BASE_SPEC } from '@monspec/test-kit';
import type { ResolvedModel } from '../model.js';
import { compileSpec } from '../pipeline.js';

/** A histogram metric entry (under `metrics:`) the tests add to the base spec. */
export const LATENCY_HISTOGRAM = `  demo_latency_seconds: { type: histogram, unit: seconds, help: Latency., meaning: Request latency., group: request, buckets: [0.1, 1] }
`;

/** Compiles the base spec with `extra` files (a file of the same name replaces the base's); fails the test on an error. */
export function exampleModel(extra: Readonly<Record<string, string>> = {}): ResolvedModel {
  const result = compileSpec(Object.entries({ ...EXAMPLE_BASE_SPEC, ...extra }).map(([path, text]) => ({ path, text })));
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return result.model as ResolvedModel;
}
