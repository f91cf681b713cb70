/** The guide's notification routing: routes, contact points, the default route, grouping and inhibitions. */
import { type Fragment, inline, join } from '../../markdown/fragment.js';
import { cell, code } from '../../markdown/inline.js';
import { contactPointLabel, contactPointType, inhibitionSource, routeFor } from '../common.js';
import type { SetupGround } from './ground.js';
import type { SetupView, RouteRow, ContactPointRow } from './types.js';

export function notificationsSection(g: SetupGround): Pick<SetupView, 'routes' | 'contactPoints' | 'routingNotes'> {
  const { model, ctx } = g;
  const routes: RouteRow[] = model.notifications.routes.map((r) => ({
    severity: r.severity,
    contactPoints: cell(routeFor(model, r.severity, ctx)),
    groupWait: r.groupWait ?? '—',
    groupInterval: r.groupInterval ?? '—',
    repeatInterval: r.repeatInterval ?? '—',
  }));

  const contactPoints: ContactPointRow[] = model.notifications.contactPoints.map((cp) => ({
    name: code(cp.name),
    type: contactPointType(cp),
    target: cell(join([...cp.addresses.map((a) => ctx.email(a)), ...(cp.channel ? [ctx.text(cp.channel)] : []), ...(cp.url ? [code(cp.url)] : [])], ', ')),
    secret: cp.secretEnv ? code(cp.secretEnv) : cp.secretFile ? code(cp.secretFile) : '—',
    description: cell(ctx.proseInline(cp.description)),
  }));

  const defaultName = model.notifications.defaultContactPoint;
  const defaultCp = model.notifications.contactPoints.find((c) => c.name === defaultName);
  const routingNotes: Fragment[] = [
    ...(defaultName ? [inline`Alerts that match no severity route go to ${defaultCp ? contactPointLabel(defaultCp, ctx) : ctx.text(defaultName)}.`] : []),
    ...(model.notifications.groupBy.length ? [inline`Notifications are grouped by ${join(model.notifications.groupBy.map(code), ', ')}.`] : []),
    ...model.notifications.inhibitions.map(
      (i) =>
        inline`While ${inhibitionSource(i, ctx)} fires, ${i.targetAlerts.length ? join(i.targetAlerts.map((a) => ctx.text(a)), ' and ') : inline`${code(i.target)} alerts`} with the same ${i.equal.length ? join(i.equal.map(code), ', ') : 'labels'} ${i.targetAlerts.length === 1 ? 'is' : 'are'} held back.`,
    ),
  ];

  return { routes, contactPoints, routingNotes };
}
