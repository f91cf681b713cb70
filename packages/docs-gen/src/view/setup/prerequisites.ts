/** The guide's prerequisites and deployment facts: what must exist before deploying, what the service changes, where each file goes, which versions. */
import { grafanaSmtpSettings } from '@monspec/metrics-spec';
import { type Piece, inline, join } from '../../markdown/fragment.js';
import { code } from '../../markdown/inline.js';
import { contactPointType, usesLoki } from '../common.js';
import { destinations, serviceChanges, versions } from '../setup-deploy.js';
import type { SetupGround } from './ground.js';
import type { SetupView } from './types.js';

export function prerequisitesSection(g: SetupGround): Pick<SetupView, 'prerequisites' | 'serviceChanges' | 'destinations' | 'versions'> {
  const { model, ctx, s, prom, loki, grafanaLink } = g;
  const smtpSettings = grafanaSmtpSettings(model);
  const prerequisites: Piece[] = [
    inline`Grafana running at ${grafanaLink}, with a folder ${ctx.text(s.grafana.folder)} and file provisioning enabled (or an API key allowed to create dashboards, alert rules and contact points).`,
    prom.provision
      ? inline`Prometheus datasource ${ctx.text(prom.name)} (uid ${code(prom.uid)}) pointing at ${code(prom.url)}, provisioned by monspec under its own name (Grafana's provisioner matches datasources by name).`
      : inline`An existing Prometheus datasource with uid ${code(prom.uid)}; monspec references it and does not provision it.`,
    ...(usesLoki(model)
      ? [
          loki.provision
            ? inline`Loki datasource ${ctx.text(loki.name)} (uid ${code(loki.uid)}) pointing at ${code(loki.url)}.`
            : inline`An existing Loki datasource with uid ${code(loki.uid)}; monspec references it and does not provision it.`,
        ]
      : []),
    ...(s.alerting.engine !== 'prometheus'
      ? [
          inline`Before provisioning ${code('grafana/provisioning/alerting/policies.yaml')}: it replaces the organisation's whole notification policy tree, not just this service's routes. Merge its routes into the existing tree instead when Grafana already routes other alerts.`,
        ]
      : []),
    // Grafana sends email only with its own [smtp] settings, which file provisioning cannot set.
    ...(s.alerting.engine !== 'prometheus' && smtpSettings ? [inline`Grafana's ${code('grafana.ini')} has an ${code('[smtp]')} section with ${join(smtpSettings.map(code), ', ')}, so its email contact points can send.`] : []),
    inline`Prometheus scrapes job ${code(s.job)} at ${code(s.metricsPath)} every ${s.scrapeInterval} and keeps ${s.retention} of data.`,
    ...(s.alerting.engine !== 'grafana' ? ['Alertmanager reachable from Prometheus (and from the Loki ruler for log alerts).'] : []),
    ...model.notifications.contactPoints
      .filter((cp) => cp.secretEnv !== undefined || cp.secretFile !== undefined)
      .map((cp) =>
        cp.secretEnv !== undefined
          ? inline`Secret for contact point ${ctx.text(cp.name)} (${contactPointType(cp)}) in the environment variable ${code(cp.secretEnv)} at deploy time.`
          : inline`Secret for contact point ${ctx.text(cp.name)} (${contactPointType(cp)}) in the file ${code(cp.secretFile ?? '')}, mounted for Alertmanager and Grafana.`,
      ),
    ...s.healthEndpoints.map((h) => inline`${code(h.path)} answers on every replica.`),
  ];

  return { prerequisites, serviceChanges: serviceChanges(model, ctx), destinations: destinations(model, g.outputs), versions: versions(model) };
}
