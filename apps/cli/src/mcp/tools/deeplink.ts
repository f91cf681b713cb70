import { dashboardUrl, didYouMean, exploreUrl, indexModel, panelUrl, type ResolvedDashboard, type ResolvedModel } from '@monspec/metrics-spec';
import { z } from 'zod';
import { EnvironmentArg, GrafanaTime, readOnly, type ToolDefinition } from '../register.js';
import type { Session } from '../session.js';
import { ToolError } from '../tool-error.js';

const input = z.strictObject({
  kind: z.enum(['dashboard', 'panel', 'explore']).describe('dashboard: the whole dashboard; panel: one panel full-screen; explore: Grafana Explore with a query.'),
  dashboard: z.string().optional().describe('Dashboard uid (dashboard, panel).'),
  panel: z.string().optional().describe('Panel key (panel); DASHBOARD_UID/PANEL_KEY also works without dashboard.'),
  query: z.string().min(1).optional().describe('PromQL or LogQL (explore).'),
  datasource: z.enum(['prometheus', 'loki']).optional().describe('Datasource of the query (explore; default prometheus).'),
  from: GrafanaTime.optional().describe("Start of the time range (default: the dashboard's, or now-1h)."),
  to: GrafanaTime.optional().describe('End of the time range (default: now).'),
  variables: z.record(z.string(), z.string()).optional().describe('Dashboard variable values (default: All).'),
  environment: EnvironmentArg,
});
const output = z.object({ url: z.string(), title: z.string() });

function dashboardOf(model: ResolvedModel, uid: string | undefined): ResolvedDashboard {
  const uids = model.dashboards.map((d) => d.uid);
  if (uid === undefined) throw new ToolError(`Unexpected missing dashboard, expected a dashboard uid: ${uids.join(', ')}`);
  const d = indexModel(model).dashboard(uid);
  if (!d) throw new ToolError(`Unexpected dashboard "${uid}", expected one of: ${uids.join(', ')}${didYouMean(uid, uids)}`);
  return d;
}

/** Grafana links for a time range, from the spec (the seed's generate_deeplink): one implementation in metrics-spec's links.ts. */
export function deeplinkTool(session: Session): ToolDefinition<typeof input, typeof output> {
  return {
    title: 'Grafana link for a dashboard, panel or Explore query',
    description:
      'A Grafana URL for a time range: a dashboard, one panel full-screen (viewPanel), or Explore with a PromQL/LogQL query against the spec\'s datasource. Uids, panel keys and the Grafana URL come from the spec.',
    input,
    output,
    annotations: readOnly('Grafana deeplink'),
    async run(args) {
      const model = session.model(args.environment);
      const range = { ...(args.from === undefined ? {} : { from: args.from }), ...(args.to === undefined ? {} : { to: args.to }) };
      const options = { ...range, ...(args.variables ? { variables: args.variables } : {}) };
      if (args.kind === 'explore') {
        if (args.query === undefined) throw new ToolError('Unexpected missing query, expected the PromQL or LogQL to open in Explore');
        const datasource = args.datasource ?? 'prometheus';
        return { url: exploreUrl(model, datasource, args.query, { from: args.from ?? 'now-1h', to: args.to ?? 'now' }), title: `Explore (${datasource}): ${args.query}` };
      }
      if (args.kind === 'dashboard') {
        const d = dashboardOf(model, args.dashboard);
        return { url: dashboardUrl(model, d, options), title: d.title };
      }
      const [uid, key] = args.panel?.includes('/') && args.dashboard === undefined ? args.panel.split('/', 2) : [args.dashboard, args.panel];
      const d = dashboardOf(model, uid);
      const keys = d.panels.map((p) => p.key);
      if (key === undefined) throw new ToolError(`Unexpected missing panel, expected a panel key of ${d.uid}: ${keys.join(', ')}`);
      const hit = indexModel(model).panel({ dashboard: d.uid, panel: key });
      if (!hit) throw new ToolError(`Unexpected panel "${key}" in dashboard ${d.uid}, expected one of: ${keys.join(', ')}${didYouMean(key, keys)}`);
      return { url: panelUrl(model, d, hit.panel, options), title: `${d.title} › ${hit.panel.title}` };
    },
  };
}
