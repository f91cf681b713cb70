import { compileSpecDir } from '@monspec/metrics-spec/node';
import { EMBEDDED_SPEC_DIR } from '@monspec/metrics-spec';
import { describe, expect, it } from 'vitest';
import { eventsOnTick, POOL_CAPACITY, PROFILES, SCENARIOS, type Profile, type Scenario } from './scenarios.js';

const { model } = compileSpecDir(EMBEDDED_SPEC_DIR);
function level(name: string, which: 'warning' | 'critical'): number {
  const value = model?.thresholds.find((t) => t.name === name)?.[which];
  if (value === undefined) throw new Error(`threshold ${name}.${which} missing from the embedded spec`);
  return value;
}

const TICKS_PER_SECOND = 10;
/** The gauge-like signals of a profile, in the units of the spec's thresholds. */
const SIGNALS = {
  connections: (p: Profile) => p.activeConnections.free + p.activeConnections.premium + p.activeConnections.enterprise,
  cpu: (p: Profile) => p.cpuCores,
  memory: (p: Profile) => p.residentMemoryBytes,
  pool: (p: Profile) => p.poolInUse / POOL_CAPACITY,
  dropsPer5m: (p: Profile) => Array.from({ length: 300 * TICKS_PER_SECOND }, (_, t) => eventsOnTick(p.queueDropsPerTick, t)).reduce((a, b) => a + b, 0),
} as const;
const LIMITS: Record<keyof typeof SIGNALS, { scenario: Scenario; alertAt: () => number }> = {
  connections: { scenario: 'connection-surge', alertAt: () => level('active_connections', 'critical') },
  cpu: { scenario: 'cpu-saturation', alertAt: () => level('cpu', 'critical') },
  memory: { scenario: 'memory-pressure', alertAt: () => level('memory', 'critical') },
  pool: { scenario: 'pool-saturation', alertAt: () => level('connection_pool_utilization', 'warning') },
  dropsPer5m: { scenario: 'queue-drops', alertAt: () => level('queue_drops', 'warning') },
};

describe('scenarios against the embedded spec thresholds', () => {
  for (const [signal, { scenario, alertAt }] of Object.entries(LIMITS) as [keyof typeof SIGNALS, (typeof LIMITS)[keyof typeof SIGNALS]][]) {
    it(`${signal}: only ${scenario} crosses its alert level`, () => {
      for (const name of SCENARIOS) {
        const value = SIGNALS[signal](PROFILES[name]);
        if (name === scenario) expect(value, name).toBeGreaterThan(alertAt());
        else expect(value, name).toBeLessThan(alertAt());
      }
    });
  }

  it('counts whole events per tick for fractional rates', () => {
    expect([0, 1, 2, 3].map((t) => eventsOnTick(0.5, t))).toEqual([1, 0, 1, 0]);
    expect(eventsOnTick(5, 7)).toBe(5);
    expect(eventsOnTick(0, 0)).toBe(0);
  });
});
