import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { createServiceMetrics, LABEL_VALUES } from './generated/metrics.js';

const GEN = join(dirname(fileURLToPath(import.meta.url)), '..', 'scripts', 'gen-metrics.mjs');

/** Never called: tsc (npm run typecheck) fails if a wrong label stops being a type error. */
export function wrongLabelsAreTypeErrors(registry: Registry): void {
  const m = createServiceMetrics(registry);
  // @ts-expect-error: "gold" is not a tier the spec declares
  m.tunnelRequestsTotal.inc({ tier: 'gold' });
  // @ts-expect-error: tunnel_errors_total needs category, code and tier
  m.tunnelErrorsTotal.inc({ tier: 'free' });
  // @ts-expect-error: tunnel_circuit_breaker_state has no labels
  m.tunnelCircuitBreakerState.set({ tier: 'free' }, 1);
  // @ts-expect-error: a histogram is observed, not incremented
  m.tunnelRequestLatencyMs.inc({ tier: 'free' });
}

describe('generated instrumentation', () => {
  it('is fresh: src/generated/metrics.ts is what the generator writes for the embedded spec', () => {
    expect(() => execFileSync(process.execPath, [GEN, '--check'], { stdio: 'pipe' })).not.toThrow();
  });

  it('registers the spec metrics with their label names and buckets', async () => {
    const registry = new Registry();
    const m = createServiceMetrics(registry);
    m.tunnelErrorsTotal.inc({ category: 'auth', code: 'token_expired', tier: 'premium' });
    m.tunnelRequestLatencyMs.observe({ tier: 'free' }, 42);
    const text = await registry.metrics();
    expect(text).toContain('# TYPE tunnel_errors_total counter');
    expect(text).toContain('tunnel_errors_total{category="auth",code="token_expired",tier="premium"} 1');
    expect(text).toContain('tunnel_request_latency_ms_bucket{le="50",tier="free"} 1');
    expect(LABEL_VALUES.tunnel_requests_total.tier).toEqual(['free', 'premium', 'enterprise']);
  });
});
