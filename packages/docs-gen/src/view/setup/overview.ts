/** The guide's overview: the service, its facts, its health endpoints, the decisions recorded in the spec, the architecture picture. */
import { humanDuration } from '@monspec/metrics-spec';
import { type Fragment, inline, join } from '../../markdown/fragment.js';
import { code, count, link } from '../../markdown/inline.js';
import { image } from '../../markdown/image.js';
import { ARCHITECTURE_IMAGE } from '../../paths.js';
import { architectureGraph } from '../../diagram/architecture.js';
import { compare } from '../common.js';
import { ENGINE_TEXT, type SetupGround } from './ground.js';
import type { SetupView, Fact } from './types.js';

export function overviewSection(g: SetupGround): Pick<SetupView, 'title' | 'service' | 'description' | 'facts' | 'healthEndpoints' | 'decisions' | 'architecture'> {
  const { model, ctx, s, alertNames, grafanaLink } = g;
  const facts: Fact[] = [
    { label: 'Service', value: code(s.name) },
    { label: 'Owning team', value: ctx.text(s.team) },
    ...(s.contact ? [{ label: 'Contact', value: ctx.text(s.contact) }] : []),
    ...(s.repository ? [{ label: 'Repository', value: link(ctx.text(s.repository), s.repository) }] : []),
    { label: 'Environment', value: inline`${code(model.environment)} (of ${model.environments.length ? join(model.environments.map(code), ', ') : code(model.environment)})` },
    { label: 'Metrics endpoint', value: inline`${code(s.metricsPath)}, Prometheus job ${code(s.job)}` },
    { label: 'Scrape interval', value: `${s.scrapeInterval} (${humanDuration(s.scrapeInterval)})` },
    { label: 'Retention', value: `${s.retention} (${humanDuration(s.retention)})` },
    { label: 'Replicas', value: String(s.replicas) },
    { label: 'Grafana', value: inline`${grafanaLink}, folder ${ctx.text(s.grafana.folder)}` },
    { label: 'Alerting', value: `${ENGINE_TEXT[s.alerting.engine]}; evaluated every ${s.alerting.evaluationInterval}` },
    {
      label: 'Estimated active series',
      value: `${model.seriesEstimate.total}${model.seriesEstimate.budget !== undefined ? ` of a budget of ${model.seriesEstimate.budget}` : ''}`,
    },
    {
      label: 'Monitoring at a glance',
      value: [count(model.metrics.length, 'metric'), count(model.recordingRules.length, 'recording rule'), count(model.dashboards.length, 'dashboard'), count(alertNames.length, 'alert'), count(model.slos.length, 'SLO')].join(', '),
    },
  ];

  const decisions: Fragment[] = [];
  for (const m of model.metrics) {
    if (m.deprecated) {
      decisions.push(inline`${code(m.name)} is deprecated: ${ctx.proseInline(m.deprecated.reason)}${m.deprecated.replacement ? inline` Use ${code(m.deprecated.replacement)} instead.` : ''}`);
    }
  }
  for (const m of model.metrics) {
    for (const [rule, reason] of Object.entries(m.waivers).sort(([a], [b]) => compare(a, b))) {
      decisions.push(inline`${code(m.name)} keeps its name despite the ${code(rule)} check: ${ctx.proseInline(reason)}`);
    }
  }

  return {
    title: ctx.text(`${s.title} monitoring setup`),
    service: code(s.name),
    description: ctx.prose(s.description),
    facts,
    healthEndpoints: s.healthEndpoints.map((h) => ({ label: code(h.path), value: ctx.proseInline(h.description) })),
    decisions,
    architecture: image(architectureGraph(model).title, ARCHITECTURE_IMAGE),
  };
}
