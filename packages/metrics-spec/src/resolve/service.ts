/** The service section: identity, scrape, Grafana, datasources, alerting settings. */
import { SCHEMA_DEFAULTS } from '../generated/defaults.js';
import { defaultSetupGuide, rulerNamespace } from '../conventions.js';
import type { MonspecDocument } from '../generated/spec-types.js';
import type { ResolvedRuler, ResolvedService } from '../model.js';
import { sortedRecord } from '../sorted-record.js';

export function resolveService(spec: MonspecDocument, impliedLabels: Readonly<Record<string, string>>): ResolvedService {
  const s = spec.service;
  if (!s) throw new Error('resolveModel needs a spec with a service section (checked by the pipeline)');
  return {
    name: s.name,
    title: s.title,
    description: s.description,
    team: s.team,
    contact: s.contact,
    repository: s.repository,
    job: s.job ?? s.name,
    metricsPath: s.metricsPath ?? SCHEMA_DEFAULTS.service.metricsPath,
    healthEndpoints: (s.healthEndpoints ?? []).map((h) => ({ path: h.path, description: h.description })),
    scrapeInterval: s.scrape?.interval ?? SCHEMA_DEFAULTS.service.scrape.interval,
    retention: s.scrape?.retention ?? SCHEMA_DEFAULTS.service.scrape.retention,
    replicas: s.replicas ?? SCHEMA_DEFAULTS.service.replicas,
    seriesBudget: s.seriesBudget,
    grafana: { url: (s.grafana?.url ?? SCHEMA_DEFAULTS.service.grafana.url).replace(/\/+$/, ''), folder: s.grafana?.folder ?? s.title },
    datasources: {
      prometheus: { ...SCHEMA_DEFAULTS.service.datasources.prometheus, ...s.datasources?.prometheus },
      loki: { ...SCHEMA_DEFAULTS.service.datasources.loki, ...s.datasources?.loki },
    },
    alerting: {
      engine: s.alerting?.engine ?? SCHEMA_DEFAULTS.service.alerting.engine,
      evaluationInterval: s.alerting?.evaluationInterval ?? SCHEMA_DEFAULTS.service.alerting.evaluationInterval,
      commonLabels: sortedRecord({ ...impliedLabels, ...(s.alerting?.commonLabels ?? {}) }),
      alertmanagerUrl: s.alerting?.alertmanagerUrl?.replace(/\/+$/, ''),
      ruler: resolveRuler(s.name, s.alerting?.ruler),
      lokiTenant: s.alerting?.lokiTenant,
    },
    runbookBaseUrl: s.runbookBaseUrl?.replace(/\/+$/, ''),
    setupGuide: s.setupGuide ?? defaultSetupGuide(s.name),
  };
}

type AuthoredRuler = NonNullable<NonNullable<NonNullable<MonspecDocument['service']>['alerting']>['ruler']>;

/** Options another type would ignore are refused by the ruler-options check before resolving. */
function resolveRuler(service: string, r: AuthoredRuler | undefined): ResolvedRuler {
  switch (r?.type) {
    case undefined:
    case 'prometheus':
      return { type: 'prometheus' };
    case 'mimir':
      return { type: 'mimir', namespace: r.namespace ?? rulerNamespace(service) };
    case 'thanos':
      return { type: 'thanos', partialResponseStrategy: r.partialResponseStrategy ?? SCHEMA_DEFAULTS.service.alerting.ruler.partialResponseStrategy };
    case 'prometheus-operator':
      return { type: 'prometheus-operator', namespace: r.kubernetesNamespace ?? SCHEMA_DEFAULTS.service.alerting.ruler.kubernetesNamespace, labels: sortedRecord({ ...r.labels }) };
  }
}
