/** A runbook's view model: one per alert name (SLO alerts share a name across severities). */
import { alertReads, exploreUrl, indexModel, panelUrl, type PanelRef, type ResolvedModel } from '@monspec/metrics-spec';
import { type Fragment, inline, join } from '../markdown/fragment.js';
import { cell, code, codeBlock, link } from '../markdown/inline.js';
import type { Prose } from '../markdown/prose.js';
import { inhibitionSource, inhibits, bySeverityThenName, compare, conditionCode, durationText, routeFor, thresholdText } from './common.js';

export interface RunbookView {
  readonly name: Fragment;
  readonly summary: Fragment;
  readonly rules: readonly { readonly severity: string; readonly condition: Fragment; readonly threshold: Fragment; readonly duration: Fragment; readonly route: Fragment }[];
  readonly facts: readonly { readonly label: string; readonly value: Fragment }[];
  readonly meaning: Fragment;
  readonly impact: Fragment;
  readonly dashboard: Fragment;
  readonly steps: readonly RunbookStepView[];
  readonly mitigation: readonly Fragment[];
  readonly escalation: readonly Fragment[];
  readonly notifications: readonly Fragment[];
  readonly related: readonly Fragment[];
}

export interface RunbookStepView {
  readonly number: number;
  readonly title: Fragment;
  readonly description: Fragment;
  readonly query: Fragment;
  readonly links: Fragment;
}

const LANG = { prometheus: 'promql', loki: 'logql' } as const;

/** Every alert name, sorted, each with its rules in severity order. */
export function alertNames(model: ResolvedModel): string[] {
  return [...new Set(model.alerts.map((a) => a.name))].sort(compare);
}

export function runbookView(model: ResolvedModel, alertName: string, ctx: Prose): RunbookView {
  const index = indexModel(model);
  const rules = [...index.alerts(alertName)].sort(bySeverityThenName);
  const first = rules[0];
  if (!first) throw new Error(`Unexpected alert name "${alertName}", expected one of the model's alerts`);

  const panelLink = (ref: PanelRef): Fragment => {
    const hit = index.panel(ref);
    if (!hit) return code(`${ref.dashboard}/${ref.panel}`);
    return link(inline`${ctx.text(hit.dashboard.title)} › ${ctx.text(hit.panel.title)}`, panelUrl(model, hit.dashboard, hit.panel));
  };

  const steps: RunbookStepView[] = first.runbook.diagnosis.map((step, i) => {
    const links: Fragment[] = [];
    if (step.query) links.push(link('Open in Grafana Explore', exploreUrl(model, step.query.datasource, step.query.expr)));
    if (step.panel) links.push(inline`Dashboard panel: ${panelLink(step.panel)}`);
    return {
      number: i + 1,
      title: ctx.text(step.title),
      description: ctx.prose(step.description ?? ''),
      query: step.query ? codeBlock(step.query.expr, LANG[step.query.datasource]) : inline``,
      links: join(links, ' · '),
    };
  });

  const reading = alertReads(model);
  const reads = reading.readsOf(alertName);
  const labels = Object.entries(first.labels)
    .filter(([k]) => k !== 'severity')
    .map(([k, v]) => code(`${k}=${v}`));
  const facts = [
    { label: 'Datasource', value: inline`${first.datasource === 'prometheus' ? 'Prometheus (PromQL)' : 'Loki (LogQL)'}` },
    { label: 'Labels', value: cell(join(labels, ', ')) },
    ...(first.slo ? [{ label: 'SLO', value: code(first.slo.name) }] : []),
    ...(reads.length ? [{ label: 'Metrics read', value: cell(join(reads.map(code), ', ')) }] : []),
  ];

  // Routing and inhibition as deployed, from the model: runbook prose never has to restate (or guess) them.
  const severities = [...new Set(rules.map((a) => a.severity))];
  const viaAlertmanager = model.service.alerting.engine !== 'grafana';
  const notifications = severities.flatMap((severity) => {
    const route = model.notifications.routes.find((r) => r.severity === severity);
    const repeat = viaAlertmanager && route?.repeatInterval ? `, again every ${route.repeatInterval} while it fires` : '';
    const held = viaAlertmanager
      ? model.notifications.inhibitions
          .filter((i) => inhibits(i, alertName, severity))
          .map((i) => inline`While ${inhibitionSource(i, ctx)}${i.equal.length ? inline` with the same ${join(i.equal.map(code), ', ')}` : ''} fires, this ${severity} alert is held back (Alertmanager inhibition).`)
      : [];
    return [inline`${code(severity)}: notifies ${routeFor(model, severity, ctx)}${repeat}.`, ...held];
  });

  // Other alerts over the same metrics (through recording rules): what else fires in this incident.
  // Found through the metrics' readers, not by reading every other alert (quadratic at scale).
  const others = [...new Set(reads.flatMap((m) => reading.readersOf(m)))].filter((name) => name !== alertName).sort(compare);
  const relatedAlerts = others.map((name) => {
    const mine = new Set(reading.readsOf(name));
    const shared = reads.filter((m) => mine.has(m));
    const severities = [...new Set([...index.alerts(name)].sort(bySeverityThenName).map((a) => a.severity))];
    return inline`${link(ctx.text(name), `${name}.md`)} (${severities.join(', ')}) also reads ${join(shared.map(code), ', ')}`;
  });

  const related = [
    ...relatedAlerts,
    link('Alerts overview in the setup guide', `../${model.service.setupGuide}#alerts`),
    link('Metrics reference in the setup guide', `../${model.service.setupGuide}#metrics-reference`),
  ];

  return {
    name: ctx.text(alertName),
    summary: ctx.text(first.summary),
    rules: rules.map((a) => ({
      severity: a.severity,
      condition: cell(conditionCode(a)),
      threshold: cell(thresholdText(a, model)),
      duration: cell(durationText(a)),
      route: cell(routeFor(model, a.severity, ctx)),
    })),
    facts,
    meaning: ctx.prose(first.runbook.meaning),
    impact: ctx.prose(first.runbook.impact),
    dashboard: panelLink(first.dashboard),
    steps,
    mitigation: first.runbook.mitigation.map((m) => ctx.proseInline(m)),
    escalation: first.runbook.escalation.map((m) => ctx.proseInline(m)),
    notifications,
    related,
  };
}
