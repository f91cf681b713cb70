/**
 * The SLO page, and inhibition on one alert name: half the requests fail, so the request-success
 * SLO pages (critical, 14.4× burn). The page pends 3s, the ticket (warning, 3×) 15s, so the ticket
 * reaches Alertmanager while the page fires and the generated inhibit rule (critical mutes warning of
 * the same service) keeps it from being delivered. Easing to a 10 % spike resolves the page while the
 * ticket still burns: only then is the ticket delivered, to the warning receivers.
 */
import { expect } from 'vitest';
import { assertRouted, awaitAlerts, awaitNoAlerts, awaitResolvedNotifications, awaitResolvedTo, firingCount, notificationsAbout, receiversFor } from '../support/alerts.js';
import { awaitActiveInAlertmanager, awaitInhibited, expectNoDelivery, inhibitRuleFor, quietWindowMs } from '../support/inhibition.js';
import type { PromAlert } from '../support/prom-api.js';
import type { Stack } from '../support/stack.js';

const BURN = 'RequestSuccessBudgetBurn';
const ERRORS = 'HighErrorRate';

function find(alerts: readonly PromAlert[], name: string, severity?: string): PromAlert {
  const alert = alerts.find((a) => a.labels.alertname === name && a.state === 'firing' && (severity === undefined || a.labels.severity === severity));
  if (!alert) throw new Error(`${name}${severity ? ` (${severity})` : ''} is not firing`);
  return alert;
}

export async function proveErrorStorm(stack: Stack, setScenario: (name: string) => Promise<void>): Promise<void> {
  const allowed = new Set([BURN, ERRORS]);
  const since = stack.receiver.notifications.length;
  await setScenario('error-storm');

  // 1. The page fires and reaches the critical receivers (only they: the ticket is not delivered).
  const first = await awaitAlerts(stack, `${BURN} (critical) firing`, allowed, (a) => firingCount(a, BURN, 'critical') === 1);
  const page = find(first.alerts, BURN, 'critical');
  await assertRouted(stack, page, since);
  const afterPage = stack.receiver.notifications.length;

  // 2. The ticket fires in Prometheus too; Alertmanager holds it suppressed, inhibited by the page,
  //    under an inhibit rule of its loaded (generated) configuration, and delivers nothing more.
  const both = await awaitAlerts(stack, `${BURN} (warning) and ${ERRORS} firing beside the page`, allowed, (a) => firingCount(a, BURN, 'warning') === 1 && firingCount(a, ERRORS) === 1 && firingCount(a, BURN, 'critical') === 1);
  for (const name of allowed) expect([...(both.seen.get(name) ?? [])].sort(), `${name} went pending, then firing`).toContain('firing');
  const ticket = find(both.alerts, BURN, 'warning');
  expect(await inhibitRuleFor(stack, page.labels, ticket.labels), 'an inhibit rule of the running Alertmanager lets the page mute the ticket').toBeDefined();
  const isPage = (l: Readonly<Record<string, string>>) => l.alertname === BURN && l.severity === 'critical';
  const isWarning = (l: Readonly<Record<string, string>>) => (l.alertname === BURN || l.alertname === ERRORS) && l.severity === 'warning';
  await awaitInhibited(stack, `${BURN} (warning) and ${ERRORS}`, isPage, isWarning, 2);
  await expectNoDelivery(stack, `${BURN} (warning)`, (n) => n.status === 'firing' && n.alertnames.includes(BURN), afterPage, quietWindowMs(stack, 'warning'));
  const beforeEasing = notificationsAbout(stack, BURN, 'firing', since).map((n) => n.contactPoint);
  expect(beforeEasing.sort(), `while the page fired, ${BURN} reached only the page's receivers, once each`).toEqual(receiversFor(stack, 'critical'));

  // 3. The storm eases to a 10 % spike: the page resolves, the ticket still burns and is delivered now.
  const eased = stack.receiver.notifications.length;
  await setScenario('error-spike');
  const left = await awaitAlerts(stack, `${BURN} (critical) resolved, the ticket still firing`, allowed, (a) => a.every((x) => !isPage(x.labels)) && firingCount(a, BURN, 'warning') === 1);
  await awaitResolvedTo(stack, BURN, receiversFor(stack, 'critical'), eased);
  await awaitActiveInAlertmanager(stack, `${BURN} (warning)`, (l) => l.alertname === BURN && l.severity === 'warning');
  await assertRouted(stack, find(left.alerts, BURN, 'warning'), eased);
  const ticketDelivered = stack.receiver.notifications.length;

  // 4. Healthy: everything resolves; every receiver that got a firing notification gets it resolved.
  await setScenario('healthy');
  await awaitNoAlerts(stack, 'after the storm');
  await awaitResolvedNotifications(stack, ERRORS, since);
  await awaitResolvedTo(stack, BURN, receiversFor(stack, 'warning'), ticketDelivered);
}
