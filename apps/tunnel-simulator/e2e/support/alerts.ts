/**
 * The assertions every scenario of the e2e suite makes, on the stack's HTTP APIs and the loopback
 * receiver: exactly the expected alerts go pending then firing, each reaches the contact points its
 * severity routes to with its runbook link, and everything resolves, in Prometheus and as resolved
 * notifications.
 */
import { expect } from 'vitest';
import { activeAlerts, queryValue, type PromAlert } from './prom-api.js';
import { waitFor } from './processes.js';
import type { Notification } from './receiver.js';
import type { Stack } from './stack.js';

export interface RecordedValue {
  readonly expr: string;
  readonly what: string;
  readonly inScenario: (v: number) => boolean;
  readonly whenHealthy: (v: number) => boolean;
}

/** Alert name → number of alert instances (e.g. one per tier). */
export type AlertCounts = Readonly<Record<string, number>>;

export interface AlertProof {
  readonly alerts: AlertCounts;
  readonly recorded: readonly RecordedValue[];
  /** Puts the stack into the failure. */
  readonly trigger: () => Promise<void>;
  /** Makes it healthy again. */
  readonly recover: () => Promise<void>;
  /** Extra checks while every expected alert fires and has been delivered. */
  readonly whileFiring?: (firing: readonly PromAlert[], since: number) => Promise<void>;
}

/** The contact points Alertmanager routes `severity` to, sorted. */
export function receiversFor(stack: Stack, severity: string): string[] {
  const route = stack.model.notifications.routes.find((r) => r.severity === severity);
  return [...(route?.contactPoints ?? [stack.model.notifications.defaultContactPoint ?? ''])].sort();
}

/** Notifications since index `since` about `name`, with `status`, matching `filter`. */
export function notificationsAbout(stack: Stack, name: string, status: Notification['status'], since: number, filter: (n: Notification) => boolean = () => true): Notification[] {
  return stack.receiver.notifications.slice(since).filter((n) => n.status === status && n.alertnames.includes(name) && filter(n));
}

/**
 * Polls the active alerts until `done` holds, failing at once on an alert outside `allowed`.
 * Returns the alerts at that moment and the states each alert name went through.
 */
export async function awaitAlerts(stack: Stack, what: string, allowed: ReadonlySet<string>, done: (alerts: readonly PromAlert[]) => boolean, timeoutMs = 100_000): Promise<{ alerts: PromAlert[]; seen: Map<string, Set<PromAlert['state']>> }> {
  const seen = new Map<string, Set<PromAlert['state']>>();
  const alerts = await waitFor(what, async () => {
    const active = await activeAlerts(stack.prometheusUrl);
    for (const a of active) {
      const name = a.labels.alertname ?? '';
      expect(allowed.has(name), `unexpected alert ${name} (${a.state}) while waiting for ${what}`).toBe(true);
      seen.set(name, (seen.get(name) ?? new Set()).add(a.state));
    }
    return done(active) ? active : undefined;
  }, timeoutMs);
  return { alerts, seen };
}

export function firingCount(alerts: readonly PromAlert[], name: string, severity?: string): number {
  return alerts.filter((a) => a.labels.alertname === name && a.state === 'firing' && (severity === undefined || a.labels.severity === severity)).length;
}

/** Exactly `expected` go pending, then firing (every instance). */
async function awaitExactlyFiring(stack: Stack, expected: AlertCounts): Promise<PromAlert[]> {
  const names = Object.keys(expected);
  const { alerts, seen } = await awaitAlerts(stack, `${names.join(', ')} firing`, new Set(names), (active) => Object.entries(expected).every(([name, n]) => firingCount(active, name) === n));
  for (const name of names) expect([...(seen.get(name) ?? [])].sort(), `${name} went pending, then firing`).toEqual(['firing', 'pending']);
  return alerts;
}

