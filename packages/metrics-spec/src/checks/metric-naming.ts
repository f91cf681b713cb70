import type { Check } from './types.js';
import { escapePointerSegment as p } from '../source-map.js';
import { NON_BASE_UNIT_SUFFIXES, RECORDING_RULE_NAME } from '../conventions.js';
import { UNITS } from '../units.js';

export const counterSuffix: Check = {
  id: 'counter-suffix',
  severity: 'error',
  description: 'Counters end in _total, and only counters do (Prometheus naming).',
  examples: {
    valid: [{ title: 'a counter ending in _total', yaml: 'metrics:\n  demo_retries_total: { type: counter, unit: count, help: x, meaning: x, group: g }\n' }],
    invalid: [
      { title: 'a counter without _total', yaml: 'metrics:\n  demo_retries: { type: counter, unit: count, help: x, meaning: x, group: g }\n', message: 'Unexpected counter name "demo_retries"' },
      { title: 'a gauge ending in _total', yaml: 'metrics:\n  demo_open_total: { type: gauge, unit: count, help: x, meaning: x, group: g }\n', message: 'Unexpected gauge name "demo_open_total"' },
    ],
  },
  run({ spec }, report) {
    for (const [name, m] of Object.entries(spec.metrics ?? {})) {
      const total = name.endsWith('_total');
      if (m.type === 'counter' && !total) report({ pointer: `/metrics/${p(name)}`, atKey: true, message: `Unexpected counter name "${name}", expected it to end in _total (${name}_total)` });
      if (m.type !== 'counter' && total) report({ pointer: `/metrics/${p(name)}`, atKey: true, message: `Unexpected ${m.type} name "${name}", expected _total only on counters` });
    }
  },
};

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

export const recordingRuleName: Check = {
  id: 'recording-rule-name',
  severity: 'error',
  description: 'Recording rules are named level:metric:operations (tunnel:requests:rate5m), so a reader knows the aggregation level, the source and what was done to it.',
  examples: {
    valid: [{ title: 'level:metric:operations', yaml: 'recordingRules:\n  demo:errors:rate5m: { expr: "sum(rate(demo_errors_total[5m]))", description: x, unit: requests_per_second }\n' }],
    invalid: [{ title: 'a plain name', yaml: 'recordingRules:\n  demo_error_rate: { expr: "sum(rate(demo_errors_total[5m]))", description: x, unit: requests_per_second }\n', message: 'Unexpected recording rule name "demo_error_rate"' }],
  },
  run({ spec }, report) {
    for (const name of Object.keys(spec.recordingRules ?? {})) {
      if (!RECORDING_RULE_NAME.test(name)) report({ pointer: `/recordingRules/${p(name)}`, atKey: true, message: `Unexpected recording rule name "${name}", expected level:metric:operations (e.g. tunnel:requests:rate5m)` });
    }
  },
};

export const histogramBuckets: Check = {
  id: 'histogram-buckets',
  severity: 'error',
  description: 'Histogram buckets are strictly ascending, and only histograms declare buckets.',
  examples: {
    valid: [{ title: 'ascending buckets', yaml: 'metrics:\n  demo_size_bytes: { type: histogram, unit: bytes, help: x, meaning: x, group: g, buckets: [1, 10, 100] }\n' }],
    invalid: [
      { title: 'unsorted buckets', yaml: 'metrics:\n  demo_size_bytes: { type: histogram, unit: bytes, help: x, meaning: x, group: g, buckets: [1, 100, 10] }\n', message: 'Unexpected bucket 10 after 100' },
      { title: 'buckets on a gauge', yaml: 'metrics:\n  demo_size_bytes: { type: gauge, unit: bytes, help: x, meaning: x, group: g, buckets: [1] }\n', message: 'Unexpected buckets on gauge' },
    ],
  },
  run({ spec }, report) {
    for (const [name, m] of Object.entries(spec.metrics ?? {})) {
      if (!m.buckets) continue;
      if (m.type !== 'histogram') {
        report({ pointer: `/metrics/${p(name)}/buckets`, message: `Unexpected buckets on ${m.type} "${name}", expected buckets only on histograms` });
        continue;
      }
      m.buckets.forEach((b, i) => {
        const prev = m.buckets?.[i - 1];
        if (prev !== undefined && b <= prev) report({ pointer: `/metrics/${p(name)}/buckets/${i}`, message: `Unexpected bucket ${b} after ${prev} in "${name}", expected strictly ascending bounds` });
      });
    }
  },
};
