/**
 * What every panel kind shares: identity, text, datasource, targets, position, unit, thresholds,
 * value mappings and drill-down links. The SDK's panel builders are separate classes with these
 * methods in common; `CommonPanelBuilder` is that common part, so one function configures them all.
 */
import type { Builder, Dataquery } from '@grafana/grafana-foundation-sdk/cog';
import type { DataSourceRef } from '@grafana/grafana-foundation-sdk/common';
import {
  FieldColorBuilder,
  FieldColorModeId,
  MappingType,
  ThresholdsConfigBuilder,
  ThresholdsMode,
  type DashboardLink,
  type FieldColor,
  type GridPos,
  type ThresholdsConfig,
  type ValueMapping,
} from '@grafana/grafana-foundation-sdk/dashboard';
import { UNITS, type ResolvedPanel } from '@monspec/metrics-spec';
import { datasourceRef, MIXED_DATASOURCE } from '../datasource.js';
import { drillDownLinks } from '../links.js';
import { target } from '../targets.js';
import { describeBands, thresholdSteps } from '../thresholds.js';
import type { PanelContext } from './context.js';

export interface CommonPanelBuilder {
  id(id: number): this;
  title(title: string): this;
  description(description: string): this;
  datasource(datasource: DataSourceRef): this;
  withTarget(target: Builder<Dataquery>): this;
  gridPos(gridPos: GridPos): this;
  unit(unit: string): this;
  decimals(decimals: number): this;
  min(min: number): this;
  max(max: number): this;
  thresholds(thresholds: Builder<ThresholdsConfig>): this;
  colorScheme(color: Builder<FieldColor>): this;
  mappings(mappings: ValueMapping[]): this;
  links(links: Builder<DashboardLink>[]): this;
}

/** The panel's description with its bands in words appended, so the hover text explains the colours. */
function panelDescription(panel: ResolvedPanel): string {
  if (!panel.threshold) return panel.description;
  const bands = describeBands(panel.threshold);
  return bands ? `${panel.description}\n\nBands: ${bands}.` : panel.description;
}

/** One datasource variable when every target uses the same kind, Grafana's Mixed otherwise. */
function panelDatasource(panel: ResolvedPanel): DataSourceRef {
  const kinds = new Set(panel.queries.map((q) => q.datasource));
  const [only] = [...kinds];
  return kinds.size === 1 && only ? datasourceRef(only) : MIXED_DATASOURCE;
}

function valueMappings(panel: ResolvedPanel): ValueMapping[] {
  if (panel.valueMappings.length === 0) return [];
  const options: Record<string, { text: string; color?: string; index: number }> = {};
  panel.valueMappings.forEach((m, index) => {
    options[String(m.value)] = m.color === undefined ? { text: m.text, index } : { text: m.text, color: m.color, index };
  });
  return [{ type: MappingType.ValueToText, options }];
}

export interface CommonOptions {
  /** How values are coloured: by threshold band (gauges, stats, tables) or by series (graphs). */
  readonly color: 'thresholds' | 'series';
  /** Overrides of the panel's min/max (e.g. gauge defaults). */
  readonly min?: number | undefined;
  readonly max?: number | undefined;
}

export function applyCommon<B extends CommonPanelBuilder>(builder: B, ctx: PanelContext, options: CommonOptions): B {
  const { panel } = ctx;
  builder
    .id(panel.id)
    .title(panel.title)
    .description(panelDescription(panel))
    .datasource(panelDatasource(panel))
    .gridPos({ ...ctx.gridPos })
    .thresholds(new ThresholdsConfigBuilder().mode(ThresholdsMode.Absolute).steps(thresholdSteps(panel.threshold, panel.unit)))
    .colorScheme(new FieldColorBuilder().mode(options.color === 'thresholds' ? FieldColorModeId.Thresholds : FieldColorModeId.PaletteClassic));
  for (const q of panel.queries) builder.withTarget(target(q));
  if (panel.unit !== undefined) builder.unit(UNITS[panel.unit].grafana);
  if (panel.decimals !== undefined) builder.decimals(panel.decimals);
  const min = options.min ?? panel.min;
  const max = options.max ?? panel.max;
  if (min !== undefined) builder.min(min);
  if (max !== undefined) builder.max(max);
  const mappings = valueMappings(panel);
  if (mappings.length > 0) builder.mappings(mappings);
  const links = drillDownLinks(ctx.model, ctx.dashboard, panel);
  if (links.length > 0) builder.links(links);
  return builder;
}
