/**
 * Grafana's global macros and dashboard variables, expanded as Grafana expands them before a query
 * reaches its data source. One implementation, pure, shared by the lint (which macros a data source
 * kind knows), the e2e suite (running every panel against a real Prometheus) and a later preview.
 *
 * Sources, per macro:
 * - Global variables (`$__interval`, `$__interval_ms`, `$__range`, `$__range_s`, `$__range_ms`,
 *   `$__from`, `$__to`): https://grafana.com/docs/grafana/latest/dashboards/variables/add-template-variables/#global-variables
 * - `$__rate_interval` (Prometheus only) = max(`$__interval` + scrape interval, 4 × scrape interval),
 *   the scrape interval being the data source's "Scrape interval" (`jsonData.timeInterval`):
 *   https://grafana.com/docs/grafana/latest/datasources/prometheus/template-variables/#use-__rate_interval
 * - Loki's macros: `$__interval`, `$__interval_ms`, `$__range`, `$__range_s`, `$__range_ms` and
 *   `$__auto` (the step for a range query, the whole range for an instant query); Loki has no
 *   `$__rate_interval`, which reaches Loki unexpanded and fails to parse:
 *   https://grafana.com/docs/grafana/latest/datasources/loki/template-variables/
 * - `$__interval` itself: the range divided by the panel's max data points, rounded to a "nice"
 *   interval (Grafana's `rangeutil.roundInterval`), and never below the data source's min interval
 *   (the scrape interval for Prometheus): https://grafana.com/docs/grafana/latest/panels-visualizations/query-transform-data/#query-options
 */
import type { DatasourceKind } from '@monspec/metrics-spec';

/** The global macros each data source kind expands; any other `$__name` reaches the data source as written. */
export const SUPPORTED_MACROS: Readonly<Record<DatasourceKind, readonly string[]>> = {
  prometheus: ['__interval', '__interval_ms', '__range', '__range_s', '__range_ms', '__rate_interval', '__rate_interval_ms', '__from', '__to'],
  loki: ['__interval', '__interval_ms', '__range', '__range_s', '__range_ms', '__auto', '__from', '__to'],
};

/** What Grafana knows when it interpolates one query. */
export interface MacroContext {
  /** The dashboard's time range, epoch milliseconds. */
  readonly fromMs: number;
  readonly toMs: number;
  /** `$__interval` in ms (see `grafanaInterval`). */
  readonly intervalMs: number;
  /** The data source's scrape interval (`jsonData.timeInterval`) in ms. */
  readonly scrapeIntervalMs: number;
  /** Instant query (Loki's `$__auto` is then the range). */
  readonly instant: boolean;
  /** Dashboard variables by name, already at the value Grafana would interpolate. */
  readonly variables?: Readonly<Record<string, string>>;
}

/** `$name`, `${name}`, `${name:format}`, `[[name]]`: Grafana's variable syntaxes. */
const VARIABLE = /\$\{(\w+)(?::[^}]*)?\}|\$(\w+)|\[\[(\w+)(?::[^\]]*)?\]\]/g;

/** The names of the global macros (`__…`) an expression uses, sorted. */
export function macrosUsed(expr: string): string[] {
  const out = new Set<string>();
  for (const m of expr.matchAll(VARIABLE)) {
    const name = m[1] ?? m[2] ?? m[3] ?? '';
    if (name.startsWith('__')) out.add(name);
  }
  return [...out].sort();
}

/** Macros an expression uses that `kind` does not expand. */
export function unsupportedMacros(expr: string, kind: DatasourceKind): string[] {
  return macrosUsed(expr).filter((m) => !SUPPORTED_MACROS[kind].includes(m));
}

/**
 * Grafana's `rangeutil.roundInterval`: the raw interval (range / max data points) rounded to the
 * interval a person would pick, as a table of [below this many ms, use this many ms].
 */
const ROUNDING: ReadonlyArray<readonly [number, number]> = [
  [15, 10], [35, 20], [75, 50], [150, 100], [350, 200], [750, 500], [1500, 1000], [3500, 2000],
  [7500, 5000], [12500, 10000], [17500, 15000], [25000, 20000], [45000, 30000], [90000, 60000],
  [210000, 120000], [450000, 300000], [1050000, 600000], [2100000, 1200000], [5400000, 3600000],
  [9000000, 7200000], [16200000, 10800000], [32400000, 21600000], [86400000, 43200000],
  [604800000, 86400000], [1814400000, 604800000], [3628800000, 2592000000],
];

