/** A Grafana Explore URL (`/explore?panes={...}`) read back into its panes, for the link rules. */
import type { DatasourceKind } from '@monspec/metrics-spec';

export interface ExplorePane {
  readonly datasource: string | undefined;
  readonly range: { readonly from: string | undefined; readonly to: string | undefined } | undefined;
  readonly queries: ReadonlyArray<{ readonly expr: string; readonly kind: DatasourceKind; readonly uid: string | undefined }>;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** The panes of an Explore URL; none when the URL is not one or its panes do not parse. */
export function explorePanes(url: string): ExplorePane[] {
  const q = url.indexOf('?');
  if (!/\/explore\?/.test(url) || q < 0) return [];
  const panes = new URLSearchParams(url.slice(q + 1)).get('panes');
  if (panes === null) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(panes);
  } catch {
    return [];
  }
  if (parsed === null || typeof parsed !== 'object') return [];
  return Object.values(parsed as Record<string, unknown>).map((raw) => {
    const pane = (raw ?? {}) as { datasource?: unknown; range?: { from?: unknown; to?: unknown }; queries?: unknown };
    const queries = Array.isArray(pane.queries) ? (pane.queries as Array<{ expr?: unknown; datasource?: { type?: unknown; uid?: unknown } }>) : [];
    return {
      datasource: str(pane.datasource),
      range: pane.range ? { from: str(pane.range.from), to: str(pane.range.to) } : undefined,
      queries: queries
        .filter((x) => typeof x.expr === 'string')
        .map((x) => ({ expr: x.expr as string, kind: x.datasource?.type === 'loki' ? ('loki' as const) : ('prometheus' as const), uid: str(x.datasource?.uid) })),
    };
  });
}
