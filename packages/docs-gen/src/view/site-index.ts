/** The site's home page (Markdown, rendered only on the site). */
import { dashboardUrl, type ResolvedModel } from '@monspec/metrics-spec';
import { cell, link, prose, text } from '../markdown/inline.js';
import { METRICS_DOC, SETUP_GUIDE, runbookDoc } from '../paths.js';
import { alertNames } from './runbook.js';
import { bySeverityThenName } from './common.js';
import { indexModel } from '@monspec/metrics-spec';

export interface IndexView {
  readonly title: string;
  readonly description: string;
  readonly documents: readonly { readonly link: string; readonly purpose: string }[];
  readonly dashboards: readonly string[];
  readonly runbooks: readonly { readonly link: string; readonly severity: string; readonly summary: string }[];
}

export function indexView(model: ResolvedModel): IndexView {
  const index = indexModel(model);
  return {
    title: `${model.service.title} monitoring`,
    description: prose(model.service.description),
    documents: [
      { link: link('Monitoring setup guide', SETUP_GUIDE), purpose: 'Architecture, prerequisites, dashboards, metrics, alerts, Loki queries, troubleshooting and checklists.' },
      { link: link('Metrics catalogue', METRICS_DOC), purpose: 'Every metric with its labels, bands and what reads it; every recording rule.' },
      { link: link('Runbooks', '#runbooks'), purpose: 'One page per alert: meaning, impact, diagnosis with Grafana links, mitigation, escalation.' },
    ],
    dashboards: model.dashboards.map((d) => `${link(text(d.title), dashboardUrl(model, d))}: ${prose(d.description)}`),
    runbooks: alertNames(model).map((name) => {
      const rules = [...index.alerts(name)].sort(bySeverityThenName);
      return {
        link: cell(link(text(name), runbookDoc(name))),
        severity: [...new Set(rules.map((r) => r.severity))].join(', '),
        summary: cell(text(rules[0]?.summary ?? '')),
      };
    }),
  };
}