export function roundInterval(ms: number): number {
  for (const [below, use] of ROUNDING) if (ms < below) return use;
  return 31536000000;
}

/** `$__interval` in ms: range / max data points, rounded, at least the min interval. */
export function grafanaInterval(rangeMs: number, maxDataPoints: number, minIntervalMs: number): number {
  return Math.max(minIntervalMs, roundInterval(rangeMs / Math.max(1, maxDataPoints)));
}

/** `$__rate_interval` in ms (Prometheus data source docs). */
export function rateIntervalMs(intervalMs: number, scrapeIntervalMs: number): number {
  return Math.max(intervalMs + scrapeIntervalMs, 4 * scrapeIntervalMs);
}

/** A duration in ms as a Prometheus/LogQL duration: `21s`, `1500ms` (Grafana prints whole seconds as `Ns`). */
function formatMacroDuration(ms: number): string {
  const whole = Math.round(ms);
  return whole % 1000 === 0 ? `${whole / 1000}s` : `${whole}ms`;
}

/** The value of each global macro a data source kind knows, for one query. */
export function macroValues(kind: DatasourceKind, ctx: MacroContext): Record<string, string> {
  const rangeMs = ctx.toMs - ctx.fromMs;
  const rangeS = Math.round(rangeMs / 1000);
  const rate = rateIntervalMs(ctx.intervalMs, ctx.scrapeIntervalMs);
  const all: Record<string, string> = {
    __interval: formatMacroDuration(ctx.intervalMs),
    __interval_ms: String(Math.round(ctx.intervalMs)),
    // Grafana sends the range in whole seconds (`${rangeS}s`).
    __range: `${rangeS}s`,
    __range_s: String(rangeS),
    __range_ms: String(Math.round(rangeMs)),
    __rate_interval: formatMacroDuration(rate),
    __rate_interval_ms: String(Math.round(rate)),
    __auto: ctx.instant ? `${rangeS}s` : formatMacroDuration(ctx.intervalMs),
    __from: String(Math.round(ctx.fromMs)),
    __to: String(Math.round(ctx.toMs)),
  };
  return Object.fromEntries(SUPPORTED_MACROS[kind].map((name) => [name, all[name] ?? '']));
}

/**
 * The expression as the data source receives it: the macros `kind` knows and the given dashboard
 * variables replaced; anything else (an unsupported macro, an unknown variable) left as written,
 * as Grafana leaves it.
 */
export function expandMacros(expr: string, kind: DatasourceKind, ctx: MacroContext): string {
  const values = { ...macroValues(kind, ctx), ...ctx.variables };
  return expr.replace(VARIABLE, (whole, a: string | undefined, b: string | undefined, c: string | undefined) => values[a ?? b ?? c ?? ''] ?? whole);
}

/** What "All" and a variable's default stand for, read from dashboard JSON's `templating.list`. */
export function defaultVariableValues(dashboard: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  const list = (dashboard as { templating?: { list?: unknown[] } } | null)?.templating?.list ?? [];
  for (const raw of list) {
    const v = raw as { name?: unknown; type?: unknown; allValue?: unknown; current?: { value?: unknown }; options?: Array<{ value?: unknown }> };
    if (typeof v.name !== 'string' || v.type === 'datasource') continue;
    const current = Array.isArray(v.current?.value) ? v.current.value : [v.current?.value];
    if (current.includes('$__all')) {
      // With no custom all value Grafana joins every option as a regex alternation.
      const options = (v.options ?? []).map((o) => o.value).filter((x): x is string => typeof x === 'string' && x !== '$__all');
      out[v.name] = typeof v.allValue === 'string' && v.allValue !== '' ? v.allValue : `(${options.join('|')})`;
    } else if (typeof current[0] === 'string') {
      out[v.name] = current.length > 1 ? `(${current.join('|')})` : current[0];
    }
  }
  return out;
}
