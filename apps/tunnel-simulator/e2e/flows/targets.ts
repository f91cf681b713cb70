/**
 * Scrape-target failures, made the way they happen: a replica's process stops (by PID), every
 * replica stops, or service discovery loses the job's targets. The three alerts have different
 * expressions: `up == 0` per instance (TargetDown, warning), `max(up) == 0` (AllTargetsDown,
 * critical) and `absent(up)` (MetricsAbsent, critical: no target at all, so no `up` series).
 * With every replica down, the spec's own inhibition example plays out: AllTargetsDown (pending 3s
 * here) is already in Alertmanager when the per-instance TargetDown alerts (9s) fire, so those are
 * suppressed and not delivered; once one replica is back, the critical resolves and the other
 * replica's TargetDown is delivered.
 */
import { expect } from 'vitest';
import { assertRouted, awaitAlerts, awaitNoAlerts, awaitResolvedNotifications, firingCount, notificationsAbout, proveAlerts } from '../support/alerts.js';
import { awaitInhibited, expectNoDelivery, inhibitRuleFor, quietWindowMs } from '../support/inhibition.js';
import { waitFor } from '../support/processes.js';
import { queryValue, type PromAlert } from '../support/prom-api.js';
import type { Stack } from '../support/stack.js';

const DOWN = 'StreamingProxyTargetDown';
const ALL_DOWN = 'StreamingProxyAllTargetsDown';
const ABSENT = 'StreamingProxyMetricsAbsent';

function upCount(stack: Stack): string {
  return `count(up{job="${stack.model.service.job}"} == 1) or vector(0)`;
}

async function awaitUp(stack: Stack, n: number): Promise<void> {
  await waitFor(`${n} streaming-proxy target(s) up`, async () => ((await queryValue(stack.prometheusUrl, upCount(stack))) === n ? true : undefined), 30_000);
}

function firing(alerts: readonly PromAlert[], name: string, instance?: string): PromAlert {
  const alert = alerts.find((a) => a.labels.alertname === name && a.state === 'firing' && (instance === undefined || a.labels.instance === instance));
  if (!alert) throw new Error(`${name} ${instance ?? ''} is not firing`);
  return alert;
}

/** Both simulators running and scraped (the second joins service discovery if it has not yet). */
async function twoReplicas(stack: Stack): Promise<void> {
  const { primary, secondary } = stack.simulators;
  if (!secondary.running) await secondary.start();
  stack.setScrapeTargets([primary, secondary]);
  await awaitUp(stack, 2);
}

/** A second replica joins; stopping it fires TargetDown for that instance only. */
export async function proveTargetDown(stack: Stack): Promise<void> {
  const { secondary } = stack.simulators;
  await twoReplicas(stack);
  await proveAlerts(stack, {
    alerts: { [DOWN]: 1 },
    recorded: [{ expr: upCount(stack), what: 'one of two targets up', inScenario: (v) => v === 1, whenHealthy: (v) => v === 2 }],
    trigger: async () => void (await secondary.stop()),
    recover: () => secondary.start(),
    whileFiring: async (alerts, since) => {
      expect(firing(alerts, DOWN).labels.instance, 'TargetDown names the stopped replica').toBe(secondary.target);
      for (const n of notificationsAbout(stack, DOWN, 'firing', since)) expect(n.text, `${n.kind} payload names the stopped replica`).toContain(secondary.target);
    },
  });
}

/** Both replicas stop: AllTargetsDown pages and inhibits TargetDown until one replica is back. */
export async function proveAllTargetsDown(stack: Stack): Promise<void> {
  const { primary, secondary } = stack.simulators;
  const allowed = new Set([DOWN, ALL_DOWN]);
  await twoReplicas(stack);
  const since = stack.receiver.notifications.length;
  await Promise.all([primary.stop(), secondary.stop()]);

  const first = await awaitAlerts(stack, `${ALL_DOWN} firing`, allowed, (a) => firingCount(a, ALL_DOWN) === 1);
  const critical = firing(first.alerts, ALL_DOWN);
  await assertRouted(stack, critical, since);

  const later = await awaitAlerts(stack, `${DOWN} firing for both replicas`, allowed, (a) => firingCount(a, DOWN) === 2 && firingCount(a, ALL_DOWN) === 1);
  expect([...(later.seen.get(DOWN) ?? [])].sort(), `${DOWN} went pending, then firing`).toEqual(['firing', 'pending']);
  const warning = firing(later.alerts, DOWN);
  expect(await inhibitRuleFor(stack, critical.labels, warning.labels), 'an inhibit rule of the running Alertmanager lets AllTargetsDown mute TargetDown').toBeDefined();
  await awaitInhibited(stack, `${DOWN} of both replicas`, (l) => l.alertname === ALL_DOWN, (l) => l.alertname === DOWN, 2);
  await expectNoDelivery(stack, DOWN, (n) => n.alertnames.includes(DOWN), since, quietWindowMs(stack, 'warning'));

  // One replica is back: the critical resolves, the other replica's TargetDown is delivered now.
  const back = stack.receiver.notifications.length;
  await primary.start();
  const left = await awaitAlerts(stack, `only ${DOWN} of ${secondary.target} firing`, allowed, (a) => a.length === 1 && firingCount(a, DOWN) === 1);
  await awaitResolvedNotifications(stack, ALL_DOWN, since);
  const stillDown = firing(left.alerts, DOWN, secondary.target);
  await assertRouted(stack, stillDown, back, (n) => n.text.includes(secondary.target));

  // The other replica is back: everything resolves. Then it leaves service discovery for good.
  await secondary.start();
  await awaitNoAlerts(stack, 'with both replicas back');
  await awaitResolvedNotifications(stack, DOWN, back);
  stack.setScrapeTargets([primary]);
  await awaitUp(stack, 1);
  await waitFor('the second replica dropped from the targets', async () => ((await queryValue(stack.prometheusUrl, `count(up{job="${stack.model.service.job}"})`)) === 1 ? true : undefined), 30_000);
  await secondary.stop();
}

/** Service discovery loses every target: no `up` series at all, MetricsAbsent fires. */
export async function proveMetricsAbsent(stack: Stack): Promise<void> {
  await proveAlerts(stack, {
    alerts: { [ABSENT]: 1 },
    recorded: [{ expr: `count(up{job="${stack.model.service.job}"}) or vector(0)`, what: 'no streaming-proxy target', inScenario: (v) => v === 0, whenHealthy: (v) => v === 1 }],
    trigger: async () => stack.setScrapeTargets([]),
    recover: async () => stack.setScrapeTargets([stack.simulators.primary]),
  });
}
