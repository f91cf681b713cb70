/**
 * Prometheus and monitoring-mixin conventions in one module (as sloth does): names, defaults and the
 * burn-rate windows as data. Every package reads them from here.
 */
import type { Severity } from './generated/spec-types.js';

/** Labels every scraped series carries from its target. */
export const TARGET_LABELS: readonly string[] = ['job', 'instance'];

/** Series Prometheus synthesises itself, valid in any expression. */
export const BUILTIN_SERIES: readonly string[] = ['ALERTS', 'ALERTS_FOR_STATE'];

/** Recording rules are named level:metric:operations (job:tunnel_requests:rate5m; the level is the labels the output keeps). */
export const RECORDING_RULE_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*:[a-zA-Z0-9_]+:[a-zA-Z0-9_]+$/;

export const SEVERITIES: readonly Severity[] = ['critical', 'warning', 'info'];

/** Name suffixes that are not base units, and what to use instead. */
export const NON_BASE_UNIT_SUFFIXES: ReadonlyArray<{ suffix: string; instead: string }> = [
  { suffix: '_ms', instead: '_seconds' },
  { suffix: '_milliseconds', instead: '_seconds' },
  { suffix: '_microseconds', instead: '_seconds' },
  { suffix: '_minutes', instead: '_seconds' },
  { suffix: '_hours', instead: '_seconds' },
  { suffix: '_kb', instead: '_bytes' },
  { suffix: '_mb', instead: '_bytes' },
  { suffix: '_kilobytes', instead: '_bytes' },
  { suffix: '_megabytes', instead: '_bytes' },
  { suffix: '_percent', instead: '_ratio' },
  { suffix: '_percentage', instead: '_ratio' },
];

/**
 * Conventions the resolver applies that are not a property's default (those are the schema's
 * `default` keywords: SCHEMA_DEFAULTS in generated/defaults.ts).
 */
export const DEFAULTS = {
  panelHeight: 8,
  /** Panel widths by visualization, on Grafana's 24-column grid. */
  panelWidth: { timeseries: 12, gauge: 6, stat: 6, table: 12, piechart: 8, bargauge: 8, logs: 24 } as const,
  /** Used for `$__rate_interval` and friends when an expression is checked outside Grafana. */
  grafanaRateInterval: '5m',
} as const;

/**
 * The Alertmanager field that reads each secret monspec writes from a file, and the release that
 * added it (Alertmanager CHANGELOG: Slack api_url_file and the http_config authorization with
 * credentials_file 0.22.0; PagerDuty routing_key_file and the SMTP password files 0.25.0). Email
 * contact points have no secret of their own: theirs is the relay's password. The setup guide
 * states the minimum version from what a spec uses; the docs-truth test checks every field it
 * names is in the generated config.
 */
export const ALERTMANAGER_SECRET_FILES = {
  slack: { field: 'api_url_file', since: '0.22' },
  pagerduty: { field: 'routing_key_file', since: '0.25' },
  webhook: { field: 'credentials_file', since: '0.22' },
  smtp: { field: 'smtp_auth_password_file', since: '0.25' },
} as const;

/** The setup guide's default file name: `checkout-api` → `CHECKOUT_API_MONITORING_SETUP.md`. */
export function defaultSetupGuide(serviceName: string): string {
  const stem = serviceName.toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  return `${stem || 'SERVICE'}_MONITORING_SETUP.md`;
}

/**
 * The Mimir/Cortex/Loki ruler namespace of a service unless the spec names one: named for monspec,
 * so that `monspec apply --prune` may delete the groups in it that the spec no longer generates.
 */
export function rulerNamespace(serviceName: string): string {
  return `monspec-${serviceName}`;
}

export interface BurnRateWindow {
  readonly severity: Severity;
  readonly longWindow: string;
  readonly shortWindow: string;
  readonly burnRate: number;
  readonly for: string;
}

/**
 * Multi-window multi-burn-rate alerting for a 30-day window (Google SRE workbook, ch. 5): page on
 * 2 % of the budget in 1 h or 5 % in 6 h; ticket on 10 % in 1 d or 10 % in 3 d.
 */
export const DEFAULT_BURN_RATE_WINDOWS: readonly BurnRateWindow[] = [
  { severity: 'critical', longWindow: '1h', shortWindow: '5m', burnRate: 14.4, for: '2m' },
  { severity: 'critical', longWindow: '6h', shortWindow: '30m', burnRate: 6, for: '15m' },
  { severity: 'warning', longWindow: '1d', shortWindow: '2h', burnRate: 3, for: '1h' },
  { severity: 'warning', longWindow: '3d', shortWindow: '6h', burnRate: 1, for: '3h' },
];

/** Recording rule holding an SLO's error ratio over one window: slo:request_success_error:ratio_rate1h. */
export function sloErrorRatioRuleName(slo: string, window: string): string {
  return `slo:${slo.replace(/-/g, '_')}_error:ratio_rate${window}`;
}

/** Histogram series a histogram metric `name` expands to, with the label each adds. */
export function histogramSeries(name: string): Array<{ name: string; extraLabel?: string }> {
  return [{ name: `${name}_bucket`, extraLabel: 'le' }, { name: `${name}_sum` }, { name: `${name}_count` }];
}

export function summarySeries(name: string): Array<{ name: string; extraLabel?: string }> {
  return [{ name, extraLabel: 'quantile' }, { name: `${name}_sum` }, { name: `${name}_count` }];
}

/**
 * Every series a metric of `type` exposes, with the label each adds and whether it has counter
 * semantics (counters, and histogram/summary _bucket, _sum, _count; a summary's bare name is its
 * quantile gauge).
 */
export function metricSeries(name: string, type: 'counter' | 'gauge' | 'histogram' | 'summary'): Array<{ name: string; extraLabel?: string; counter: boolean }> {
  if (type === 'histogram') return histogramSeries(name).map((s) => ({ ...s, counter: true }));
  if (type === 'summary') return summarySeries(name).map((s) => ({ ...s, counter: s.name !== name }));
  return [{ name, counter: type === 'counter' }];
}
