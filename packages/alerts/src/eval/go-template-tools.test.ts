/**
 * The `go-templates` check agrees with the real tools on a table of templates: promtool (check rules
 * parses every annotation; test rules renders it, where an unknown field shows as "error expanding
 * template") and amtool 0.25 (`template render` with Alertmanager's example data). Rows monspec
 * refuses by policy (named templates: no template files are shipped) say what the tool does.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkGoTemplate, type GoTemplateDialect } from '@monspec/metrics-spec';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { generate } from '../index.js';
import { ALERTMANAGER_PATH } from '../alertmanager/config.js';
import { ALERT_RULES_PATH } from '../prometheus/alert-rules.js';
import { requireTools } from '@monspec/test-kit';
import { compile } from '../test-support/fixtures.js';
import { runTool } from '../tools/run.js';

const tools = requireTools(['promtool', 'amtool']);

interface Row {
  readonly template: string;
  readonly dialect: GoTemplateDialect;
  /** Only for rows refused by policy: what the tool does with them. */
  readonly policy?: { readonly toolRejects: boolean };
}

const P = (template: string, policy?: Row['policy']): Row => ({ template, dialect: 'prometheus', ...(policy ? { policy } : {}) });
const A = (template: string, policy?: Row['policy']): Row => ({ template, dialect: 'alertmanager', ...(policy ? { policy } : {}) });

const ROWS: readonly Row[] = [
  P('{{ $labels.instance }} is at {{ $value | humanizePercentage }}'),
  P('{{ .Labels.job }} {{ .Value }} {{ .ExternalURL }} {{ $externalURL }} {{ $externalLabels.region }}'),
  P('{{ humanize $value }} {{ $value | printf "%.2f" }} {{ humanizeDuration 90 }} {{ toUpper "a" }}'),
  P('{{ if gt $value 1.0 }}high{{ else if gt $value 0.5 }}mid{{ else }}low{{ end }}'),
  P('{{ range $k, $v := $labels }}{{ $k }}={{ $v }} {{ end }}'),
  P('{{ with $labels.instance }}on {{ . }}{{ end }}'),
  P('a {{- /* a comment */ -}} b {{ "quoted }}" }} {{ `raw` }}'),
  P('{{ $x := $value }}{{ $x }}'),
  P('at {{ $value '),
  P('{{ .Labels.job }'),
  P('{{ if gt $value 1.0 }}high'),
  P('{{ end }}'),
  P('{{ else }}'),
  P('{{ range $labels }}x{{ else }}y{{ else }}z{{ end }}'),
  P('{{ humanise $value }}'),
  P('{{ toDuration 1 }}'),
  P('{{ join "a" "," }}'),
  P('{{ $x }}'),
  P('{{ $value | }}'),
  P('{{ $value | | humanize }}'),
  P('{{ humanize(1) }}'),
  P('{{ (humanize 1).X }}'),
  P('{{ $value := 1 }}{{ $value = 2 }}{{ $value }}'),
  P('{{ $y = 1 }}'),
  P('{{ }}'),
  P('{{ $value | "x" }}'),
  P('{{ "unterminated }}'),
  P('{{ .Foo }}'),
  P('{{ .Value.Foo }}'),
  P('{{ $externalURL.Host }}'),
  P('{{ /* unclosed comment }}'),
  P('{{ break }}'),
  P('{{ if gt $value 1 }}high{{ end }}'),
  P('{{ if eq .Value 0 }}zero{{ end }}'),
  P('{{ if gt $value 1.0 }}high{{ end }}{{ if ge $value 1e3 }}huge{{ end }}'),
  P('{{ if eq $labels.code "500" }}server{{ end }}'),
  P('{{ if eq $labels.code 500 }}server{{ end }}'),
  P('{{ if ne $labels.code "a" "b" }}x{{ end }}'),
  P('{{ if eq $labels.code }}x{{ end }}'),
  P('{{ if $value | lt 0.5 }}x{{ end }}'),
  P('{{ if eq $labels.code "a" "b" }}x{{ end }}'),
  P('{{ define "x" }}a{{ end }}', { toolRejects: false }),
  P('{{ template "x" }}', { toolRejects: true }),
  P('{{ block "x" . }}a{{ end }}', { toolRejects: false }),
  A('[{{ .Status | toUpper }}] {{ .CommonLabels.alertname }}'),
  A('{{ range .Alerts }}{{ .Annotations.summary }} {{ .Labels.instance }} {{ .StartsAt }}{{ end }}'),
  A('{{ len .Alerts.Firing }} firing, {{ len .Alerts.Resolved }} resolved, for {{ .Receiver }} at {{ .ExternalURL }}'),
  A('{{ range $i, $a := .Alerts }}{{ $a.Fingerprint }}{{ end }} {{ join "," (stringSlice "a" "b") }}'),
  A('#alerts-{{ .GroupLabels.team }}{{ with .CommonAnnotations.channel }}-{{ . }}{{ end }}'),
  A('{{ .Foo }}'),
  A('{{ range .Alerts }}{{ .Value }}{{ end }}'),
  A('{{ .Alerts.Foo }}'),
  A('{{ .Status.Foo }}'),
  A('{{ $labels.team }}'),
  A('{{ humanize 1 }}'),
  A('{{ trimSpace "a" }}'),
  A('{{ if .Status }}'),
  A('{{ range .Alerts }}{{ end }}{{ end }}'),
  A('{{ if gt (len .Alerts.Firing) 1 }}many{{ end }}'),
  A('{{ if eq .CommonLabels.severity 1 }}x{{ end }}'),
  A('{{ if eq .CommonLabels.severity "critical" }}page{{ end }} {{ range .CommonLabels.SortedPairs }}{{ .Name }}={{ .Value }} {{ end }}'),
  A('{{ define "x" }}a{{ end }}', { toolRejects: false }),
  A('{{ template "slack.default.title" . }}', { toolRejects: true }),
  A('{{ template "nowhere" . }}', { toolRejects: true }),
];

