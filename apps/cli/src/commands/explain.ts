import { dashboardUrl, didYouMean, exploreUrl, formatValue, indexModel, namesRead, panelUrl, runbookLink, type ResolvedModel } from '@monspec/metrics-spec';
import { stringOpt, type Command } from '../command.js';
import { EXIT } from '../errors.js';
import { ENV_OPTION, parseFormat, SPEC_OPTION } from '../options.js';
import { compileAt, locateSpec } from '../spec-source.js';

interface Explanation {
  readonly kind: 'metric' | 'recording rule' | 'alert' | 'threshold';
  readonly name: string;
  readonly sections: ReadonlyArray<readonly [string, string | readonly string[]]>;
}

function bands(model: ResolvedModel, name: string): string {
  const t = indexModel(model).threshold(name);
  if (!t) return '';
  const parts: string[] = [];
  if (t.warning !== undefined) parts.push(`${t.states.warning} from ${formatValue(t.warning, t.unit)}`);
  if (t.critical !== undefined) parts.push(`${t.states.critical} from ${formatValue(t.critical, t.unit)}`);
  return `${t.name} (${t.direction === 'lower_is_worse' ? 'lower is worse' : 'higher is worse'}): ${parts.join(', ')}`;
}

/** Panels, rules and alerts whose PromQL reads `name` as a series (a metric's own series, or a recording rule). */
function usedBy(model: ResolvedModel, name: string): string[] {
  const reads = (expr: string) => namesRead(model, expr).includes(name);
  return [
    ...model.recordingRules.filter((r) => reads(r.expr)).map((r) => `recording rule ${r.name}`),
    ...model.alerts.filter((a) => a.datasource === 'prometheus' && reads(a.query)).map((a) => `alert ${a.name} (${a.severity})`),
    ...model.dashboards.flatMap((d) => d.panels.filter((p) => p.queries.some((q) => q.datasource === 'prometheus' && reads(q.expr))).map((p) => `panel ${d.title} › ${p.title}: ${panelUrl(model, d, p)}`)),
  ];
}

function explain(model: ResolvedModel, name: string): Explanation | undefined {
  const index = indexModel(model);
  const metric = index.metric(name);
  if (metric) {
    return {
      kind: 'metric',
      name,
      sections: [
        ['Meaning', metric.meaning],
        ['Type', `${metric.type}, unit ${metric.unit}, group ${metric.group}${metric.deprecated ? `; deprecated: ${metric.deprecated.reason}` : ''}`],
        ['Help', metric.help],
        ['Labels', metric.labels.map((l) => `${l.name}: ${l.description} (${l.values ? l.values.join(', ') : `at most ${l.cardinality} values`})`)],
        ['Normal range', metric.bands ? bands(model, metric.bands.name) : '(no bands declared)'],
        ['Estimated series', String(metric.estimatedSeries)],
        ['Used by', usedBy(model, name)],
        ['Explore', exploreUrl(model, 'prometheus', metric.type === 'counter' ? `sum(rate(${name}[5m]))` : metric.type === 'histogram' ? `histogram_quantile(0.95, sum by (le) (rate(${name}_bucket[5m])))` : name)],
      ],
    };
  }
  const rule = index.recordingRule(name);
  if (rule) {
    return {
      kind: 'recording rule',
      name,
      sections: [
        ['Meaning', rule.description],
        ['Expression', rule.expr],
        ['Unit', rule.unit],
        ['Labels kept', rule.outputLabels ? rule.outputLabels.join(', ') || '(none)' : '(unknown)'],
        ['Used by', usedBy(model, name)],
        ['Explore', exploreUrl(model, 'prometheus', name)],
      ],
    };
  }
  const alerts = index.alerts(name);
  const first = alerts[0];
  if (first) {
    const panel = index.panel(first.dashboard);
    return {
      kind: 'alert',
      name,
      sections: [
        ['Summary', first.summary],
        ['Meaning', first.runbook.meaning],
        ['Impact', first.runbook.impact],
        ['Condition', alerts.map((a) => `${a.severity}: ${a.query.replace(/\n/g, ' ')} for ${a.for}${a.condition?.threshold ? ` (threshold ${a.condition.threshold.name}.${a.condition.threshold.level} = ${a.condition.threshold.display})` : ''}`)],
        ['Routed to', alerts.map((a) => `${a.severity}: ${model.notifications.routes.find((r) => r.severity === a.severity)?.contactPoints.join(', ') ?? model.notifications.defaultContactPoint ?? '(default route)'}`)],
        ['Diagnosis', first.runbook.diagnosis.map((d) => `${d.title}${d.query ? `: ${d.query.expr}` : ''}`)],
        ['Mitigation', first.runbook.mitigation],
        ['Runbook', runbookLink(model, name)],
        ['Dashboard', panel ? panelUrl(model, panel.dashboard, panel.panel) : '(none)'],
      ],
    };
  }
  const threshold = index.threshold(name);
  if (threshold) {
    return {
      kind: 'threshold',
      name,
      sections: [
        ['Meaning', threshold.description],
        ['Bands', bands(model, name)],
        ['Used by', [
          ...model.alerts.filter((a) => a.condition?.threshold?.name === name).map((a) => `alert ${a.name} (${a.condition?.threshold?.level})`),
          ...model.dashboards.flatMap((d) => d.panels.filter((p) => p.threshold?.name === name).map((p) => `panel ${d.title} › ${p.title}: ${dashboardUrl(model, d)}`)),
        ]],
      ],
    };
  }
  return undefined;
}

