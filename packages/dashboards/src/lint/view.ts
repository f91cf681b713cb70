/**
 * A typed reading of dashboard JSON for the lint. The lint checks what was generated (or any
 * dashboard JSON handed to it), so it reads the JSON defensively: absent or mistyped members become
 * undefined and the rules report them.
 */
import type { Json } from '../serialize.js';

export interface DatasourceView {
  readonly type: string | undefined;
  readonly uid: string | undefined;
}

export interface TargetView {
  readonly refId: string | undefined;
  readonly expr: string | undefined;
  readonly datasource: DatasourceView | undefined;
  /** Instant query: `instant: true` (Prometheus) or `queryType: "instant"` (Loki). */
  readonly instant: boolean;
}

export interface LinkView {
  readonly title: string | undefined;
  readonly url: string | undefined;
}

export interface GridView {
  readonly x: number | undefined;
  readonly y: number | undefined;
  readonly w: number | undefined;
  readonly h: number | undefined;
}

export interface PanelView {
  readonly id: number | undefined;
  readonly type: string | undefined;
  readonly title: string | undefined;
  readonly description: string | undefined;
  readonly datasource: DatasourceView | undefined;
  readonly targets: readonly TargetView[];
  readonly gridPos: GridView | undefined;
  readonly unit: string | undefined;
  /** options.legend.showLegend, when the panel has a legend option. */
  readonly showLegend: boolean | undefined;
  /** Panel links (drill-downs). */
  readonly links: readonly LinkView[];
}

export interface VariableView {
  readonly name: string | undefined;
  readonly type: string | undefined;
  /** For datasource variables: the datasource type they list. */
  readonly query: string | undefined;
}

export interface DashboardView {
  readonly uid: string | undefined;
  readonly title: string | undefined;
  readonly description: string | undefined;
  readonly panels: readonly PanelView[];
  readonly variables: readonly VariableView[];
}

type JsonObject = { readonly [key: string]: Json };

function obj(v: Json | undefined): JsonObject | undefined {
  return v !== null && v !== undefined && typeof v === 'object' && !Array.isArray(v) ? v : undefined;
}
function arr(v: Json | undefined): readonly Json[] {
  return Array.isArray(v) ? v : [];
}
function str(v: Json | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined;
}
function num(v: Json | undefined): number | undefined {
  return typeof v === 'number' ? v : undefined;
}

function datasource(v: Json | undefined): DatasourceView | undefined {
  const o = obj(v);
  return o ? { type: str(o['type']), uid: str(o['uid']) } : undefined;
}

function panel(v: Json): PanelView {
  const o = obj(v) ?? {};
  const grid = obj(o['gridPos']);
  const legend = obj(obj(o['options'])?.['legend']);
  const showLegend = legend ? legend['showLegend'] : undefined;
  return {
    id: num(o['id']),
    type: str(o['type']),
    title: str(o['title']),
    description: str(o['description']),
    datasource: datasource(o['datasource']),
    targets: arr(o['targets']).map((t) => {
      const to = obj(t) ?? {};
      return { refId: str(to['refId']), expr: str(to['expr']), datasource: datasource(to['datasource']), instant: to['instant'] === true || to['queryType'] === 'instant' };
    }),
    gridPos: grid ? { x: num(grid['x']), y: num(grid['y']), w: num(grid['w']), h: num(grid['h']) } : undefined,
    unit: str(obj(obj(o['fieldConfig'])?.['defaults'])?.['unit']),
    showLegend: typeof showLegend === 'boolean' ? showLegend : legend ? false : undefined,
    links: arr(o['links']).map((l) => ({ title: str(obj(l)?.['title']), url: str(obj(l)?.['url']) })),
  };
}

export function viewDashboard(json: Json): DashboardView {
  const o = obj(json) ?? {};
  return {
    uid: str(o['uid']),
    title: str(o['title']),
    description: str(o['description']),
    // Rows are layout, not panels; their children (collapsed rows) are panels.
    panels: arr(o['panels']).flatMap((p) => (str(obj(p)?.['type']) === 'row' ? arr(obj(p)?.['panels']) : [p])).map(panel),
    variables: arr(obj(o['templating'])?.['list']).map((v) => {
      const vo = obj(v) ?? {};
      return { name: str(vo['name']), type: str(vo['type']), query: str(vo['query']) };
    }),
  };
}
