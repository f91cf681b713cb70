/**
 * Facts shared by every document's view model: bands in words, routes, alert conditions. Which
 * metrics a query reads is metrics-spec's `metricsRead`. Everything here formats; nothing here renders.
 */
import {
  formatValue,
  humanDuration,
  promNumber,
  type ResolvedAlert,
  type ResolvedContactPoint,
  type ResolvedModel,
  type ResolvedThreshold,
  type Severity,
  type ResolvedInhibition,
} from '@monspec/metrics-spec';
import { Fragment, inline, join } from '../markdown/fragment.js';
import { code } from '../markdown/inline.js';
import type { Prose } from '../markdown/prose.js';

export interface BandView {
  readonly ok: Fragment | undefined;
  readonly warning: Fragment | undefined;
  readonly critical: Fragment | undefined;
}

/**
 * A threshold's bands as value ranges with their words, the way Grafana colours them: a value at a
 * level's boundary is in that level (`>= warning` is warning when higher is worse).
 */
export function bands(t: ResolvedThreshold, ctx: Prose): BandView {
  const f = (n: number) => formatValue(n, t.unit);
  const { warning: w, critical: c, states } = t;
  const words = (range: string | undefined, word: string) => (range === undefined ? undefined : inline`${range} (${ctx.text(word)})`);
  if (t.direction === 'higher_is_worse') {
    const okBelow = w ?? c;
    return {
      ok: words(okBelow === undefined ? undefined : `< ${f(okBelow)}`, states.ok),
      warning: words(w === undefined ? undefined : c === undefined ? `≥ ${f(w)}` : `${f(w)} – ${f(c)}`, states.warning),
      critical: words(c === undefined ? undefined : `≥ ${f(c)}`, states.critical),
    };
  }
  const okAbove = w ?? c;
  return {
    ok: words(okAbove === undefined ? undefined : `≥ ${f(okAbove)}`, states.ok),
    warning: words(w === undefined ? undefined : c === undefined ? `< ${f(w)}` : `${f(c)} – ${f(w)}`, states.warning),
    critical: words(c === undefined ? undefined : `< ${f(c)}`, states.critical),
  };
}

/** One line for a threshold: `< 500 (ok); 500 – 1000 (warning); ≥ 1000 (critical)`. */
export function bandsInline(t: ResolvedThreshold, ctx: Prose): Fragment {
  const b = bands(t, ctx);
  return join([b.ok, b.warning, b.critical].filter((f) => f !== undefined), '; ');
}

const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { critical: 0, warning: 1, info: 2 };

export function bySeverityThenName(a: ResolvedAlert, b: ResolvedAlert): number {
  return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || compare(a.name, b.name);
}

/** Code-point order: the same everywhere (no locale). */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const TYPE_NAMES: Readonly<Record<ResolvedContactPoint['type'], string>> = { email: 'email', slack: 'Slack', pagerduty: 'PagerDuty', webhook: 'webhook' };

export function contactPointLabel(cp: ResolvedContactPoint, ctx: Prose): Fragment {
  const target = cp.type === 'email' && cp.addresses.length > 0 ? join(cp.addresses.map((a) => ctx.email(a)), ', ') : cp.type === 'slack' && cp.channel ? ctx.text(cp.channel) : undefined;
  return target ? inline`${ctx.text(cp.name)} (${TYPE_NAMES[cp.type]} ${target})` : inline`${ctx.text(cp.name)} (${TYPE_NAMES[cp.type]})`;
}

export function contactPointType(cp: ResolvedContactPoint): string {
  return TYPE_NAMES[cp.type];
}

/** The contact points an alert of `severity` reaches: its route, else the default contact point. */
export function routeFor(model: ResolvedModel, severity: Severity, ctx: Prose): Fragment {
  const route = model.notifications.routes.find((r) => r.severity === severity);
  const names = route ? route.contactPoints : model.notifications.defaultContactPoint ? [model.notifications.defaultContactPoint] : [];
  if (names.length === 0) return inline`—`;
  return join(
    names.map((name) => {
      const cp = model.notifications.contactPoints.find((c) => c.name === name);
      return cp ? contactPointLabel(cp, ctx) : ctx.text(name);
    }),
    ', ',
  );
}

/** The rule's expression on one line, as a code span. */
export function conditionCode(alert: ResolvedAlert): Fragment {
  return code(alert.query.replace(/\s*\n\s*/g, ' '));
}

/** The threshold an alert compares against, in its unit, or its burn-rate windows. */
export function thresholdText(alert: ResolvedAlert, model: ResolvedModel): Fragment {
  if (alert.condition) {
    const t = alert.condition.threshold;
    return t ? inline`${alert.condition.op} ${t.display} (${code(`${t.name}.${t.level}`)})` : inline`${alert.condition.op} ${promNumber(alert.condition.value)}`;
  }
  if (alert.slo) {
    const slo = model.slos.find((s) => s.name === alert.slo?.name);
    const budget = slo ? ` of the ${formatValue(slo.errorBudget, 'ratio')} error budget` : '';
    return inline`${alert.slo.windows.map((w) => `${promNumber(w.burnRate)}× over ${w.longWindow} and ${w.shortWindow}`).join(' or ')}${budget}`;
  }
  return inline`the expression itself`;
}

export function durationText(alert: ResolvedAlert): string {
  return alert.forSeconds === 0 ? 'immediately' : `${alert.for} (${humanDuration(alert.for)})`;
}

/** A metric group's title: `circuit_breaker` → `Circuit breaker`. */
export function groupTitle(group: string): string {
  const words = group.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Whether anything of the service reads Loki: log sources, log alerts or a Loki panel. */
export function usesLoki(model: ResolvedModel): boolean {
  return (
    model.logs.sources.length > 0 ||
    model.alerts.some((a) => a.datasource === 'loki') ||
    model.dashboards.some((d) => d.panels.some((p) => p.queries.some((q) => q.datasource === 'loki')))
  );
}

/** The source side of an inhibition: its alerts by name when it is limited to some, else its severity. */
export function inhibitionSource(i: ResolvedInhibition, ctx: Prose): Fragment {
  return i.sourceAlerts.length > 0 ? inline`${join(i.sourceAlerts.map((a) => ctx.text(a)), ' or ')} (${i.source})` : inline`a ${code(i.source)} alert`;
}

/** Whether an inhibition can hold back `alertName` at `severity`. */
export function inhibits(i: ResolvedInhibition, alertName: string, severity: Severity): boolean {
  return i.target === severity && (i.targetAlerts.length === 0 || i.targetAlerts.includes(alertName));
}
