import { explorePanes } from '../explore.js';
import type { LintRule } from '../types.js';
import { panelName } from '../types.js';

/** `${name}` or `${name:format}` → name */
function variableName(text: string | undefined): string | undefined {
  const m = text === undefined ? null : /^\$\{(\w+)(?::\w+)?\}$|^\$(\w+)$/.exec(text);
  return m ? (m[1] ?? m[2]) : undefined;
}

export const linkContext: LintRule = {
  id: 'dashboard-link-context',
  severity: 'error',
  description:
    "Links on panels keep the context the user is in: an Explore link opens the dashboard's current range (${__from}/${__to}) on the datasource the dashboard's variable selects (${loki}, ${datasource}), and a link to a dashboard carries ${__url_time_range}. A fixed range (now-6h) or a hard-coded datasource uid shows other data than the panel.",
  run({ dashboards }, report) {
    for (const d of dashboards) {
      const dsVars = new Set(d.variables.filter((v) => v.type === 'datasource').map((v) => v.name));
      for (const p of d.panels) {
        for (const link of p.links) {
          const url = link.url ?? '';
          const where = `the link "${link.title ?? ''}" of ${panelName(p)}`;
          if (/^\/d\//.test(url) && !url.includes('${__url_time_range}')) {
            report({ dashboard: d, panel: p, message: `Unexpected dashboard link without the time range in ${where}, expected \${__url_time_range} in its URL` });
          }
          for (const pane of explorePanes(url)) {
            if (pane.range?.from !== '${__from}' || pane.range.to !== '${__to}') {
              report({ dashboard: d, panel: p, message: `Unexpected Explore range ${pane.range?.from ?? '?'} to ${pane.range?.to ?? '?'} in ${where}, expected \${__from} to \${__to} (the dashboard's range)` });
            }
            for (const uid of [pane.datasource, ...pane.queries.map((q) => q.uid)]) {
              const name = variableName(uid);
              if (name === undefined || !dsVars.has(name)) {
                report({ dashboard: d, panel: p, message: `Unexpected datasource ${JSON.stringify(uid ?? null)} in ${where}, expected a datasource variable of the dashboard such as \${loki}` });
              }
            }
          }
        }
      }
    }
  },
};
