/**
 * What every section of the setup guide reads: the model, the build's prose renderer and the facts
 * several sections share (computed once).
 */
import { indexModel, quoteLabelValue, type ArtifactDescriptor, type ModelIndex, type ResolvedModel } from '@monspec/metrics-spec';
import type { Fragment } from '../../markdown/fragment.js';
import type { Prose } from '../../markdown/prose.js';
import { compare } from '../common.js';
import { pathsOf } from './outputs.js';

export interface SetupGround {
  readonly model: ResolvedModel;
  readonly ctx: Prose;
  readonly s: ResolvedModel['service'];
  readonly index: ModelIndex;
  readonly prom: ResolvedModel['service']['datasources']['prometheus'];
  readonly loki: ResolvedModel['service']['datasources']['loki'];
  /** Every alert name, sorted. */
  readonly alertNames: readonly string[];
  readonly grafanaLink: Fragment;
  /** The scrape target's `up` query. */
  readonly upQuery: string;
  /** The rule files this environment loads (troubleshooting and the checklist name them). */
  readonly ruleFiles: readonly string[];
  /** The other generators' files (none when the caller passed none). */
  readonly outputs: readonly ArtifactDescriptor[];
  readonly known: SetupFacts;
}

/** What the guide knows from the other generators (`DocsOptions`' fields of the same names). */
export interface SetupFacts {
  readonly promtoolTestCases?: number;
  readonly artifacts?: readonly ArtifactDescriptor[];
}

/** What evaluates and routes the alerts, per `service.alerting.engine` (facts and troubleshooting). */
export const ENGINE_TEXT = {
  prometheus: 'Prometheus alerting rules (and Loki ruler rules for log alerts), routed by Alertmanager',
  grafana: 'Grafana-managed alert rules and Grafana notification policies',
  both: 'both Prometheus alerting rules routed by Alertmanager and Grafana-managed alert rules (the same rules, one engine each, so either can page when the other is down)',
} as const;

export function setupGround(model: ResolvedModel, ctx: Prose, known: SetupFacts): SetupGround {
  const outputs = known.artifacts ?? [];
  const s = model.service;
  return {
    model,
    ctx,
    s,
    index: indexModel(model),
    prom: s.datasources.prometheus,
    loki: s.datasources.loki,
    alertNames: [...new Set(model.alerts.map((a) => a.name))].sort(compare),
    grafanaLink: ctx.autolink(s.grafana.url),
    upQuery: `up{job=${quoteLabelValue(s.job)}}`,
    ruleFiles: pathsOf(outputs, ['prometheus-recording-rules', 'prometheus-alerting-rules', 'ruler-rules', 'loki-rules', 'grafana-alert-rules']),
    outputs,
    known,
  };
}