function promtoolRejects(dir: string, template: string, i: number): { rejects: boolean; output: string } {
  const rules = join(dir, `rules-${i}.yml`);
  writeFileSync(rules, JSON.stringify({ groups: [{ name: 'g', rules: [{ alert: 'Row', expr: 'vector(1)', annotations: { d: template } }] }] }));
  const check = runTool('promtool', ['check', 'rules', rules], dir);
  if (!check.ok) return { rejects: true, output: check.output };
  // Rendering: the annotation of the firing alert is printed on a mismatch; a render failure shows as "error expanding template".
  const test = join(dir, `test-${i}.yml`);
  writeFileSync(
    test,
    JSON.stringify({ rule_files: [rules], evaluation_interval: '1m', tests: [{ interval: '1m', input_series: [], alert_rule_test: [{ eval_time: '1m', alertname: 'Row', exp_alerts: [{ exp_labels: {}, exp_annotations: { d: '\u0000sentinel' } }] }] }] }),
  );
  const run = runTool('promtool', ['test', 'rules', test], dir);
  return { rejects: run.output.includes('error expanding template'), output: run.output };
}

function amtoolRejects(dir: string, template: string): { rejects: boolean; output: string } {
  const r = runTool('amtool', ['template', 'render', `--template.glob=${join(dir, 'none.tmpl')}`, `--template.text=${template}`], dir);
  return { rejects: !r.ok, output: r.output };
}

describe.skipIf(tools.skip)(`go-templates agrees with promtool and amtool ${tools.reason}`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'monspec-gotemplate-'));
  writeFileSync(join(dir, 'none.tmpl'), '');

  it.each(ROWS.map((row, i) => [i, row.dialect, row.template, row] as const))('%i %s: %s', (i, dialect, template, row) => {
    const tool = dialect === 'prometheus' ? promtoolRejects(dir, template, i) : amtoolRejects(dir, template);
    const check = checkGoTemplate(template, dialect);
    const detail = `${tool.output}\ncheck: ${JSON.stringify(check)}`;
    if (row.policy) {
      expect(tool.rejects, detail).toBe(row.policy.toolRejects);
      expect(check.ok, detail).toBe(false);
    } else {
      expect(!check.ok, detail).toBe(tool.rejects);
    }
  });

  it('the templates monspec itself generates (receiver titles, texts, channels, addresses; rule annotations) pass the check and the tools', () => {
    const artifacts = generate(compile('production'));
    const am = parse(artifacts.find((a) => a.path === ALERTMANAGER_PATH)?.content ?? '') as { receivers: Array<Record<string, unknown>> };
    const texts = am.receivers.flatMap((r) =>
      Object.entries(r)
        .filter(([k]) => k.endsWith('_configs'))
        .flatMap(([, configs]) => (configs as Array<Record<string, unknown>>).flatMap((c) => ['title', 'text', 'description', 'channel', 'to'].map((k) => c[k]).filter((v): v is string => typeof v === 'string'))),
    );
    expect(texts.some((t) => t.includes('{{'))).toBe(true);
    for (const t of texts) {
      expect(checkGoTemplate(t, 'alertmanager'), t).toEqual({ ok: true });
      expect(amtoolRejects(dir, t).rejects, t).toBe(false);
    }
    const rules = parse(artifacts.find((a) => a.path === ALERT_RULES_PATH)?.content ?? '') as { groups: Array<{ rules: Array<{ annotations: Record<string, string>; labels: Record<string, string> }> }> };
    for (const rule of rules.groups.flatMap((g) => g.rules)) {
      for (const t of [...Object.values(rule.annotations), ...Object.values(rule.labels)]) expect(checkGoTemplate(t, 'prometheus'), t).toEqual({ ok: true });
    }
  });

  it('the table has rows both tools accept and reject', () => {
    for (const dialect of ['prometheus', 'alertmanager'] as const) {
      const results = ROWS.filter((r) => r.dialect === dialect && !r.policy).map((r) => checkGoTemplate(r.template, dialect).ok);
      expect(results).toContain(true);
      expect(results).toContain(false);
    }
  });
});