/** `alert` reaches exactly the contact points its severity routes to, each payload with its runbook link. */
export async function assertRouted(stack: Stack, alert: PromAlert, since: number, filter?: (n: Notification) => boolean): Promise<Notification[]> {
  const name = alert.labels.alertname ?? '';
  const severity = alert.labels.severity ?? '';
  const runbook = alert.annotations.runbook_url ?? '';
  expect(runbook.startsWith(stack.model.service.runbookBaseUrl ?? 'https://'), `${name} has a runbook_url`).toBe(true);
  const receivers = receiversFor(stack, severity);
  const delivered = await waitFor(`${name} (${severity}) delivered to ${receivers.join(', ')}`, async () => {
    const got = notificationsAbout(stack, name, 'firing', since, filter);
    return receivers.every((r) => got.some((n) => n.contactPoint === r)) ? got : undefined;
  }, 30_000);
  expect([...new Set(delivered.map((n) => n.contactPoint))].sort(), `${name} (${severity}) reached exactly its route's receivers`).toEqual(receivers);
  for (const n of delivered) expect(n.text, `${n.kind} payload for ${name} has the runbook link`).toContain(runbook);
  return delivered;
}

export async function awaitNoAlerts(stack: Stack, what: string): Promise<void> {
  await waitFor(`no pending or firing alert ${what}`, async () => ((await activeAlerts(stack.prometheusUrl)).length === 0 ? true : undefined), 60_000);
}

/** `name` resolved notifications reach every one of `contactPoints` after index `since`. */
export async function awaitResolvedTo(stack: Stack, name: string, contactPoints: readonly string[], since: number): Promise<void> {
  await waitFor(`${name} resolved notifications to ${contactPoints.join(', ')}`, async () => {
    const resolved = notificationsAbout(stack, name, 'resolved', since);
    return contactPoints.every((cp) => resolved.some((n) => n.contactPoint === cp)) ? true : undefined;
  }, 30_000);
}

/** Every contact point that got `name` firing since `since` also gets it resolved. */
export async function awaitResolvedNotifications(stack: Stack, name: string, since: number): Promise<void> {
  const firedTo = new Set(notificationsAbout(stack, name, 'firing', since).map((n) => n.contactPoint));
  await awaitResolvedTo(stack, name, [...firedTo], since);
}

async function assertRecorded(stack: Stack, recorded: readonly RecordedValue[]): Promise<void> {
  for (const r of recorded) {
    const v = await queryValue(stack.prometheusUrl, r.expr);
    expect(v !== undefined && r.inScenario(v), `${r.expr}: ${r.what}, got ${v}`).toBe(true);
  }
}

async function awaitRecordedHealthy(stack: Stack, recorded: readonly RecordedValue[]): Promise<void> {
  for (const r of recorded) {
    await waitFor(`${r.expr} back to healthy`, async () => {
      const v = await queryValue(stack.prometheusUrl, r.expr);
      return v !== undefined && r.whenHealthy(v) ? true : undefined;
    }, 30_000);
  }
}

/** The whole proof for one failure: fires exactly its alerts, records, routes, resolves. */
export async function proveAlerts(stack: Stack, proof: AlertProof): Promise<void> {
  const since = stack.receiver.notifications.length;
  await proof.trigger();
  const firing = await awaitExactlyFiring(stack, proof.alerts);
  await assertRecorded(stack, proof.recorded);
  for (const name of Object.keys(proof.alerts)) {
    const alert = firing.find((a) => a.labels.alertname === name);
    if (!alert) throw new Error(`${name} is not among the firing alerts`);
    await assertRouted(stack, alert, since);
  }
  await proof.whileFiring?.(firing, since);
  await proof.recover();
  await awaitNoAlerts(stack, 'after recovering');
  await awaitRecordedHealthy(stack, proof.recorded);
  for (const name of Object.keys(proof.alerts)) await awaitResolvedNotifications(stack, name, since);
}
