/** The guide's troubleshooting: where to look when metrics, rules or dashboards are missing. */
import { exploreUrl } from '@monspec/metrics-spec';
import { inline, join } from '../../markdown/fragment.js';
import { code, link } from '../../markdown/inline.js';
import { runbookDoc } from '../../paths.js';
import { ENGINE_TEXT, type SetupGround } from './ground.js';
import type { TroubleshootingView } from './types.js';

export function troubleshootingSection(g: SetupGround): TroubleshootingView {
  const { model, ctx, s, index, prom, loki, alertNames, upQuery, ruleFiles } = g;
  const absent = alertNames.filter((n) => index.alerts(n).some((a) => /\b(up|absent)\b/.test(a.expr)));
  const firstRule = model.recordingRules.find((r) => r.origin === 'spec');
  const troubleshooting: TroubleshootingView = {
    prometheusUrl: code(prom.url),
    prometheusReady: code(`curl -fsS ${prom.url}/-/ready`),
    prometheusTargets: code(`${prom.url}/targets`),
    prometheusDatasource: inline`${ctx.text(prom.name)} (uid ${code(prom.uid)})`,
    lokiDatasource: inline`${ctx.text(loki.name)} (uid ${code(loki.uid)})`,
    job: code(s.job),
    metricsPath: code(`curl -fsS http://<replica>${s.metricsPath}`),
    healthPaths: s.healthEndpoints.length ? join(s.healthEndpoints.map((h) => code(h.path)), ' and ') : code(s.metricsPath),
    upQuery: code(upQuery),
    upExplore: link('Open in Grafana Explore', exploreUrl(model, 'prometheus', upQuery)),
    absentAlerts: absent.length ? join(absent.map((n) => link(ctx.text(n), runbookDoc(n))), ', ') : 'none',
    scrapeInterval: s.scrapeInterval,
    retention: s.retention,
    evaluationInterval: s.alerting.evaluationInterval,
    engine: ENGINE_TEXT[s.alerting.engine],
    ruleFiles: join(ruleFiles.map(code), ', '),
    grafanaFolder: ctx.text(s.grafana.folder),
    recordingRuleExample: firstRule ? code(firstRule.name) : 'a recording rule',
    refreshes: [...new Set(model.dashboards.map((d) => d.refresh))].join(', ') || '—',
  };

  return troubleshooting;
}
