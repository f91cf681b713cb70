/**
 * Spec values pasted into PromQL and Alertmanager matchers (service.job, common labels) may hold
 * quotes, backslashes, braces, commas, `=` and newlines: the generated rules, promtool tests,
 * Alertmanager routes and amtool route tests stay valid and match exactly that value (real promtool
 * and amtool; required when CI=true).
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EMBEDDED_SPEC_DIR, quoteLabelValue } from '@monspec/metrics-spec';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { generate } from '../index.js';
import { requireTools, writeFiles } from '@monspec/test-kit';
import { compile } from '../test-support/fixtures.js';
import { runTool } from './run.js';
import { testArtifacts } from './test-artifacts.js';

const tools = requireTools(['promtool', 'amtool']);

const HOSTILE = ['a "b" c', 'back\\slash \\"', 'brace} {x="y"} or vector(1)', 'new\nline', 'comma, team=ops', "it's =~ \\n"];

describe.skipIf(tools.skip)(`hostile label values survive PromQL and Alertmanager ${tools.reason}`, () => {
  it.each(HOSTILE)('promtool matches job=%j exactly', (value) => {
    const dir = mkdtempSync(join(tmpdir(), 'monspec-hostile-'));
    const selector = `up{job=${quoteLabelValue(value)}}`;
    writeFileSync(join(dir, 'rules.yml'), JSON.stringify({ groups: [{ name: 'g', rules: [{ alert: 'Up', expr: `${selector} == 1` }] }] }));
    writeFileSync(
      join(dir, 'test.yml'),
      JSON.stringify({
        rule_files: ['rules.yml'],
        evaluation_interval: '1m',
        tests: [
          {
            interval: '1m',
            input_series: [
              { series: selector, values: '1x5' },
              { series: `up{job=${quoteLabelValue(`${value}x`)}}`, values: '1x5' },
            ],
            alert_rule_test: [{ eval_time: '2m', alertname: 'Up', exp_alerts: [{ exp_labels: { job: value } }] }],
          },
        ],
      }),
    );
    const check = runTool('promtool', ['check', 'rules', 'rules.yml'], dir);
    expect(check.ok, check.output).toBe(true);
    const test = runTool('promtool', ['test', 'rules', 'test.yml'], dir);
    expect(test.ok, test.output).toBe(true);
  });

  it('a spec whose job and common labels hold such values passes promtool and amtool (rules, SLO scenarios, routes)', () => {
    const spec = mkdtempSync(join(tmpdir(), 'monspec-hostile-spec-'));
    cpSync(EMBEDDED_SPEC_DIR, spec, { recursive: true });
    const service = join(spec, 'service.yaml');
    const text = readFileSync(service, 'utf8');
    const edited = text
      .replace(/\n {2}job: streaming-proxy\n/, '\n  job: "proxy \\"x\\" \\\\ } {a=\\"b\\"}\\nnext"\n')
      .replace(/\n {6}team: tunnel-platform\n/, '\n      team: "tunnel platform, ops=\\"on call\\" \\\\ x"\n');
    expect(edited).not.toBe(text);
    writeFileSync(service, edited);
    const model = compile('production', spec);
    expect(model.service.job).toBe('proxy "x" \\ } {a="b"}\nnext');
    const artifacts = generate(model);
    // The generated SLO scenarios feed the job into promtool's input series.
    const series = artifacts
      .filter((a) => a.path.startsWith('prometheus/tests/'))
      .flatMap((a) => (parse(a.content) as { tests: Array<{ input_series: Array<{ series: string }> }> }).tests.flatMap((t) => t.input_series.map((i) => i.series)));
    expect(series.filter((s) => s.includes(`job=${quoteLabelValue(model.service.job)}`)).length).toBeGreaterThan(0);
    const results = testArtifacts(writeFiles(artifacts), { model });
    for (const r of results) expect(r.ok, `${r.command}\n${r.output}`).toBe(true);
  });
});

describe.skipIf(tools.skip)(`templated alert labels ${tools.reason}`, () => {
  it('a label value with {{ $labels.x }} / {{ $value }} is rendered in the expected alerts, so promtool test rules passes', () => {
    const spec = mkdtempSync(join(tmpdir(), 'monspec-label-template-'));
    cpSync(EMBEDDED_SPEC_DIR, spec, { recursive: true });
    const alerts = join(spec, 'alerts.yaml');
    const text = readFileSync(alerts, 'utf8');
    const edited = text.replace(
      '    dashboard: tunnel-internals/pool_utilization\n',
      "    dashboard: tunnel-internals/pool_utilization\n    labels:\n      where: 'pool of {{ $labels.instance }}'\n      level: '{{ if gt $value 0.9 }}high{{ else }}raised{{ end }}'\n",
    );
    expect(edited).not.toBe(text);
    writeFileSync(alerts, edited);
    const model = compile('production', spec);
    const dir = writeFiles(generate(model));
    const [, test] = testArtifacts(dir, { model });
    expect(test?.ok, test?.output).toBe(true);
    expect(readFileSync(join(dir, 'prometheus/tests/alerts.test.yml'), 'utf8')).toContain('pool of proxy-0:8080');
  });
});
