/** The embedded tunnel spec's model for tests (reads files: test-only). */
import type { ResolvedModel } from '@monspec/metrics-spec';
import { compileSpecDir } from '@monspec/metrics-spec/node';

const cache = new Map<string, ResolvedModel>();

export function embeddedModel(environment = 'production'): ResolvedModel {
  const hit = cache.get(environment);
  if (hit) return hit;
  const result = compileSpecDir(undefined, { environment });
  if (!result.model) {
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    throw new Error(`embedded spec does not compile (${environment}):\n${errors.map((d) => `${d.location?.file ?? ''}:${d.location?.line ?? ''} ${d.ruleId} ${d.message}`).join('\n')}${result.usageError ?? ''}`);
  }
  cache.set(environment, result.model);
  return result.model;
}
