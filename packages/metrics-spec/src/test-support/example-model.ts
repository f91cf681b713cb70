/** The test kit's example base spec plus extra files, compiled to a model: for tests of model queries. */
import { compiledModel, EXAMPLE_BASE_SPEC } from '@monspec/test-kit';
import type { ResolvedModel } from '../model.js';
import { compileSpec } from '../pipeline.js';

/** A histogram metric entry (under `metrics:`) the tests add to the base spec. */
export const LATENCY_HISTOGRAM = `  demo_latency_seconds: { type: histogram, unit: seconds, help: Latency., meaning: Request latency., group: request, buckets: [0.1, 1] }
`;

/** Compiles the base spec with `extra` files (a file of the same name replaces the base's); throws, listing them, on an error. */
export function exampleModel(extra: Readonly<Record<string, string>> = {}): ResolvedModel {
  return compiledModel(compileSpec, Object.entries({ ...EXAMPLE_BASE_SPEC, ...extra }).map(([path, text]) => ({ path, text })));
}
