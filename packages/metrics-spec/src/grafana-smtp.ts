/**
 * What Grafana's `grafana.ini` `[smtp]` section must hold for the spec's email contact points
 * (https://grafana.com/docs/grafana/latest/setup-grafana/configure-grafana/#smtp): file provisioning
 * cannot set it, so the contact-points file and the setup guide both state it, from here.
 */
import type { ResolvedModel } from './model.js';

/** `key = value` lines of the `[smtp]` section, or undefined when no email contact point needs it. */
export function grafanaSmtpSettings(model: ResolvedModel): readonly string[] | undefined {
  const smtp = model.notifications.smtp;
  if (!smtp || !model.notifications.contactPoints.some((c) => c.type === 'email')) return undefined;
  return [
    'enabled = true',
    `host = ${smtp.smarthost}`,
    ...(smtp.username ? [`user = ${smtp.username}`] : []),
    ...(smtp.passwordEnv ? [`password = $__env{${smtp.passwordEnv}}`] : []),
    `from_address = ${smtp.from}`,
    `startTLS_policy = ${smtp.requireTls ? 'MandatoryStartTLS' : 'OpportunisticStartTLS'}`,
  ];
}
