/** The setup guide's view model: everything the seed's monitoring guide holds, from the model. */
import {
  grafanaSmtpSettings,
  dashboardUrl,
  errorLinesQuery,
  exploreUrl,
  formatValue,
  humanDuration,
  indexModel,
  panelUrl,
  quoteLabelValue,
  type ResolvedModel,
} from '@monspec/metrics-spec';
import { type Fragment, type Piece, inline, join } from '../markdown/fragment.js';
import { cell, code, codeBlock, count, link } from '../markdown/inline.js';
import type { Prose } from '../markdown/prose.js';
import { ARCHITECTURE_IMAGE, runbookDoc } from '../paths.js';
import { architectureGraph } from '../diagram/architecture.js';
import { destinations, serviceChanges, versions, type DestinationRow, type ServiceChangeRow, type VersionRow } from './setup-deploy.js';
import { image } from '../markdown/image.js';
import { inhibitionSource, usesLoki, bands, bySeverityThenName, compare, conditionCode, contactPointLabel, contactPointType, durationText, groupTitle, routeFor, thresholdText } from './common.js';

export interface Fact {
  readonly label: Piece;
  readonly value: Piece;
}

export interface SetupView {
  readonly title: Piece;
  readonly service: Piece;
  readonly description: Piece;
  readonly facts: readonly Fact[];
  readonly healthEndpoints: readonly Fact[];
  readonly decisions: readonly Piece[];
  readonly architecture: Piece;
  readonly prerequisites: readonly Piece[];
  readonly serviceChanges: readonly ServiceChangeRow[];
  readonly destinations: readonly DestinationRow[];
  readonly versions: readonly VersionRow[];
  readonly grafanaUrl: Piece;
  readonly dashboards: readonly DashboardView[];
  readonly metricGroups: readonly { readonly title: Piece; readonly rows: readonly MetricRow[] }[];
  readonly bands: readonly BandRow[];
  readonly recordingRules: readonly { readonly name: Piece; readonly unit: Piece; readonly description: Piece }[];
  readonly alerts: readonly AlertRow[];
  readonly slos: readonly SloView[];
  readonly routes: readonly RouteRow[];
  readonly contactPoints: readonly ContactPointRow[];
  readonly routingNotes: readonly Piece[];
  readonly logSources: readonly LogQueryView[];
  readonly logPatterns: readonly LogQueryView[];
  readonly logAlerts: readonly Piece[];
  readonly troubleshooting: TroubleshootingView;
  readonly implementation: readonly { readonly title: Piece; readonly items: readonly Piece[] }[];
  readonly verification: readonly Piece[];
}

export interface DashboardView {
  readonly title: Piece;
  readonly description: Piece;
  readonly link: Piece;
  readonly facts: readonly Fact[];
  readonly panels: readonly { readonly title: Piece; readonly type: Piece; readonly description: Piece; readonly reads: Piece; readonly bands: Piece }[];
}

export interface MetricRow {
  readonly name: Piece;
  readonly type: Piece;
  readonly unit: Piece;
  readonly labels: Piece;
  readonly meaning: Piece;
}

export interface BandRow {
  readonly name: Piece;
  readonly description: Piece;
  readonly ok: Piece;
  readonly warning: Piece;
  readonly critical: Piece;
}

export interface AlertRow {
  readonly name: Piece;
  readonly severity: Piece;
  readonly condition: Piece;
  readonly threshold: Piece;
  readonly duration: Piece;
  readonly route: Piece;
  readonly runbook: Piece;
}

export interface SloView {
  readonly name: Piece;
  readonly description: Piece;
  readonly objective: Piece;
  readonly window: Piece;
  readonly budget: Piece;
  readonly alert: Piece;
  readonly windows: readonly { readonly severity: Piece; readonly burnRate: Piece; readonly windows: Piece; readonly errorRatio: Piece; readonly duration: Piece }[];
}

export interface RouteRow {
  readonly severity: Piece;
  readonly contactPoints: Piece;
  readonly groupWait: Piece;
  readonly groupInterval: Piece;
  readonly repeatInterval: Piece;
}

export interface ContactPointRow {
  readonly name: Piece;
  readonly type: Piece;
  readonly target: Piece;
  readonly secret: Piece;
  readonly description: Piece;
}

