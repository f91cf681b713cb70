import { sloDashboard } from './slo-dashboard.js';
import type { MonspecDocument } from '../generated/spec-types.js';
import type { ResolvedAlert, ResolvedModel } from '../model.js';
import { buildCheckContext, type CheckContext } from '../checks/context.js';
import { own } from '../own.js';
import type { SourceMap } from '../source-map.js';
import { deepFreeze } from './common.js';
import { resolveAlert } from './alerts.js';
import { resolveLogs } from './logs.js';
import { resolveMetrics } from './metrics.js';
import { resolveRecordingRules } from './recording-rules.js';
import { resolveDashboard } from './dashboards.js';
import { resolveNotifications } from './notifications.js';
import { resolveService } from './service.js';
import { resolveSloAlerts, resolveSlos } from './slos.js';
import { resolveTargets } from './targets.js';
import { resolveThresholds } from './thresholds.js';

export { promNumber } from './common.js';

export interface ResolveInput {
  readonly spec: MonspecDocument;
  readonly sourceMap: SourceMap;
  readonly environment: string;
  readonly environments: readonly string[];
  /** The spec's default environment; every other environment's alerts carry `environment: <name>`. */
  readonly defaultEnvironment?: string;
  readonly specHash: string;
  /** The context the checks built (label inference, threshold levels), reused rather than rebuilt. */
  readonly context?: CheckContext;
}

/**
 * Resolves a spec that passed the schema and the checks into the frozen model: defaults filled,
 * references resolved, quantities converted, placeholders rendered, SLOs expanded into recording
 * rules and burn-rate alerts.
 */
export function resolveModel(input: ResolveInput): ResolvedModel {
  const { spec, sourceMap } = input;
  const ctx = input.context ?? buildCheckContext(spec);
  // The documented labels: `team` on every alert, `environment` on every non-default environment's
  // alerts (authored commonLabels override both).
  const implied: Record<string, string> = {
    ...(spec.service?.team ? { team: spec.service.team } : {}),
    ...(input.defaultEnvironment !== undefined && input.environment !== input.defaultEnvironment ? { environment: input.environment } : {}),
  };
  const service = resolveService(spec, implied);
  const thresholds = resolveThresholds(spec);
  const thresholdByName = new Map(thresholds.map((t) => [t.name, t]));

  const metrics = resolveMetrics(spec, thresholdByName, service, sourceMap);

  const slos = resolveSlos(spec);

  const recordingRules = resolveRecordingRules(spec, slos, ctx);

  const runbooks = spec.runbooks ?? {};
  const alerts: ResolvedAlert[] = [
    ...Object.entries(spec.alerts ?? {}).map(([name, alert]) => resolveAlert(name, alert, own(runbooks, name), ctx, thresholdByName, service, sourceMap)),
    ...Object.entries(spec.slos ?? {}).flatMap(([name, slo]) => {
      const resolved = slos.find((s) => s.name === name);
      return resolved ? resolveSloAlerts(resolved, slo, own(runbooks, resolved.alertName), ctx, service, sourceMap) : [];
    }),
  ].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const generatedSlo = sloDashboard(spec, slos);
  const dashboards = [...Object.entries(spec.dashboards ?? {}), ...(generatedSlo ? [generatedSlo] : [])].map(([uid, d]) => resolveDashboard(uid, d, spec, ctx, thresholdByName));

  const targets = resolveTargets(spec, input.environment);
  const model: ResolvedModel = {
    specHash: input.specHash,
    environment: input.environment,
    environments: [...input.environments].sort(),
    service,
    metrics,
    thresholds,
    recordingRules,
    alerts,
    slos,
    dashboards,
    notifications: resolveNotifications(spec),
    logs: resolveLogs(spec),
    seriesEstimate: { total: metrics.reduce((n, m) => n + m.estimatedSeries, 0), budget: service.seriesBudget },
    ...(targets ? { targets } : {}),
  };
  return deepFreeze(model);
}

