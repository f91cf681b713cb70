/**
 * Inhibition, as the running Alertmanager does it: the inhibit rule in its loaded configuration (the
 * generated alertmanager.yml, read back from /api/v2/status), the alerts it holds as suppressed with
 * the fingerprint of the alert that inhibits them, and the absence of their notifications.
 */
import { parseDuration } from '@monspec/metrics-spec';
import { parse } from 'yaml';
import { expect } from 'vitest';
import { alertmanagerAlerts, alertmanagerConfig, type AmAlert } from './prom-api.js';
import { waitFor } from './processes.js';
import type { Notification } from './receiver.js';
import type { Stack } from './stack.js';

type Labels = Readonly<Record<string, string>>;

export interface InhibitRule {
  readonly source_matchers?: readonly string[];
  readonly target_matchers?: readonly string[];
  readonly equal?: readonly string[];
}

/** Alertmanager's matcher syntax as the generator writes it: name, operator, optionally quoted value. */
function matches(matcher: string, labels: Labels): boolean {
  const m = /^\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)\s*"?(.*?)"?\s*$/.exec(matcher);
  if (!m) throw new Error(`Unexpected matcher ${matcher}`);
  const [, name = '', op, value = ''] = m;
  const actual = labels[name] ?? '';
  if (op === '=') return actual === value;
  if (op === '!=') return actual !== value;
  const re = new RegExp(`^(?:${value})$`);
  return op === '=~' ? re.test(actual) : !re.test(actual);
}

/** The rule of the running configuration under which `source` mutes `target`, if any. */
export async function inhibitRuleFor(stack: Stack, source: Labels, target: Labels): Promise<InhibitRule | undefined> {
  const config = parse(await alertmanagerConfig(stack.alertmanagerUrl)) as { inhibit_rules?: InhibitRule[] };
  return (config.inhibit_rules ?? []).find(
    (r) =>
      (r.source_matchers ?? []).every((m) => matches(m, source)) &&
      (r.target_matchers ?? []).every((m) => matches(m, target)) &&
      (r.equal ?? []).every((l) => (source[l] ?? '') === (target[l] ?? '')),
  );
}

/**
 * Waits until Alertmanager holds `count` alerts matching `target`, each suppressed and inhibited by
 * (among others) the one alert matching `source`.
 */
export async function awaitInhibited(stack: Stack, what: string, source: (l: Labels) => boolean, target: (l: Labels) => boolean, count: number): Promise<AmAlert[]> {
  return waitFor(`${what} suppressed in Alertmanager`, async () => {
    const alerts = await alertmanagerAlerts(stack.alertmanagerUrl);
    const sources = alerts.filter((a) => source(a.labels));
    const targets = alerts.filter((a) => target(a.labels));
    const [src] = sources;
    if (sources.length !== 1 || !src || targets.length !== count) return undefined;
    return targets.every((a) => a.status.state === 'suppressed' && a.status.inhibitedBy.includes(src.fingerprint)) ? targets : undefined;
  }, 30_000);
}

export async function awaitActiveInAlertmanager(stack: Stack, what: string, target: (l: Labels) => boolean): Promise<void> {
  await waitFor(`${what} active (not suppressed) in Alertmanager`, async () => {
    const alerts = (await alertmanagerAlerts(stack.alertmanagerUrl)).filter((a) => target(a.labels));
    return alerts.length > 0 && alerts.every((a) => a.status.state === 'active' && a.status.inhibitedBy.length === 0) ? true : undefined;
  }, 30_000);
}

/**
 * How long to watch for a notification that must not come: the route's group wait plus two group
 * intervals, time for Alertmanager to have flushed the group twice had the alert not been muted.
 */
export function quietWindowMs(stack: Stack, severity: string): number {
  const route = stack.model.notifications.routes.find((r) => r.severity === severity);
  const seconds = parseDuration(route?.groupWait ?? '30s') + 2 * parseDuration(route?.groupInterval ?? '5m');
  return seconds * 1000;
}

/** Watches the receiver for `windowMs`: no notification matching `filter` may arrive after index `since`. */
export async function expectNoDelivery(stack: Stack, what: string, filter: (n: Notification) => boolean, since: number, windowMs: number): Promise<void> {
  const deadline = Date.now() + windowMs;
  for (;;) {
    const got = stack.receiver.notifications.slice(since).filter(filter);
    expect(got.map((n) => `${n.status} ${n.alertnames.join(',')} to ${n.contactPoint}`), `${what} delivered although inhibited`).toEqual([]);
    if (Date.now() > deadline) return;
    await new Promise((r) => setTimeout(r, 250));
  }
}
