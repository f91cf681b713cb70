/**
 * Spec keys and references can never reach Object.prototype (issue #13): built-in member names are
 * rejected as names at file:line, merges and overlays ignore them, and a reference that happens to
 * name a built-in is an unknown reference. Every case must be a clear error, never a crash, a
 * polluted prototype or a silently dropped value.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { EXAMPLE_BASE_SPEC } from '@monspec/test-kit';
import { compileSpec, type CompileOptions } from './pipeline.js';

function compileWith(extra: string, options: CompileOptions = {}) {
  const files = Object.entries(EXAMPLE_BASE_SPEC).map(([path, text]) => ({ path, text }));
  files.push({ path: 'example.yaml', text: extra });
  const result = compileSpec(files, options);
  return { result, lines: result.diagnostics.map((d) => `${d.location?.file}:${d.location?.line}:${d.location?.column} ${d.ruleId} ${d.message}`) };
}

function polluted(): unknown[] {
  const probe = {} as Record<string, unknown>;
  return [probe.polluted, probe.x, (Object.prototype as Record<string, unknown>).polluted];
}

afterEach(() => {
  // A failing case must not leak into the next one.
  delete (Object.prototype as Record<string, unknown>).polluted;
  delete (Object.prototype as Record<string, unknown>).x;
});

const ENV = (overlay: string) => `environments:\n  prod:\n    description: Production.\n    default: true\n    overlay:\n${overlay}`;

describe('__proto__ in the spec never pollutes Object.prototype', () => {
  const cases: Array<[string, string, string]> = [
    ['at the top level', '__proto__:\n  polluted: true\n', 'example.yaml:1:1'],
    ['in a section', 'service:\n  __proto__:\n    polluted: true\n', 'example.yaml:2:3'],
    ['as a collection key', 'thresholds:\n  __proto__:\n    polluted: true\n', 'example.yaml:2:3'],
    ['deep in an entry', 'thresholds:\n  other:\n    description: d\n    unit: ratio\n    warning: 1%\n    __proto__: { polluted: true }\n', 'example.yaml:6:5'],
    ['in an overlay, top level', ENV('      __proto__:\n        polluted: true\n'), 'example.yaml:6:7'],
    ['in an overlay, in a section', ENV('      service:\n        __proto__:\n          polluted: true\n'), 'example.yaml:7:9'],
    ['in an overlay, in a collection', ENV('      thresholds:\n        __proto__:\n          polluted: true\n'), 'example.yaml:7:9'],
    ['in an overlay, in labels', ENV('      service:\n        alerting:\n          commonLabels:\n            __proto__: { polluted: "yes" }\n'), 'example.yaml:9:13'],
  ];
  for (const [title, yaml, at] of cases) {
    it(title, () => {
      const { result, lines } = compileWith(yaml);
      expect(polluted()).toEqual([undefined, undefined, undefined]);
      expect(result.model).toBeUndefined();
      expect(lines.find((l) => l.startsWith(at))).toContain('reserved-name Unexpected name "__proto__"');
    });
  }
});

describe('built-in names are rejected as names', () => {
  const names = ['constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'isPrototypeOf'];
  for (const name of names) {
    it(`metric, threshold, dashboard and label named ${name}`, () => {
      const yaml = [
        'metrics:',
        `  ${name}: { type: gauge, unit: count, help: x., meaning: x., group: g }`,
        '  demo_y:',
        '    type: gauge',
        '    unit: count',
        '    help: x.',
        '    meaning: x.',
        '    group: g',
        `    labels: { ${name}: { description: x } }`,
        'thresholds:',
        `  ${name}: { description: d, unit: ratio, warning: 1% }`,
        'dashboards:',
        `  ${name}: { title: T, description: D., panels: {} }`,
      ].join('\n');
      const { result, lines } = compileWith(`${yaml}\n`);
      expect(result.model).toBeUndefined();
      for (const at of ['example.yaml:2:3', 'example.yaml:9:15', 'example.yaml:11:3', 'example.yaml:13:3']) {
        expect(lines.find((l) => l.startsWith(at)), at).toContain(`reserved-name Unexpected name "${name}"`);
      }
    });
  }
});

describe('a reference that names a built-in is an unknown reference', () => {
  const alert = (condition: string, summary = 'x') =>
    `alerts:\n  DemoOther:\n    severity: info\n    expr: job:demo_errors:ratio_rate5m\n    condition: ${condition}\n    summary: '${summary}'\n    description: x\n    dashboard: demo/errors\n`;
  const panel = (extra: string) =>
    `dashboards:\n  other:\n    title: O\n    description: O.\n    panels:\n      p:\n        title: P\n        type: timeseries\n${extra}        queries:\n          - expr: job:demo_errors:ratio_rate5m\n`;
  const cases: Array<[string, string, string]> = [
    ['threshold: constructor on a panel', panel('        threshold: constructor\n'), 'example.yaml:9:20 unknown-reference Unexpected threshold "constructor"'],
    ['threshold: toString on a panel', panel('        threshold: toString\n'), 'unknown-reference Unexpected threshold "toString"'],
    ['bands: constructor on a metric', 'metrics:\n  demo_x:\n    type: gauge\n    unit: count\n    help: x.\n    meaning: x.\n    group: g\n    bands: constructor\n', 'example.yaml:8:12 unknown-reference Unexpected threshold "constructor"'],
    ['an alert on constructor.critical', alert("{ op: '>', threshold: constructor.critical }"), 'unknown-reference Unexpected threshold "constructor"'],
    ['a panel metric named valueOf', panel('        metrics: [valueOf]\n'), 'unknown-reference Unexpected metric "valueOf"'],
    ['${toString} in a summary', alert("{ op: '>', value: 1 }", 'x ${toString}'), 'placeholders Unexpected placeholder name "toString"'],
    ['${constructor} in a summary', alert("{ op: '>', value: 1 }", 'x ${constructor}'), 'placeholders Unexpected placeholder name "constructor"'],
    ['${thresholds.constructor} in a summary', alert("{ op: '>', value: 1 }", 'x ${thresholds.constructor}'), 'placeholders Unexpected placeholder name "thresholds.constructor"'],
    ['template: constructor', "alerts:\n  DemoOther:\n    template: constructor\n", 'template Unexpected template "constructor"'],
    // Template names are snake_case, so the schema already refuses this one.
    ['template: toString', "alerts:\n  DemoOther:\n    template: toString\n", 'schema Unexpected "toString" at alerts.DemoOther.template'],
    [
      'a template parameter named after a built-in',
      "templates:\n  t:\n    kind: alert\n    description: d\n    params:\n      sev: { type: string, description: d }\n    body: { severity: '${sev}', expr: 'job:demo_errors:ratio_rate5m', condition: { op: '>', value: 1 }, summary: x, description: x }\nalerts:\n  DemoOther:\n    template: t\n    params: { sev: info, toString: x }\n",
      'example.yaml:11:26 reserved-name Unexpected name "toString" at alerts.DemoOther.params.toString',
    ],
  ];
  for (const [title, yaml, expected] of cases) {
    it(title, () => {
      const { result, lines } = compileWith(yaml);
      expect(result.model).toBeUndefined();
      expect(lines.join('\n')).toContain(expected);
    });
  }
});

describe('an environment named after a built-in is a usage error', () => {
  for (const env of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
    it(`--env ${env}`, () => {
      const { result } = compileWith(ENV('      service: { replicas: 2 }\n'), { environment: env });
      expect(result.model).toBeUndefined();
      expect(result.usageError).toBe(`Unexpected environment "${env}", expected one of: prod`);
    });
  }
});

describe('merge and overlay skip built-in keys even when handed them directly', () => {
  it('applyOverlay', async () => {
    const { applyOverlay } = await import('./load/overlay.js');
    const { SourceMap } = await import('./source-map.js');
    // JSON.parse makes `__proto__` an own key, as a YAML loader does.
    const overlay = JSON.parse('{"__proto__": {"polluted": true}, "service": {"__proto__": {"x": 1}, "constructor": {"x": 2}}}') as Record<string, unknown>;
    const result = applyOverlay({ service: { name: 'a' } }, overlay, new SourceMap(), '/environments/e/overlay');
    expect(polluted()).toEqual([undefined, undefined, undefined]);
    expect(result).toEqual({ service: { name: 'a' } });
  });

  it('mergeDocuments', async () => {
    const { mergeDocuments } = await import('./load/merge-documents.js');
    const data = JSON.parse('{"__proto__": {"polluted": true}, "service": {"constructor": {"x": 2}}}') as unknown;
    const file = { path: 'a.yaml', data, locations: () => ({ value: () => undefined, key: () => undefined }) };
    const merged = mergeDocuments([file, file], []);
    expect(polluted()).toEqual([undefined, undefined, undefined]);
    expect(Object.keys(merged.data)).toEqual(['service']);
  });
});
