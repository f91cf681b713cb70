/** The setup guide's view model: everything the seed's monitoring guide holds, from the model. */
import {
  dashboardUrl,
  exploreUrl,
  formatValue,
  humanDuration,
  indexModel,
  panelUrl,
  type ResolvedModel,
} from '@monspec/metrics-spec';
import { cell, code, codeBlock, count, link, prose, text } from '../markdown/inline.js';
import { runbookDoc } from '../paths.js';
import { bands, bySeverityThenName, compare, conditionCode, contactPointLabel, contactPointType, durationText, groupTitle, routeFor, thresholdText } from './common.js';

export interface Fact {
  readonly label: string;
  readonly value: string;
}

export interface SetupView {
  readonly title: string;
  readonly environment: string;
  readonly service: string;
  readonly description: string;
  readonly facts: readonly Fact[];
  readonly healthEndpoints: readonly Fact[];
  readonly decisions: readonly string[];
  readonly architecture: string;
  readonly prerequisites: readonly string[];
  readonly grafanaUrl: string;
  readonly dashboards: readonly DashboardView[];
  readonly metricGroups: readonly { readonly title: string; readonly rows: readonly MetricRow[] }[];
  readonly bands: readonly BandRow[];
  readonly recordingRules: readonly { readonly name: string; readonly unit: string; readonly description: string }[];
  readonly alerts: readonly AlertRow[];
  readonly slos: readonly SloView[];
  readonly routes: readonly RouteRow[];
  readonly contactPoints: readonly ContactPointRow[];
  readonly routingNotes: readonly string[];
  readonly logSources: readonly LogQueryView[];
  readonly logPatterns: readonly LogQueryView[];
  readonly logAlerts: readonly string[];
  readonly troubleshooting: TroubleshootingView;
  readonly implementation: readonly { readonly title: string; readonly items: readonly string[] }[];
  readonly verification: readonly string[];
}

export interface DashboardView {
  readonly title: string;
  readonly description: string;
  readonly link: string;
  readonly facts: readonly Fact[];
  readonly panels: readonly { readonly title: string; readonly type: string; readonly description: string; readonly reads: string; readonly bands: string }[];
}

export interface MetricRow {
  readonly name: string;
  readonly type: string;
  readonly unit: string;
  readonly labels: string;
  readonly meaning: string;
}

export interface BandRow {
  readonly name: string;
  readonly description: string;
  readonly ok: string;
  readonly warning: string;
  readonly critical: string;
}

export interface AlertRow {
  readonly name: string;
  readonly severity: string;
  readonly condition: string;
  readonly threshold: string;
  readonly duration: string;
  readonly route: string;
  readonly runbook: string;
}

export interface SloView {
  readonly name: string;
  readonly description: string;
  readonly objective: string;
  readonly window: string;
  readonly budget: string;
  readonly alert: string;
  readonly windows: readonly { readonly severity: string; readonly burnRate: string; readonly windows: string; readonly errorRatio: string; readonly duration: string }[];
}

export interface RouteRow {
  readonly severity: string;
  readonly contactPoints: string;
  readonly groupWait: string;
  readonly groupInterval: string;
  readonly repeatInterval: string;
}

export interface ContactPointRow {
  readonly name: string;
  readonly type: string;
  readonly target: string;
  readonly secret: string;
  readonly description: string;
}

export interface LogQueryView {
  readonly name: string;
  readonly description: string;
  readonly query: string;
  readonly explore: string;
}

export interface TroubleshootingView {
  readonly prometheusUrl: string;
  readonly prometheusReady: string;
  readonly prometheusTargets: string;
  readonly prometheusDatasource: string;
  readonly lokiDatasource: string;
  readonly job: string;
  readonly metricsPath: string;
  readonly healthPaths: string;
  readonly upQuery: string;
  readonly upExplore: string;
  readonly absentAlerts: string;
  readonly scrapeInterval: string;
  readonly retention: string;
  readonly evaluationInterval: string;
  readonly engine: string;
  readonly ruleFiles: string;
  readonly grafanaFolder: string;
  readonly recordingRuleExample: string;
  readonly refreshes: string;
}

/** Node label in a Mermaid flowchart: quoted, with quotes replaced by Mermaid's entity. */
function node(id: string, label: string): string {
  return `${id}["${label.replace(/"/g, '#quot;')}"]`;
}

