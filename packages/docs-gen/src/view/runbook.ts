/** A runbook's view model: one per alert name (SLO alerts share a name across severities). */
import { exploreUrl, indexModel, panelUrl, type PanelRef, type ResolvedModel } from '@monspec/metrics-spec';
import { cell, code, codeBlock, link, prose, text } from '../markdown/inline.js';
import { SETUP_GUIDE } from '../paths.js';
import { bySeverityThenName, compare, conditionCode, durationText, metricsRead, routeFor, thresholdText } from './common.js';

export interface RunbookView {
  readonly name: string;
  readonly environment: string;
  readonly summary: string;
  readonly rules: readonly { readonly severity: string; readonly condition: string; readonly threshold: string; readonly duration: string; readonly route: string }[];
  readonly facts: readonly { readonly label: string; readonly value: string }[];
  readonly meaning: string;
  readonly impact: string;
  readonly dashboard: string;
  readonly steps: readonly RunbookStepView[];
  readonly mitigation: readonly string[];
  readonly escalation: readonly string[];
  readonly related: readonly string[];
}

export interface RunbookStepView {
  readonly number: number;
  readonly title: string;
  readonly description: string;
  readonly query: string;
  readonly links: string;
}

const LANG = { prometheus: 'promql', loki: 'logql' } as const;

/** Every alert name, sorted, each with its rules in severity order. */
export function alertNames(model: ResolvedModel): string[] {
  return [...new Set(model.alerts.map((a) => a.name))].sort(compare);
}

export function runbookView(model: ResolvedModel, alertName: string): RunbookView {
  const index = indexModel(model);
  const rules = [...index.alerts(alertName)].sort(bySeverityThenName);
  const first = rules[0];
  if (!first) throw new Error(`Unexpected alert name "${alertName}", expected one of the model's alerts`);

  const panelLink = (ref: PanelRef, label?: string): string => {
    const hit = index.panel(ref);
    if (!hit) return code(`${ref.dashboard}/${ref.panel}`);
    return link(label ?? `${text(hit.dashboard.title)} › ${text(hit.panel.title)}`, panelUrl(model, hit.dashboard, hit.panel));
  };

  const steps: RunbookStepView[] = first.runbook.diagnosis.map((step, i) => {
    const links: string[] = [];
    if (step.query) links.push(link('Open in Grafana Explore', exploreUrl(model, step.query.datasource, step.query.expr)));
    if (step.panel) links.push(`Dashboard panel: ${panelLink(step.panel)}`);
    return {
      number: i + 1,
      title: text(step.title),
      description: step.description ? prose(step.description) : '',
      query: step.query ? codeBlock(step.query.expr, LANG[step.query.datasource]) : '',
      links: links.join(' · '),
    };
  });

  const reads = first.datasource === 'prometheus' ? metricsRead(first.expr, index) : [];
  const labels = Object.entries(first.labels)
    .filter(([k]) => k !== 'severity')
    .map(([k, v]) => code(`${k}=${v}`));
  const facts = [
    { label: 'Datasource', value: first.datasource === 'prometheus' ? 'Prometheus (PromQL)' : 'Loki (LogQL)' },
    { label: 'Labels', value: cell(labels.join(', ')) },
    ...(first.slo ? [{ label: 'SLO', value: code(first.slo.name) }] : []),
    ...(reads.length ? [{ label: 'Metrics read', value: cell(reads.map(code).join(', ')) }] : []),
  ];

  const related = [
    link('Alerts overview in the setup guide', `../${SETUP_GUIDE}#alerts`),
    link('Metrics reference in the setup guide', `../${SETUP_GUIDE}#metrics-reference`),
  ];

  return {
    name: text(alertName),
    environment: model.environment,
    summary: text(first.summary),
    rules: rules.map((a) => ({
      severity: a.severity,
      condition: cell(conditionCode(a)),
      threshold: cell(thresholdText(a, model)),
      duration: cell(durationText(a)),
      route: cell(routeFor(model, a.severity)),
    })),
    facts,
    meaning: prose(first.runbook.meaning),
    impact: prose(first.runbook.impact),
    dashboard: panelLink(first.dashboard),
    steps,
    mitigation: first.runbook.mitigation.map(prose),
    escalation: first.runbook.escalation.map(prose),
    related,
  };
}