export interface LogQueryView {
  readonly name: Piece;
  readonly description: Piece;
  readonly query: Piece;
  readonly explore: Piece;
}

export interface TroubleshootingView {
  readonly prometheusUrl: Piece;
  readonly prometheusReady: Piece;
  readonly prometheusTargets: Piece;
  readonly prometheusDatasource: Piece;
  readonly lokiDatasource: Piece;
  readonly job: Piece;
  readonly metricsPath: Piece;
  readonly healthPaths: Piece;
  readonly upQuery: Piece;
  readonly upExplore: Piece;
  readonly absentAlerts: Piece;
  readonly scrapeInterval: Piece;
  readonly retention: Piece;
  readonly evaluationInterval: Piece;
  readonly engine: Piece;
  readonly ruleFiles: Piece;
  readonly grafanaFolder: Piece;
  readonly recordingRuleExample: Piece;
  readonly refreshes: Piece;
}

/** Node label in a Mermaid flowchart: quoted, with quotes replaced by Mermaid's entity. */
const ENGINE_TEXT = {
  prometheus: 'Prometheus alerting rules (and Loki ruler rules for log alerts), routed by Alertmanager',
  grafana: 'Grafana-managed alert rules and Grafana notification policies',
  both: 'both Prometheus alerting rules routed by Alertmanager and Grafana-managed alert rules (the same rules, one engine each, so either can page when the other is down)',
} as const;