function edge(from: string, to: string, label?: string): string {
  return label ? `  ${from} -->|"${label.replace(/"/g, '#quot;')}"| ${to}` : `  ${from} --> ${to}`;
}

export function architectureDiagram(model: ResolvedModel): string {
  const s = model.service;
  const engine = s.alerting.engine;
  const viaPrometheus = engine !== 'grafana';
  const viaGrafana = engine !== 'prometheus';
  const lokiAlerts = model.alerts.some((a) => a.datasource === 'loki');
  const lines = ['flowchart LR'];
  lines.push(`  ${node('svc', `${s.name} (${s.replicas} × ${s.metricsPath})`)}`);
  lines.push(`  ${node('prom', `Prometheus (${s.datasources.prometheus.name})`)}`);
  lines.push(`  ${node('loki', `Loki (${s.datasources.loki.name})`)}`);
  lines.push(`  ${node('grafana', `Grafana: ${count(model.dashboards.length, 'dashboard')} in ${s.grafana.folder}`)}`);
  if (viaPrometheus) lines.push(`  ${node('am', 'Alertmanager')}`);
  if (viaGrafana) lines.push(`  ${node('ga', 'Grafana alerting')}`);
  const cps = [...model.notifications.contactPoints].sort((a, b) => compare(a.name, b.name));
  cps.forEach((cp, i) => lines.push(`  ${node(`cp${i}`, `${contactPointType(cp)}: ${cp.name}`)}`));
  lines.push(edge('svc', 'prom', `scrape every ${s.scrapeInterval}`));
  if (model.logs.sources.length > 0) lines.push(edge('svc', 'loki', 'logs'));
  lines.push(edge('prom', 'grafana'));
  lines.push(edge('loki', 'grafana'));
  if (viaPrometheus) {
    lines.push(edge('prom', 'am', 'alerting rules'));
    if (lokiAlerts) lines.push(edge('loki', 'am', 'log alerting rules'));
  }
  if (viaGrafana) lines.push(edge('grafana', 'ga', 'Grafana-managed rules'));
  cps.forEach((_, i) => {
    if (viaPrometheus) lines.push(edge('am', `cp${i}`));
    if (viaGrafana) lines.push(edge('ga', `cp${i}`));
  });
  return codeBlock(lines.join('\n'), 'mermaid');
}

const ENGINE_TEXT = {
  prometheus: 'Prometheus alerting rules (and Loki ruler rules for log alerts), routed by Alertmanager',
  grafana: 'Grafana-managed alert rules and Grafana notification policies',
  both: 'both Prometheus alerting rules routed by Alertmanager and Grafana-managed alert rules (the same rules, one engine each, so either can page when the other is down)',
} as const;

