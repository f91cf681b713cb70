/**
 * The evaluator renders annotations exactly as Prometheus does: one alerting rule per template
 * function over a table of values, the expected annotations computed by renderAlertTemplate, and one
 * `promtool test rules` run over the whole table. A mismatch fails with promtool's got/expected.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireTools } from '@monspec/test-kit';
import { renderAlertTemplate } from './go-template.js';

/** Values every function is rendered over (as promtool series values). */
const VALUES = [
  '0', '0.5', '1', '1.5', '9.99999', '10.25', '59.99', '60', '61.5', '3599', '3600', '3661.75', '86399', '86400', '90061.5', '1e-05', '0.000123456',
  '0.001', '0.125', '2.5', '1.005', '999.95', '1000', '1023', '1024', '1025', '1048576', '12345.6789', '123456789', '1e+06', '1e+15', '1.5e+21', '1e+25',
  '-1', '-0.25', '-61.5', '-90061.5', '-1048576', '-0.001', '1e-30', '0.0009765625', '123456789012', '0.3', '100000', '999999', '4.35', 'NaN', '+Inf', '-Inf',
];

/** Unix timestamps for humanizeTimestamp. */
const TIMESTAMPS = ['0', '1', '1700000000', '1700000000.123', '1700000000.5', '951782400', '-86400', '4102444800', 'NaN', '+Inf'];

const TEMPLATES: ReadonlyArray<readonly [string, string, readonly string[]]> = [
  ['Humanize', '{{ $value | humanize }}', VALUES],
  ['Humanize1024', '{{ $value | humanize1024 }}', VALUES],
  ['HumanizeDuration', '{{ $value | humanizeDuration }}', VALUES],
  ['HumanizePercentage', '{{ $value | humanizePercentage }}', VALUES],
  ['HumanizeCall', '{{ humanize $value }}', VALUES],
  ['Value', '{{ $value }}', VALUES],
  ['PrintfF2', '{{ printf "%.2f" $value }}', VALUES],
  ['PrintfF0', '{{ $value | printf "%.0f" }}', VALUES],
  ['PrintfG4', '{{ printf "%.4g" $value }}', VALUES],
  ['PrintfV', '{{ printf "%v" $value }}', VALUES],
  ['PrintfS', '{{ printf "%s" $value }}', VALUES],
  ['Label', '{{ $labels.i }}: {{ $value | humanize }}', VALUES],
  ['HumanizeTimestamp', '{{ $value | humanizeTimestamp }}', TIMESTAMPS],
];

/**
 * promtool's failure report as `alertname i: expected … got …` lines: it prints each failed rule's
 * `exp:` then `got:` alerts as `Labels:{alertname="X", i="N"}` / `Annotations:{out="…"}` pairs.
 */
function mismatches(output: string): string[] {
  const exp = new Map<string, string>();
  const got = new Map<string, string>();
  let side = exp;
  let key = '';
  for (const line of output.split('\n')) {
    if (/^\s*exp:/.test(line)) side = exp;
    else if (/^\s*got:/.test(line)) side = got;
    const labels = /Labels:\{alertname="(\w+)", i="(\d+)"\}/.exec(line);
    if (labels) key = `${labels[1]} ${labels[2]}`;
    const annotation = /Annotations:\{out="(.*)"\}/.exec(line);
    if (annotation && key) side.set(key, annotation[1] as string);
  }
  const out: string[] = [];
  for (const [k, v] of exp) if (got.get(k) !== v) out.push(`${k} (${valueOf(k)}): expected ${v}, promtool ${got.get(k)}`);
  if (exp.size === 0 && !output.includes('SUCCESS')) out.push(output);
  return out;
}

function valueOf(key: string): string {
  const [name, i] = key.split(' ');
  return TEMPLATES.find(([n]) => n === name)?.[2][Number(i)] ?? '?';
}

/** A series value as promtool reads it (`+Inf` is not a JavaScript number literal). */
function promtoolNumber(v: string): number {
  return v === '+Inf' ? Infinity : v === '-Inf' ? -Infinity : Number(v);
}

const tools = requireTools(['promtool']);

describe.skipIf(tools.skip)(`annotation rendering agrees with promtool ${tools.reason}`, () => {
  it('renders every template function like Prometheus over the table', () => {
    const dir = mkdtempSync(join(tmpdir(), 'monspec-go-format-'));
    const rules = TEMPLATES.map(([name, template]) => ({ alert: name, expr: `fmt_input_${name}`, annotations: { out: template } }));
    writeFileSync(join(dir, 'rules.yml'), JSON.stringify({ groups: [{ name: 'fmt', rules }] }, null, 1));
    const inputSeries = TEMPLATES.flatMap(([name, , values]) => values.map((v, i) => ({ series: `fmt_input_${name}{i="${i}"}`, values: `${v} ${v} ${v}` })));
    const alertRuleTests = TEMPLATES.map(([name, template, values]) => ({
      eval_time: '1m',
      alertname: name,
      exp_alerts: values.map((v, i) => {
        const labels = { i: String(i) };
        return { exp_labels: labels, exp_annotations: { out: renderAlertTemplate(template, promtoolNumber(v), { __name__: `fmt_input_${name}`, ...labels }) } };
      }),
    }));
    writeFileSync(join(dir, 'tests.yml'), JSON.stringify({ rule_files: ['rules.yml'], evaluation_interval: '1m', tests: [{ interval: '1m', input_series: inputSeries, alert_rule_test: alertRuleTests }] }, null, 1));
    const r = spawnSync('promtool', ['test', 'rules', join(dir, 'tests.yml')], { encoding: 'utf8' });
    const output = `${r.stdout}${r.stderr}`;
    expect(mismatches(output)).toEqual([]);
    expect(output).toContain('SUCCESS');
    expect(r.status, output).toBe(0);
  });
});
