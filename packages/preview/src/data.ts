/**
 * What a preview draws: per panel, the series each query returned (from Prometheus or sampled from
 * the spec), or log lines. Plain data, so the renderer stays a pure function of model + data.
 */

/** One series: its labels (Prometheus's `metric`) and its points, [epoch ms, value], in time order. */
export interface Series {
  readonly labels: Readonly<Record<string, string>>;
  readonly points: ReadonlyArray<readonly [number, number]>;
}

/** What one query (target) returned; an instant query has one point per series. */
export interface QueryData {
  readonly refId: string;
  readonly series: readonly Series[];
}

export interface LogLine {
  readonly timeMs: number;
  readonly level: string;
  readonly message: string;
}

export type PanelData =
  | { readonly kind: 'series'; readonly queries: readonly QueryData[] }
  | { readonly kind: 'logs'; readonly lines: readonly LogLine[] }
  /** Not queried (e.g. a Loki panel when only Prometheus is given): drawn with the reason. */
  | { readonly kind: 'unavailable'; readonly reason: string };

export interface DashboardData {
  /** `sample`: derived from the spec, and every image says so. */
  readonly source: 'sample' | 'prometheus';
  readonly fromMs: number;
  readonly toMs: number;
  /** By panel key; a panel missing here is drawn as not queried. */
  readonly panels: Readonly<Record<string, PanelData>>;
}
