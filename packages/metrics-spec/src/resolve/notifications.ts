/** Notifications: contact points, routes by severity, inhibitions, SMTP. */
import { SCHEMA_DEFAULTS } from '../generated/defaults.js';
import { SEVERITIES } from '../conventions.js';
import type { MonspecDocument } from '../generated/spec-types.js';
import type { ResolvedNotifications } from '../model.js';
import { byName } from './common.js';

export function resolveNotifications(spec: MonspecDocument): ResolvedNotifications {
  const n = spec.notifications ?? {};
  return {
    contactPoints: Object.entries(n.contactPoints ?? {})
      .map(([name, c]) => ({
        name,
        type: c.type,
        description: c.description,
        addresses: c.addresses ?? [],
        channel: c.channel,
        url: c.url,
        secretEnv: c.secret?.env,
        secretFile: c.secret?.file,
      }))
      .sort(byName),
    defaultContactPoint: n.defaultContactPoint,
    groupBy: n.groupBy ?? SCHEMA_DEFAULTS.notifications.groupBy,
    routes: SEVERITIES.flatMap((severity) => {
      const r = n.routes?.[severity];
      return r ? [{ severity, contactPoints: r.contactPoints, groupWait: r.groupWait, groupInterval: r.groupInterval, repeatInterval: r.repeatInterval }] : [];
    }),
    inhibitions: (n.inhibitions ?? []).map((i) => ({ source: i.source, target: i.target, equal: i.equal, sourceAlerts: i.sourceAlerts ?? [], targetAlerts: i.targetAlerts ?? [] })),
    smtp: n.smtp
      ? { smarthost: n.smtp.smarthost, from: n.smtp.from, username: n.smtp.username, passwordEnv: n.smtp.password?.env, requireTls: n.smtp.requireTls ?? SCHEMA_DEFAULTS.notifications.smtp.requireTls }
      : undefined,
  };
}
