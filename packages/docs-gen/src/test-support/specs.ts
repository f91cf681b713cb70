/** The test kit's specs, compiled here: the demo spec (production unless `environment`) and the synthetic spec of `n` dashboards. */
import { compileSpec, type ResolvedModel } from '@monspec/metrics-spec';
import { compiledModel, DEMO_SPEC, syntheticSpec } from '@monspec/test-kit';

export const demoModel = (environment?: string): ResolvedModel => compiledModel(compileSpec, DEMO_SPEC, environment);
export const syntheticModel = (n: number): ResolvedModel => compiledModel(compileSpec, syntheticSpec(n));