export function setupView(model: ResolvedModel): SetupView {
  const s = model.service;
  const index = indexModel(model);
  const title = `${s.title} monitoring setup`;
  const prom = s.datasources.prometheus;
  const loki = s.datasources.loki;
  const alertNames = [...new Set(model.alerts.map((a) => a.name))].sort(compare);

  const facts: Fact[] = [
    { label: 'Service', value: code(s.name) },
    { label: 'Owning team', value: text(s.team) },
    ...(s.contact ? [{ label: 'Contact', value: text(s.contact) }] : []),
    ...(s.repository ? [{ label: 'Repository', value: link(text(s.repository), s.repository) }] : []),
    { label: 'Environment', value: `${code(model.environment)} (of ${model.environments.map(code).join(', ') || code(model.environment)})` },
    { label: 'Metrics endpoint', value: `${code(s.metricsPath)}, Prometheus job ${code(s.job)}` },
    { label: 'Scrape interval', value: `${s.scrapeInterval} (${humanDuration(s.scrapeInterval)})` },
    { label: 'Retention', value: `${s.retention} (${humanDuration(s.retention)})` },
    { label: 'Replicas', value: String(s.replicas) },
    { label: 'Grafana', value: `${link(s.grafana.url, s.grafana.url)}, folder ${text(s.grafana.folder)}` },
    { label: 'Alerting', value: `${ENGINE_TEXT[s.alerting.engine]}; evaluated every ${s.alerting.evaluationInterval}` },
    {
      label: 'Estimated active series',
      value: `${model.seriesEstimate.total}${model.seriesEstimate.budget !== undefined ? ` of a budget of ${model.seriesEstimate.budget}` : ''}`,
    },
    {
      label: 'Monitoring at a glance',
      value: [count(model.metrics.length, 'metric'), count(model.recordingRules.length, 'recording rule'), count(model.dashboards.length, 'dashboard'), count(alertNames.length, 'alert'), count(model.slos.length, 'SLO')].join(', '),
    },
  ];

  const decisions: string[] = [];
  for (const m of model.metrics) {
    if (m.deprecated) {
      decisions.push(`${code(m.name)} is deprecated: ${prose(m.deprecated.reason)}${m.deprecated.replacement ? ` Use ${code(m.deprecated.replacement)} instead.` : ''}`);
    }
  }
  for (const m of model.metrics) {
    for (const [rule, reason] of Object.entries(m.waivers).sort(([a], [b]) => compare(a, b))) {
      decisions.push(`${code(m.name)} keeps its name despite the ${code(rule)} check: ${prose(reason)}`);
    }
  }

  const prerequisites = [
    `Grafana running at ${link(s.grafana.url, s.grafana.url)}, with a folder ${text(s.grafana.folder)} and file provisioning enabled (or an API key allowed to create dashboards, alert rules and contact points).`,
    `Prometheus datasource ${text(prom.name)} (uid ${code(prom.uid)}) pointing at ${code(prom.url)}.`,
    `Loki datasource ${text(loki.name)} (uid ${code(loki.uid)}) pointing at ${code(loki.url)}${model.logs.sources.length === 0 ? ' (optional: the spec declares no log sources)' : ''}.`,
    `Prometheus scrapes job ${code(s.job)} at ${code(s.metricsPath)} every ${s.scrapeInterval} and keeps ${s.retention} of data.`,
    ...(s.alerting.engine !== 'grafana' ? ['Alertmanager reachable from Prometheus (and from the Loki ruler for log alerts).'] : []),
    ...model.notifications.contactPoints
      .filter((cp) => cp.secretEnv !== undefined)
      .map((cp) => `Secret for contact point ${text(cp.name)} (${contactPointType(cp)}) in the environment variable ${code(cp.secretEnv ?? '')} at deploy time.`),
    ...s.healthEndpoints.map((h) => `${code(h.path)} answers on every replica.`),
  ];

  const dashboards: DashboardView[] = model.dashboards.map((d) => ({
    title: text(d.title),
    description: prose(d.description),
    link: link(`Open ${text(d.title)} in Grafana`, dashboardUrl(model, d)),
    facts: [
      { label: 'UID', value: code(d.uid) },
      { label: 'Refresh', value: `every ${d.refresh}` },
      { label: 'Default time range', value: `${code(d.time.from)} to ${code(d.time.to)}` },
      { label: 'Time ranges offered', value: d.timeOptions.join(', ') },
      ...(d.variables.length ? [{ label: 'Variables', value: d.variables.map((v) => `${code(`$${v.name}`)} (${text(v.label)})`).join(', ') }] : []),
      { label: 'Tags', value: d.tags.map(code).join(', ') || '—' },
    ],
    panels: d.panels.map((p) => ({
      title: cell(link(text(p.title), panelUrl(model, d, p))),
      type: p.type,
      description: cell(prose(p.description)),
      reads: cell(p.metrics.map(code).join(', ')),
      bands: cell(p.threshold ? [bands(p.threshold).warning, bands(p.threshold).critical].filter((b) => b !== '—').join('; ') : ''),
    })),
  }));

  const groups = new Map<string, MetricRow[]>();
  for (const m of model.metrics) {
    const rows = groups.get(m.group) ?? [];
    rows.push({
      name: cell(code(m.name) + (m.deprecated ? ' (deprecated)' : '')),
      type: m.type,
      unit: m.unit,
      labels: cell(m.labels.map((l) => code(l.name)).join(', ')),
      meaning: cell(prose(m.meaning)),
    });
    groups.set(m.group, rows);
  }
  const metricGroups = [...groups.entries()]
    .map(([group, rows]) => ({ title: `${groupTitle(group)} metrics`, rows }))
    .sort((a, b) => compare(a.title, b.title));

  const bandRows: BandRow[] = model.thresholds.map((t) => {
    const b = bands(t);
    return {
      name: code(t.name),
      description: cell(prose(t.description) + (t.window ? ` Over ${t.window}.` : '')),
      ok: cell(b.ok),
      warning: cell(b.warning),
      critical: cell(b.critical),
    };
  });

  const alerts: AlertRow[] = [...model.alerts].sort(bySeverityThenName).map((a) => ({
    name: cell(link(text(a.name), runbookDoc(a.name))),
    severity: a.severity,
    condition: cell(conditionCode(a)),
    threshold: cell(thresholdText(a, model)),
    duration: cell(durationText(a)),
    route: cell(routeFor(model, a.severity)),
    runbook: cell(link('runbook', runbookDoc(a.name))),
  }));

  const slos: SloView[] = model.slos.map((slo) => ({
    name: text(slo.name),
    description: prose(slo.description),
    objective: formatValue(slo.objective, 'ratio'),
    window: `${slo.window} (${humanDuration(slo.window)})`,
    budget: formatValue(slo.errorBudget, 'ratio'),
    alert: link(text(slo.alertName), runbookDoc(slo.alertName)),
    windows: slo.windows.map((w) => ({
      severity: w.severity,
      burnRate: `${w.burnRate}×`,
      windows: `${w.longWindow} and ${w.shortWindow}`,
      errorRatio: `> ${formatValue(w.errorRatioThreshold, 'ratio')}`,
      duration: w.for,
    })),
  }));

  const routes: RouteRow[] = model.notifications.routes.map((r) => ({
    severity: r.severity,
    contactPoints: cell(routeFor(model, r.severity)),
    groupWait: r.groupWait ?? '—',
    groupInterval: r.groupInterval ?? '—',
    repeatInterval: r.repeatInterval ?? '—',
  }));

  const contactPoints: ContactPointRow[] = model.notifications.contactPoints.map((cp) => ({
    name: code(cp.name),
    type: contactPointType(cp),
    target: cell([...cp.addresses.map(text), ...(cp.channel ? [text(cp.channel)] : []), ...(cp.url ? [code(cp.url)] : [])].join(', ')),
    secret: cp.secretEnv ? code(cp.secretEnv) : '—',
    description: cell(prose(cp.description)),
  }));

  const routingNotes = [
    ...(model.notifications.defaultContactPoint
      ? [`Alerts that match no severity route go to ${(() => {
          const cp = model.notifications.contactPoints.find((c) => c.name === model.notifications.defaultContactPoint);
          return cp ? contactPointLabel(cp) : text(model.notifications.defaultContactPoint);
        })()}.`]
      : []),
    ...(model.notifications.groupBy.length ? [`Notifications are grouped by ${model.notifications.groupBy.map(code).join(', ')}.`] : []),
    ...model.notifications.inhibitions.map(
      (i) => `A firing ${code(i.source)} alert silences ${code(i.target)} alerts with the same ${i.equal.map(code).join(', ') || 'labels'}.`,
    ),
  ];

  const logSources: LogQueryView[] = model.logs.sources.map((src) => {
    const query = src.errorFilter ? `${src.selector} ${src.errorFilter}` : src.selector;
    return { name: text(src.name), description: prose(src.description), query: codeBlock(query, 'logql'), explore: link('Open in Grafana Explore', exploreUrl(model, 'loki', query)) };
  });
  const logPatterns: LogQueryView[] = model.logs.patterns.map((p) => {
    const src = model.logs.sources.find((x) => x.name === p.source);
    const query = `${src?.selector ?? '{}'} |~ ${JSON.stringify(p.match)}`;
    return { name: text(p.name), description: prose(p.description), query: codeBlock(query, 'logql'), explore: link('Open in Grafana Explore', exploreUrl(model, 'loki', query)) };
  });
  const logAlerts = alertNames
    .filter((n) => index.alerts(n).some((a) => a.datasource === 'loki'))
    .map((n) => {
      const a = index.alerts(n)[0];
      return `${link(text(n), runbookDoc(n))}: ${a ? text(a.summary) : ''}`;
    });

  const upQuery = `up{job="${s.job}"}`;
  const absent = alertNames.filter((n) => index.alerts(n).some((a) => /\b(up|absent)\b/.test(a.expr)));
  const ruleFiles = [
    ...(s.alerting.engine !== 'grafana' ? ['`prometheus/rules/recording.rules.yml`', '`prometheus/rules/alerts.rules.yml`'] : []),
    ...(model.alerts.some((a) => a.datasource === 'loki') ? ['`loki/rules/logs.rules.yml`'] : []),
    ...(s.alerting.engine !== 'prometheus' ? ['`grafana/provisioning/alerting/rules.yaml`'] : []),
  ];
  const firstRule = model.recordingRules.find((r) => r.origin === 'spec');
  const troubleshooting: TroubleshootingView = {
    prometheusUrl: code(prom.url),
    prometheusReady: code(`curl -fsS ${prom.url}/-/ready`),
    prometheusTargets: code(`${prom.url}/targets`),
    prometheusDatasource: `${text(prom.name)} (uid ${code(prom.uid)})`,
    lokiDatasource: `${text(loki.name)} (uid ${code(loki.uid)})`,
    job: code(s.job),
    metricsPath: code(`curl -fsS http://<replica>${s.metricsPath}`),
    healthPaths: s.healthEndpoints.map((h) => code(h.path)).join(' and ') || 'the health endpoint',
    upQuery: code(upQuery),
    upExplore: link('Open in Grafana Explore', exploreUrl(model, 'prometheus', upQuery)),
    absentAlerts: absent.map((n) => link(text(n), runbookDoc(n))).join(', ') || 'none',
    scrapeInterval: s.scrapeInterval,
    retention: s.retention,
    evaluationInterval: s.alerting.evaluationInterval,
    engine: ENGINE_TEXT[s.alerting.engine],
    ruleFiles: ruleFiles.join(', '),
    grafanaFolder: text(s.grafana.folder),
    recordingRuleExample: firstRule ? code(firstRule.name) : 'a recording rule',
    refreshes: [...new Set(model.dashboards.map((d) => d.refresh))].join(', ') || '—',
  };

  const implementation = [
    {
      title: 'Verify prerequisites',
      items: [`Prometheus scrapes ${code(s.job)}: ${code(upQuery)} is 1 for each of the ${s.replicas} replicas.`, `Datasources ${text(prom.name)} and ${text(loki.name)} exist in Grafana with the uids above.`],
    },
    {
      title: 'Provision dashboards',
      items: model.dashboards.map((d) => `${text(d.title)} (${code(`grafana/dashboards/${d.uid}.json`)}, ${count(d.panels.length, 'panel')})`),
    },
    {
      title: 'Load recording and alerting rules',
      items: [
        ...ruleFiles.map((f) => `${f} loaded.`),
        `${code('monspec test')} passes (promtool rule unit tests and Alertmanager routing).`,
        ...alertNames.map((n) => `${link(text(n), runbookDoc(n))} loaded (${index.alerts(n).map((a) => a.severity).join(', ')}).`),
      ],
    },
    {
      title: 'Configure notifications',
      items: [
        ...model.notifications.contactPoints.map((cp) => `Contact point ${contactPointLabel(cp)} configured${cp.secretEnv ? ` with ${code(cp.secretEnv)}` : ''}.`),
        ...model.notifications.routes.map((r) => `${code(r.severity)} alerts route to ${routeFor(model, r.severity)}.`),
      ],
    },
    {
      title: 'Publish documentation',
      items: [
        `Runbooks published${s.runbookBaseUrl ? ` at ${link(s.runbookBaseUrl, s.runbookBaseUrl)}` : ''}; every alert's ${code('runbook_url')} opens its page.`,
        'Dashboard deeplinks in this guide open the provisioned dashboards.',
      ],
    },
  ];

  const verification = [
    ...model.dashboards.map((d) => `${text(d.title)} shows data in every panel over the last hour.`),
    `${code('monspec test')} passes: every alert's unit tests fire (and stay quiet) as declared (${count(model.alerts.reduce((n, a) => n + a.tests.length, 0), 'test case')}).`,
    'A test notification reaches every contact point.',
    ...(model.logs.sources.length ? ['The Loki queries in this guide return log lines for the last hour.'] : []),
    'Each runbook link in the alerts table opens its runbook.',
  ];

  return {
    title,
    environment: model.environment,
    service: code(s.name),
    description: prose(s.description),
    facts,
    healthEndpoints: s.healthEndpoints.map((h) => ({ label: code(h.path), value: prose(h.description) })),
    decisions,
    architecture: architectureDiagram(model),
    prerequisites,
    grafanaUrl: link(s.grafana.url, s.grafana.url),
    dashboards,
    metricGroups,
    bands: bandRows,
    recordingRules: model.recordingRules
      .filter((r) => r.origin === 'spec')
      .map((r) => ({ name: code(r.name), unit: r.unit, description: cell(prose(r.description)) })),
    alerts,
    slos,
    routes,
    contactPoints,
    routingNotes,
    logSources,
    logPatterns,
    logAlerts,
    troubleshooting,
    implementation,
    verification,
  };
}
