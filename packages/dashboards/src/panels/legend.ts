import { LegendDisplayMode, LegendPlacement, SortOrder, TooltipDisplayMode, VizLegendOptionsBuilder, VizTooltipOptionsBuilder } from '@grafana/grafana-foundation-sdk/common';

/** Legends are always shown (the issue: "legends shown"), below the graph, as a list. */
export function shownLegend(): VizLegendOptionsBuilder {
  return new VizLegendOptionsBuilder().showLegend(true).displayMode(LegendDisplayMode.List).placement(LegendPlacement.Bottom).calcs([]);
}

/** All series in the tooltip, worst first. */
export function allSeriesTooltip(): VizTooltipOptionsBuilder {
  return new VizTooltipOptionsBuilder().mode(TooltipDisplayMode.Multi).sort(SortOrder.Descending);
}

/** Instant panels (gauges, stats, pies) show the last value of each series. */
export const LAST_VALUE = ['lastNotNull'];
