/**
 * Which artifacts an environment deploys, from `service.alerting.engine`. Everything is always
 * generated (promtool and amtool test the Prometheus side whatever the engine); the header of each
 * file says whether this environment deploys it.
 *
 * By default one engine evaluates each alert. With engine `both`, Prometheus and Grafana evaluate
 * every alert and both send to one Alertmanager (service.alerting.alertmanagerUrl), which merges
 * alerts whose label sets are identical into one and applies one set of inhibitions
 * (https://grafana.com/docs/grafana/latest/alerting/set-up/configure-alertmanager/). For the label
 * sets to be identical: Grafana names each alert after its rule title (the `alertname` label), so
 * titles are the alert names; Grafana adds its reserved `grafana_folder` label
 * (https://grafana.com/docs/grafana/latest/alerting/fundamentals/alert-rules/annotation-label/#grafana-reserved-labels),
 * so the Prometheus and Loki rules carry the same label and value.
 */
import type { AlertEngine, ResolvedModel } from '@monspec/metrics-spec';

export function prometheusEvaluates(engine: AlertEngine): boolean {
  return engine === 'prometheus' || engine === 'both';
}

export function grafanaEvaluates(engine: AlertEngine): boolean {
  return engine === 'grafana' || engine === 'both';
}

/** Whether this environment deploys a file of `side`, and the header's sentence saying so and where. */
export function deployment(model: ResolvedModel, side: 'prometheus' | 'grafana' | 'grafana-notify' | 'always', target: string): { readonly deployed: boolean; readonly deploy: string } {
  const engine = model.service.alerting.engine;
  if (side === 'grafana-notify') {
    if (engine === 'both') return { deployed: false, deploy: 'Deploy: no (alerting engine both: Grafana forwards its alerts to the external Alertmanager, see datasources/alertmanager.yaml, which notifies once for both engines); generated for review only.' };
    return deployment(model, 'grafana', target);
  }
  if (side === 'always') return { deployed: true, deploy: `Deploy: yes, to ${target} (needed whatever the alerting engine; this environment's engine is ${engine}).` };
  const deployed = side === 'prometheus' ? prometheusEvaluates(engine) : grafanaEvaluates(engine);
  return deployed
    ? { deployed, deploy: `Deploy: yes, to ${target} (alerting engine ${engine}).` }
    : { deployed, deploy: `Deploy: no (alerting engine ${engine}: ${side === 'prometheus' ? 'Grafana' : 'Prometheus'} evaluates the alerts of this environment); generated for review and tests only.` };
}

/**
 * The prometheus/rules files: deployed to Prometheus's rule_files only when Prometheus itself is the
 * ruler (service.alerting.ruler); otherwise the ruler's own file under rulers/ carries the same groups
 * and deploying both would evaluate every rule twice.
 */
export function ruleFileDeployment(model: ResolvedModel, side: 'prometheus' | 'always', target: string): { readonly deployed: boolean; readonly deploy: string } {
  const ruler = model.service.alerting.ruler.type;
  if (ruler === 'prometheus') return deployment(model, side, target);
  return { deployed: false, deploy: `Deploy: no (ruler ${ruler}: its file under rulers/ carries these groups); generated for promtool's checks and tests and for review.` };
}

/**
 * alertmanager/alertmanager.yml: with the Prometheus Operator as ruler, the operator builds
 * Alertmanager's configuration and the AlertmanagerConfig object under rulers/ carries this routing.
 */
export function alertmanagerFileDeployment(model: ResolvedModel, target: string): { readonly deployed: boolean; readonly deploy: string } {
  if (model.service.alerting.ruler.type !== 'prometheus-operator' || !prometheusEvaluates(model.service.alerting.engine)) return deployment(model, 'prometheus', target);
  return { deployed: false, deploy: "Deploy: no (ruler prometheus-operator: the AlertmanagerConfig object under rulers/ carries this routing); generated for amtool's checks and route tests and for review." };
}

/** Grafana forwards its alerts to the external Alertmanager instead of notifying contact points itself. */
export function grafanaForwards(model: ResolvedModel): boolean {
  return model.service.alerting.engine === 'both';
}

/** Labels Prometheus/Loki rules add so their alerts equal Grafana's copies in Alertmanager (engine both). */
export function dedupLabels(model: ResolvedModel): Record<string, string> {
  return grafanaForwards(model) ? { grafana_folder: model.service.grafana.folder } : {};
}
