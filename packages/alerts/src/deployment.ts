/**
 * Which artifacts an environment deploys, from `service.alerting.engine`. Everything is always
 * generated (promtool and amtool test the Prometheus side whatever the engine); the header of each
 * file says whether this environment deploys it.
 */
import type { AlertEngine, ResolvedModel } from '@monspec/metrics-spec';

export function prometheusEvaluates(engine: AlertEngine): boolean {
  return engine === 'prometheus' || engine === 'both';
}

export function grafanaEvaluates(engine: AlertEngine): boolean {
  return engine === 'grafana' || engine === 'both';
}

export function deployLine(model: ResolvedModel, side: 'prometheus' | 'grafana' | 'always', target: string): string {
  const engine = model.service.alerting.engine;
  if (side === 'always') return `Deploy: yes, to ${target} (needed whatever the alerting engine; this environment's engine is ${engine}).`;
  const deployed = side === 'prometheus' ? prometheusEvaluates(engine) : grafanaEvaluates(engine);
  return deployed
    ? `Deploy: yes, to ${target} (alerting engine ${engine}).`
    : `Deploy: no (alerting engine ${engine}: ${side === 'prometheus' ? 'Grafana' : 'Prometheus'} evaluates the alerts of this environment); generated for review and tests only.`;
}