export const explainCommand: Command = {
  name: 'explain',
  summary: 'Explain a metric, recording rule, alert or threshold: meaning, bands, queries, users, runbook and links.',
  usage: 'monspec explain NAME [--spec DIR] [--env NAME] [--format text|json]',
  options: {
    spec: SPEC_OPTION,
    env: ENV_OPTION,
    format: { type: 'string', help: 'text (default) or json.' },
  },
  positionals: { min: 1, max: 1 },
  examples: ['monspec explain http_requests_total', 'monspec explain HighErrorRate', 'monspec explain error_rate --format json'],
  async run(args, io) {
    const format = parseFormat(stringOpt(args, 'format'), ['text', 'json']);
    const name = args.positionals[0] as string;
    const spec = locateSpec(stringOpt(args, 'spec'), io);
    const result = compileAt(spec, stringOpt(args, 'env'));
    if (!result.model) {
      io.err(`monspec explain: the spec at ${spec.displayDir} is invalid; run monspec validate`);
      return EXIT.findings;
    }
    const e = explain(result.model, name);
    if (!e) {
      const m = result.model;
      const names = [...m.metrics.map((x) => x.name), ...m.recordingRules.map((x) => x.name), ...new Set(m.alerts.map((x) => x.name)), ...m.thresholds.map((x) => x.name)];
      const near = names.filter((n) => n.toLowerCase().includes(name.toLowerCase())).slice(0, 8);
      io.err(`monspec explain: Unexpected name "${name}", expected a metric, recording rule, alert or threshold${near.length ? ` (similar: ${near.join(', ')})` : ''}${didYouMean(name, names)}`);
      return EXIT.findings;
    }
    if (format === 'json') {
      io.out(JSON.stringify({ kind: e.kind, name: e.name, ...Object.fromEntries(e.sections.map(([k, v]) => [k.toLowerCase().replace(/ /g, '_'), v])) }, null, 2));
      return EXIT.ok;
    }
    const lines = [io.style.bold(`${e.name}`) + io.style.dim(` (${e.kind})`), ''];
    for (const [title, value] of e.sections) {
      if (typeof value === 'string') lines.push(`${io.style.bold(title + ':')} ${value}`);
      else {
        lines.push(io.style.bold(title + ':'));
        lines.push(...(value.length ? value.map((v) => `  - ${v}`) : ['  (none)']));
      }
    }
    io.out(lines.join('\n'));
    return EXIT.ok;
  },
};
