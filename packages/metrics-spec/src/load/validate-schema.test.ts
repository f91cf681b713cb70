import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_BASE_SPEC } from '@monspec/test-kit';
import { SCHEMA_PATH } from '../embedded.js';
import { compileSpec } from '../pipeline.js';
import { combinatorExpectation, DEFS_WITH_EXPECTATION, PATTERNS_WITH_EXPECTATION } from './schema-expectations.js';

function schemaMessages(yaml: string): string[] {
  const files = [...Object.entries(EXAMPLE_BASE_SPEC).map(([path, text]) => ({ path, text })), { path: 'example.yaml', text: yaml }];
  return compileSpec(files)
    .diagnostics.filter((d) => d.ruleId === 'schema')
    .map((d) => `${d.location?.file}:${d.location?.line} ${d.message}`);
}

const alert = (extra: string) =>
  `alerts:\n  DemoOther:\n    severity: info\n    expr: job:demo_errors:ratio_rate5m\n    condition: { op: '>', value: 1 }\n    summary: x\n    description: x\n    dashboard: demo/errors\n${extra}`;

interface SchemaNode {
  readonly [key: string]: unknown;
}

/** Every `description` text in the schema, to prove none is pasted into a message. */
function descriptions(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const n of node) descriptions(n, out);
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node as SchemaNode)) {
      if (k === 'description' && typeof v === 'string') out.push(v);
      else descriptions(v, out);
    }
  }
  return out;
}

const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as { $defs: Record<string, SchemaNode> };

const CASES: ReadonlyArray<readonly [string, string, string]> = [
  ['a number where a duration is expected', alert('    for: 10\n'), 'example.yaml:9 Unexpected number 10 at alerts.DemoOther.for, expected a duration such as 10m'],
  ['a misspelt key', 'thresholds:\n  x: { description: x, unit: ratio, warning: 1%, critcal: 5% }\n', 'Unexpected key "critcal" in thresholds.x, expected one of: description, unit, direction, warning, critical, window, states; did you mean "critical"?'],
  ['a missing key', 'thresholds:\n  x: { unit: ratio, warning: 1% }\n', 'example.yaml:2 Unexpected missing key "description" in thresholds.x, expected it to be set'],
  ['a misspelt enum value', 'thresholds:\n  x: { description: x, unit: ratoi, warning: 1% }\n', 'expected one of: count, seconds, milliseconds, bytes, bytes_per_second, requests_per_second, operations_per_second, ratio, percent, cores, state, factor; did you mean "ratio"?'],
  ['a malformed duration', alert('    for: five minutes\n'), 'Unexpected "five minutes" at alerts.DemoOther.for, expected a duration such as 30s, 5m or 1h30m'],
  ['a malformed quantity', 'thresholds:\n  x: { description: x, unit: ratio, warning: lots }\n', 'Unexpected "lots" at thresholds.x.warning, expected a number or a quantity such as 5%, 200ms or 256MiB'],
  ['a bad collection key', 'thresholds:\n  Error-Rate: { description: x, unit: ratio, warning: 1% }\n', 'Unexpected name "Error-Rate" in thresholds, expected a snake_case or kebab-case name such as error_rate'],
  ['a condition with both threshold and value', "alerts:\n  DemoOther:\n    severity: info\n    expr: job:demo_errors:ratio_rate5m\n    condition: { op: '>', value: 1, threshold: error_rate.critical }\n    summary: x\n    description: x\n    dashboard: demo/errors\n", 'Unexpected a mapping at alerts.DemoOther.condition, expected exactly one of the keys threshold, value'],
  ['a list where a string is expected', 'metrics:\n  demo_x_total: { type: counter, unit: count, help: [a], meaning: x, group: g }\n', 'Unexpected a list at metrics.demo_x_total.help, expected a string'],
  ['a threshold without levels', 'thresholds:\n  x: { description: x, unit: ratio }\n', 'Unexpected a mapping at thresholds.x, expected at least one of the keys warning, critical'],
  ['a bad URL', 'service:\n  grafana:\n    url: grafana.example.com\n', 'expected an http:// or https:// URL'],
];

describe('schema errors say what is expected', () => {
  for (const [title, yaml, message] of CASES) {
    it(title, () => {
      const messages = schemaMessages(yaml);
      expect(messages.join('\n')).toContain(message);
    });
  }

  it('never pastes a schema description as the expectation', () => {
    const texts = descriptions(schema).filter((d) => d.length > 12);
    for (const [, yaml] of CASES) {
      for (const m of schemaMessages(yaml)) for (const d of texts) expect(m, `${m} contains the description "${d}"`).not.toContain(d);
    }
  });

  it('has a wording for every $defs entry with a pattern or a combinator, and every inline pattern', () => {
    const worded = (d: SchemaNode) => combinatorExpectation('oneOf', d.oneOf ?? d.anyOf) !== undefined;
    const defs = Object.entries(schema.$defs).filter(([, d]) => 'pattern' in d || (('oneOf' in d || 'anyOf' in d) && !worded(d)));
    for (const [name] of defs) expect(DEFS_WITH_EXPECTATION, `$defs/${name}`).toContain(name);
    const inline: string[] = [];
    const walk = (node: unknown, inDef: boolean): void => {
      if (Array.isArray(node)) node.forEach((n) => walk(n, false));
      else if (node && typeof node === 'object') {
        const obj = node as SchemaNode;
        if (typeof obj.pattern === 'string' && !inDef) inline.push(obj.pattern);
        for (const v of Object.values(obj)) walk(v, false);
      }
    };
    for (const [name, def] of Object.entries(schema.$defs)) {
      if (!DEFS_WITH_EXPECTATION.includes(name)) walk(def, false);
    }
    for (const p of inline) expect(PATTERNS_WITH_EXPECTATION, `pattern ${p}`).toContain(p);
  });
});
