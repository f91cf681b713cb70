/** The site's home page (Markdown, rendered only on the site). */
import { dashboardUrl, indexModel, type ResolvedModel } from '@monspec/metrics-spec';
import { type Fragment, inline } from '../markdown/fragment.js';
import { cell, link } from '../markdown/inline.js';
import type { Prose } from '../markdown/prose.js';
import { METRICS_DOC, runbookDoc } from '../paths.js';
import { bySeverityThenName } from './common.js';
import { alertNames } from './runbook.js';
import { dashboardDoc } from './dashboard.js';

export interface IndexView {
  readonly title: Fragment;
  readonly description: Fragment;
  readonly documents: readonly { readonly link: Fragment; readonly purpose: string }[];
  readonly dashboards: readonly Fragment[];
  readonly runbooks: readonly { readonly link: Fragment; readonly severity: string; readonly summary: Fragment }[];
}

export function indexView(model: ResolvedModel, ctx: Prose): IndexView {
  const index = indexModel(model);
  return {
    title: ctx.text(`${model.service.title} monitoring`),
    description: ctx.prose(model.service.description),
    documents: [
      { link: link('Monitoring setup guide', model.service.setupGuide), purpose: 'Architecture, prerequisites, dashboards, metrics, alerts, Loki queries, troubleshooting and checklists.' },
      { link: link('Metrics catalogue', METRICS_DOC), purpose: 'Every metric with its labels, bands and what reads it; every recording rule.' },
      { link: link('Runbooks', '#runbooks'), purpose: 'One page per alert: meaning, impact, diagnosis with Grafana links, mitigation, escalation.' },
    ],
    dashboards: model.dashboards.map((d) => inline`${link(ctx.text(d.title), dashboardDoc(d.uid))} (${link('open in Grafana', dashboardUrl(model, d))}): ${ctx.proseInline(d.description)}`),
    runbooks: alertNames(model).map((name) => {
      const rules = [...index.alerts(name)].sort(bySeverityThenName);
      return {
        link: cell(link(ctx.text(name), runbookDoc(name))),
        severity: [...new Set(rules.map((r) => r.severity))].join(', '),
        summary: cell(ctx.text(rules[0]?.summary ?? '')),
      };
    }),
  };
}
