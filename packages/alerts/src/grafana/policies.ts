/**
 * `grafana/provisioning/alerting/policies.yaml`: the notification policy tree, the same routing as
 * Alertmanager (service route, one child per severity and contact point, `continue` between them).
 * Provisioning a policy tree replaces the organisation's whole tree.
 */
import type { Artifact, ArtifactDescriptor, ResolvedModel } from '@monspec/metrics-spec';
import { deployment } from '../deployment.js';
import { defaultReceiver, serviceMatchers } from '../receivers.js';
import { yamlFile } from '../yaml.js';
import { escapeDollars } from './escape.js';
import type { GrafanaPoliciesFile } from './provisioning-types.js';

export const GRAFANA_POLICIES_PATH = 'grafana/provisioning/alerting/policies.yaml';

export function grafanaPoliciesFile(model: ResolvedModel): Artifact {
  const n = model.notifications;
  const severityRoutes = n.routes.flatMap((route) =>
    route.contactPoints.map((cp, i) => ({
      receiver: cp,
      object_matchers: [['severity', '=', route.severity]],
      ...(route.groupWait ? { group_wait: route.groupWait } : {}),
      ...(route.groupInterval ? { group_interval: route.groupInterval } : {}),
      ...(route.repeatInterval ? { repeat_interval: route.repeatInterval } : {}),
      ...(i < route.contactPoints.length - 1 ? { continue: true } : {}),
    })),
  );
  const service = serviceMatchers(model);
  const routes = service.length
    ? [{ receiver: defaultReceiver(model), object_matchers: service.map(([k, v]) => [k, '=', escapeDollars(v)]), routes: severityRoutes }]
    : severityRoutes;
  const data: GrafanaPoliciesFile = { apiVersion: 1, policies: [{ orgId: 1, receiver: defaultReceiver(model), group_by: [...n.groupBy], routes }] };
  return { ...grafanaPoliciesDescriptor(model), content: yamlFile(data) };
}

export function grafanaPoliciesDescriptor(model: ResolvedModel): ArtifactDescriptor {
  return {
    path: GRAFANA_POLICIES_PATH,
    title: 'Grafana notification policies (file provisioning).',
    engine: 'grafana',
    role: 'grafana-policies',
    ...deployment(model, 'grafana-notify', 'Grafana provisioning/alerting/'),
  };
}
