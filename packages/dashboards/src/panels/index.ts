/** Panel kind → SDK builder. The spec's panel types map one to one onto Grafana visualisations. */
import type { Builder } from '@grafana/grafana-foundation-sdk/cog';
import type { Panel } from '@grafana/grafana-foundation-sdk/dashboard';
import type { ResolvedPanel } from '@monspec/metrics-spec';
import { bargaugePanel } from './bargauge.js';
import type { PanelContext } from './context.js';
import { gaugePanel } from './gauge.js';
import { logsPanel } from './logs.js';
import { piechartPanel } from './piechart.js';
import { statPanel } from './stat.js';
import { tablePanel } from './table.js';
import { timeseriesPanel } from './timeseries.js';

export type { PanelContext } from './context.js';

const PANEL_FACTORIES: Readonly<Record<ResolvedPanel['type'], (ctx: PanelContext) => Builder<Panel>>> = {
  timeseries: timeseriesPanel,
  gauge: gaugePanel,
  stat: statPanel,
  table: tablePanel,
  piechart: piechartPanel,
  bargauge: bargaugePanel,
  logs: logsPanel,
};

export function buildPanel(ctx: PanelContext): Builder<Panel> {
  return PANEL_FACTORIES[ctx.panel.type](ctx);
}