export function setupView(model: ResolvedModel, ctx: Prose, known: { readonly promtoolTestCases?: number } = {}): SetupView {
  const s = model.service;
  const index = indexModel(model);
  const title = `${s.title} monitoring setup`;
  const prom = s.datasources.prometheus;
  const loki = s.datasources.loki;
  const alertNames = [...new Set(model.alerts.map((a) => a.name))].sort(compare);
  const grafanaLink = ctx.autolink(s.grafana.url);

  const facts: Fact[] = [
    { label: 'Service', value: code(s.name) },
    { label: 'Owning team', value: ctx.text(s.team) },
    ...(s.contact ? [{ label: 'Contact', value: ctx.text(s.contact) }] : []),
    ...(s.repository ? [{ label: 'Repository', value: link(ctx.text(s.repository), s.repository) }] : []),
    { label: 'Environment', value: inline`${code(model.environment)} (of ${model.environments.length ? join(model.environments.map(code), ', ') : code(model.environment)})` },
    { label: 'Metrics endpoint', value: inline`${code(s.metricsPath)}, Prometheus job ${code(s.job)}` },
    { label: 'Scrape interval', value: `${s.scrapeInterval} (${humanDuration(s.scrapeInterval)})` },
    { label: 'Retention', value: `${s.retention} (${humanDuration(s.retention)})` },
    { label: 'Replicas', value: String(s.replicas) },
    { label: 'Grafana', value: inline`${grafanaLink}, folder ${ctx.text(s.grafana.folder)}` },
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

  const decisions: Fragment[] = [];
  for (const m of model.metrics) {
    if (m.deprecated) {
      decisions.push(inline`${code(m.name)} is deprecated: ${ctx.proseInline(m.deprecated.reason)}${m.deprecated.replacement ? inline` Use ${code(m.deprecated.replacement)} instead.` : ''}`);
    }
  }
  for (const m of model.metrics) {
    for (const [rule, reason] of Object.entries(m.waivers).sort(([a], [b]) => compare(a, b))) {
      decisions.push(inline`${code(m.name)} keeps its name despite the ${code(rule)} check: ${ctx.proseInline(reason)}`);
    }
  }

  const smtpSettings = grafanaSmtpSettings(model);
  const prerequisites: Piece[] = [
    inline`Grafana running at ${grafanaLink}, with a folder ${ctx.text(s.grafana.folder)} and file provisioning enabled (or an API key allowed to create dashboards, alert rules and contact points).`,
    prom.provision
      ? inline`Prometheus datasource ${ctx.text(prom.name)} (uid ${code(prom.uid)}) pointing at ${code(prom.url)}, provisioned by monspec under its own name (Grafana's provisioner matches datasources by name).`
      : inline`An existing Prometheus datasource with uid ${code(prom.uid)}; monspec references it and does not provision it.`,
    ...(usesLoki(model)
      ? [
          loki.provision
            ? inline`Loki datasource ${ctx.text(loki.name)} (uid ${code(loki.uid)}) pointing at ${code(loki.url)}.`
            : inline`An existing Loki datasource with uid ${code(loki.uid)}; monspec references it and does not provision it.`,
        ]
      : []),
    ...(s.alerting.engine !== 'prometheus'
      ? [
          inline`Before provisioning ${code('grafana/provisioning/alerting/policies.yaml')}: it replaces the organisation's whole notification policy tree, not just this service's routes. Merge its routes into the existing tree instead when Grafana already routes other alerts.`,
        ]
      : []),
    // Grafana sends email only with its own [smtp] settings, which file provisioning cannot set.
    ...(s.alerting.engine !== 'prometheus' && smtpSettings ? [inline`Grafana's ${code('grafana.ini')} has an ${code('[smtp]')} section with ${join(smtpSettings.map(code), ', ')}, so its email contact points can send.`] : []),
    inline`Prometheus scrapes job ${code(s.job)} at ${code(s.metricsPath)} every ${s.scrapeInterval} and keeps ${s.retention} of data.`,
    ...(s.alerting.engine !== 'grafana' ? ['Alertmanager reachable from Prometheus (and from the Loki ruler for log alerts).'] : []),
    ...model.notifications.contactPoints
      .filter((cp) => cp.secretEnv !== undefined || cp.secretFile !== undefined)
      .map((cp) =>
        cp.secretEnv !== undefined
          ? inline`Secret for contact point ${ctx.text(cp.name)} (${contactPointType(cp)}) in the environment variable ${code(cp.secretEnv)} at deploy time.`
          : inline`Secret for contact point ${ctx.text(cp.name)} (${contactPointType(cp)}) in the file ${code(cp.secretFile ?? '')}, mounted for Alertmanager and Grafana.`,
      ),
    ...s.healthEndpoints.map((h) => inline`${code(h.path)} answers on every replica.`),
  ];

  const dashboards: DashboardView[] = model.dashboards.map((d) => ({
    title: ctx.text(d.title),
    description: ctx.prose(d.description),
    link: link(inline`Open ${ctx.text(d.title)} in Grafana`, dashboardUrl(model, d)),
    facts: [
      { label: 'UID', value: code(d.uid) },
      { label: 'Refresh', value: `every ${d.refresh}` },
      { label: 'Default time range', value: inline`${code(d.time.from)} to ${code(d.time.to)}` },
      { label: 'Time ranges offered', value: d.timeOptions.join(', ') },
      ...(d.variables.length ? [{ label: 'Variables', value: join(d.variables.map((v) => inline`${code(`$${v.name}`)} (${ctx.text(v.label)})`), ', ') }] : []),
      { label: 'Tags', value: d.tags.length ? join(d.tags.map(code), ', ') : '—' },
    ],
    panels: d.panels.map((p) => {
      const b = p.threshold ? bands(p.threshold, ctx) : undefined;
      return {
        title: cell(link(ctx.text(p.title), panelUrl(model, d, p))),
        type: p.type,
        description: cell(ctx.proseInline(p.description)),
        reads: cell(join(p.metrics.map(code), ', ')),
        bands: cell(join([b?.warning, b?.critical].filter((f) => f !== undefined), '; ')),
      };
    }),
  }));

  const groups = new Map<string, MetricRow[]>();
  for (const m of model.metrics) {
    const rows = groups.get(m.group) ?? [];
    rows.push({
      name: cell(inline`${code(m.name)}${m.deprecated ? ' (deprecated)' : ''}`),
      type: m.type,
      unit: ctx.text(m.unit),
      labels: cell(join(m.labels.map((l) => code(l.name)), ', ')),
      meaning: cell(ctx.proseInline(m.meaning)),
    });
    groups.set(m.group, rows);
  }
  const metricGroups = [...groups.entries()]
    .map(([group, rows]) => ({ key: `${groupTitle(group)} metrics`, rows }))
    .sort((a, b) => compare(a.key, b.key))
    .map(({ key, rows }) => ({ title: ctx.text(key), rows }));

  const bandRows: BandRow[] = model.thresholds.map((t) => {
    const b = bands(t, ctx);
    return {
      name: code(t.name),
      description: cell(inline`${ctx.proseInline(t.description)}${t.window ? ` Over ${t.window}.` : ''}`),
      ok: cell(b.ok ?? ''),
      warning: cell(b.warning ?? ''),
      critical: cell(b.critical ?? ''),
    };
  });

  const alerts: AlertRow[] = [...model.alerts].sort(bySeverityThenName).map((a) => ({
    name: cell(link(ctx.text(a.name), runbookDoc(a.name))),
    severity: a.severity,
    condition: cell(conditionCode(a)),
    threshold: cell(thresholdText(a, model)),
    duration: cell(durationText(a)),
    route: cell(routeFor(model, a.severity, ctx)),
    runbook: cell(link('runbook', runbookDoc(a.name))),
  }));

  const slos: SloView[] = model.slos.map((slo) => ({
    name: ctx.text(slo.name),
    description: ctx.prose(slo.description),
    objective: formatValue(slo.objective, 'ratio'),
    window: `${slo.window} (${humanDuration(slo.window)})`,
    budget: formatValue(slo.errorBudget, 'ratio'),
    alert: link(ctx.text(slo.alertName), runbookDoc(slo.alertName)),
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
    contactPoints: cell(routeFor(model, r.severity, ctx)),
    groupWait: r.groupWait ?? '—',
    groupInterval: r.groupInterval ?? '—',
    repeatInterval: r.repeatInterval ?? '—',
  }));

  const contactPoints: ContactPointRow[] = model.notifications.contactPoints.map((cp) => ({
    name: code(cp.name),
    type: contactPointType(cp),
    target: cell(join([...cp.addresses.map((a) => ctx.email(a)), ...(cp.channel ? [ctx.text(cp.channel)] : []), ...(cp.url ? [code(cp.url)] : [])], ', ')),
    secret: cp.secretEnv ? code(cp.secretEnv) : cp.secretFile ? code(cp.secretFile) : '—',
    description: cell(ctx.proseInline(cp.description)),
  }));

  const defaultName = model.notifications.defaultContactPoint;
  const defaultCp = model.notifications.contactPoints.find((c) => c.name === defaultName);
  const routingNotes: Fragment[] = [
    ...(defaultName ? [inline`Alerts that match no severity route go to ${defaultCp ? contactPointLabel(defaultCp, ctx) : ctx.text(defaultName)}.`] : []),
    ...(model.notifications.groupBy.length ? [inline`Notifications are grouped by ${join(model.notifications.groupBy.map(code), ', ')}.`] : []),
    ...model.notifications.inhibitions.map(
      (i) =>
        inline`While ${inhibitionSource(i, ctx)} fires, ${i.targetAlerts.length ? join(i.targetAlerts.map((a) => ctx.text(a)), ' and ') : inline`${code(i.target)} alerts`} with the same ${i.equal.length ? join(i.equal.map(code), ', ') : 'labels'} ${i.targetAlerts.length === 1 ? 'is' : 'are'} held back.`,
    ),
  ];

  const logSources: LogQueryView[] = model.logs.sources.map((src) => {
    const query = errorLinesQuery(src);
    return { name: ctx.text(src.name), description: ctx.prose(src.description), query: codeBlock(query, 'logql'), explore: link('Open in Grafana Explore', exploreUrl(model, 'loki', query)) };
  });
  const logPatterns: LogQueryView[] = model.logs.patterns.map((p) => {
    const src = model.logs.sources.find((x) => x.name === p.source);
    const query = `${src?.selector ?? '{}'} |~ ${JSON.stringify(p.match)}`;
    return { name: ctx.text(p.name), description: ctx.prose(p.description), query: codeBlock(query, 'logql'), explore: link('Open in Grafana Explore', exploreUrl(model, 'loki', query)) };
  });
  const logAlerts = alertNames
    .filter((n) => index.alerts(n).some((a) => a.datasource === 'loki'))
    .map((n) => {
      const a = index.alerts(n)[0];
      return inline`${link(ctx.text(n), runbookDoc(n))}: ${a ? ctx.text(a.summary) : ''}`;
    });

  const upQuery = `up{job=${quoteLabelValue(s.job)}}`;
  const absent = alertNames.filter((n) => index.alerts(n).some((a) => /\b(up|absent)\b/.test(a.expr)));
  const ruleFiles = [
    ...(s.alerting.engine !== 'grafana' ? ['prometheus/rules/recording.rules.yml', 'prometheus/rules/alerts.rules.yml'] : []),
    ...(model.alerts.some((a) => a.datasource === 'loki') ? ['loki/rules/logs.rules.yml'] : []),
    ...(s.alerting.engine !== 'prometheus' ? ['grafana/provisioning/alerting/rules.yaml'] : []),
  ];
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

  const implementation = [
    {
      title: 'Verify prerequisites',
      items: [
        inline`Prometheus scrapes ${code(s.job)}: ${code(upQuery)} is 1 for each of the ${s.replicas} replicas.`,
        usesLoki(model) ? inline`Datasources ${ctx.text(prom.name)} and ${ctx.text(loki.name)} exist in Grafana with the uids above.` : inline`Datasource ${ctx.text(prom.name)} exists in Grafana with the uid above.`,
      ],
    },
    {
      title: 'Provision dashboards',
      items: model.dashboards.map((d) => inline`${ctx.text(d.title)} (${code(`grafana/dashboards/${d.uid}.json`)}, ${count(d.panels.length, 'panel')})`),
    },
    {
      title: 'Load recording and alerting rules',
      items: [
        ...ruleFiles.map((f) => inline`${code(f)} loaded.`),
        inline`${code('monspec test')} passes (promtool rule unit tests and Alertmanager routing).`,
        ...alertNames.map((n) => inline`${link(ctx.text(n), runbookDoc(n))} loaded (${index.alerts(n).map((a) => a.severity).join(', ')}).`),
      ],
    },
    {
      title: 'Configure notifications',
      items: [
        ...model.notifications.contactPoints.map((cp) => inline`Contact point ${contactPointLabel(cp, ctx)} configured${cp.secretEnv || cp.secretFile ? inline` with ${code(cp.secretEnv ?? cp.secretFile ?? '')}` : ''}.`),
        ...model.notifications.routes.map((r) => inline`${code(r.severity)} alerts route to ${routeFor(model, r.severity, ctx)}.`),
      ],
    },
    {
      title: 'Publish documentation',
      items: [
        inline`Runbooks published${s.runbookBaseUrl ? inline` at ${ctx.autolink(s.runbookBaseUrl)}` : ''}; every alert's ${code('runbook_url')} opens its page.`,
        'Dashboard deeplinks in this guide open the provisioned dashboards.',
      ],
    },
  ];

  const verification = [
    ...model.dashboards.map((d) => inline`${ctx.text(d.title)} shows data in every panel over the last hour.`),
    inline`${code('monspec test')} passes: every alert's unit tests fire (and stay quiet) as declared${known.promtoolTestCases === undefined ? '' : ` (${count(known.promtoolTestCases, 'test case')})`}.`,
    'A test notification reaches every contact point.',
    ...(model.logs.sources.length ? ['The Loki queries in this guide return log lines for the last hour.'] : []),
    'Each runbook link in the alerts table opens its runbook.',
  ];

  return {
    title: ctx.text(title),
    service: code(s.name),
    description: ctx.prose(s.description),
    facts,
    healthEndpoints: s.healthEndpoints.map((h) => ({ label: code(h.path), value: ctx.proseInline(h.description) })),
    decisions,
    architecture: image(architectureGraph(model).title, ARCHITECTURE_IMAGE),
    serviceChanges: serviceChanges(model, ctx),
    destinations: destinations(model),
    versions: versions(model),
    prerequisites,
    grafanaUrl: grafanaLink,
    dashboards,
    metricGroups,
    bands: bandRows,
    recordingRules: model.recordingRules
      .filter((r) => r.origin === 'spec')
      .map((r) => ({ name: code(r.name), unit: r.unit, description: cell(ctx.proseInline(r.description)) })),
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
