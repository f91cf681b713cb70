import type { Check } from './types.js';
import { escapePointerSegment as p } from '../source-map.js';
import { NON_BASE_UNIT_SUFFIXES } from '../conventions.js';
import { UNITS } from '../units.js';

export const baseUnits: Check = {
  id: 'base-units',
  severity: 'warning',
  description:
    'Metrics use base units (seconds, bytes, ratios), in their unit and their name suffix. Waivable per metric with a written reason (`waivers: { base-units: "…" }`), as a service whose names are a public contract needs.',
  examples: {
    valid: [
      {
        title: 'a waived millisecond histogram',
        yaml: 'metrics:\n  demo_latency_ms:\n    type: histogram\n    unit: milliseconds\n    help: x\n    meaning: x\n    group: g\n    buckets: [10, 100]\n    waivers: { base-units: "The name is the service\'s public contract." }\n',
      },
    ],
    invalid: [
      {
        title: 'a millisecond histogram',
        yaml: 'metrics:\n  demo_latency_ms: { type: histogram, unit: milliseconds, help: x, meaning: x, group: g, buckets: [10, 100] }\n',
        message: 'Unexpected non-base unit in "demo_latency_ms" (suffix _ms, unit milliseconds), expected seconds (demo_latency_seconds)',
      },
    ],
  },
  run({ spec }, report) {
    for (const [name, m] of Object.entries(spec.metrics ?? {})) {
      const stem = name.replace(/_total$/, '');
      const suffix = NON_BASE_UNIT_SUFFIXES.find((s) => stem.endsWith(s.suffix));
      const unit = UNITS[m.unit];
      if (!suffix && unit.base) continue;
      const parts = [suffix ? `suffix ${suffix.suffix}` : undefined, unit.base ? undefined : `unit ${m.unit}`].filter(Boolean).join(', ');
      const better = suffix ? `${stem.slice(0, -suffix.suffix.length)}${suffix.instead}${name.endsWith('_total') ? '_total' : ''}` : undefined;
      const instead = unit.baseInstead ?? suffix?.instead.slice(1) ?? 'a base unit';
      report({ pointer: `/metrics/${p(name)}`, atKey: true, message: `Unexpected non-base unit in "${name}" (${parts}), expected ${instead}${better ? ` (${better})` : ''} or a waiver with a reason` });
    }
  },
};
