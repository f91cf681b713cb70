/** The parts of generated dashboard JSON tests look at, typed. */
import type { Artifact } from '@monspec/metrics-spec';

export interface TargetJson {
  refId: string;
  expr: string;
  datasource: { type: string; uid: string };
  legendFormat?: string;
  instant?: boolean;
  format?: string;
}

export interface PanelJson {
  id: number;
  type: string;
  title: string;
  description: string;
  datasource: { type: string; uid: string };
  gridPos: { x: number; y: number; w: number; h: number };
  targets: TargetJson[];
  links?: Array<{ title: string; url: string }>;
  fieldConfig: {
    defaults: {
      unit?: string;
      min?: number;
      max?: number;
      decimals?: number;
      thresholds: { mode: string; steps: Array<{ value: number | null; color: string }> };
      mappings?: Array<{ type: string; options: Record<string, { text: string; color?: string }> }>;
      color?: { mode: string };
    };
  };
  options: { legend?: { showLegend: boolean }; reduceOptions?: { calcs: string[] } };
  transformations?: Array<{ id: string; options: Record<string, unknown> }>;
}

export interface DashboardJson {
  uid: string;
  title: string;
  description: string;
  tags: string[];
  refresh: string;
  editable: boolean;
  schemaVersion: number;
  time: { from: string; to: string };
  timepicker: { quick_ranges?: Array<{ display: string; from: string; to: string }> };
  templating: { list: Array<{ name: string; type: string; query?: string | Record<string, unknown>; current?: { value: string | string[] }; includeAll?: boolean; multi?: boolean; allValue?: string }> };
  links: Array<{ title: string; url: string; type: string }>;
  panels: PanelJson[];
}

export function dashboardsOf(artifacts: readonly Artifact[]): Map<string, DashboardJson> {
  const out = new Map<string, DashboardJson>();
  for (const a of artifacts) {
    const m = /^grafana\/dashboards\/(.+)\.json$/.exec(a.path);
    if (m?.[1]) out.set(m[1], JSON.parse(a.content) as DashboardJson);
  }
  return out;
}
