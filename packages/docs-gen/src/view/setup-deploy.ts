/**
 * The setup guide's deployment facts, from the model: what the service must change to expose its
 * metrics as declared, where each generated file goes, and the versions the output needs.
 */
import { ALERTMANAGER_SECRET_FILES, isSafeUrl, withRole, type ArtifactDescriptor, type ResolvedModel } from '@monspec/metrics-spec';
import { type Piece, inline, join } from '../markdown/fragment.js';
import { cell, code, link } from '../markdown/inline.js';
import type { Prose } from '../markdown/prose.js';
import { ARCHITECTURE_IMAGE, SITE_ROOT } from '../paths.js';
import { filePatterns, pathsOf } from './setup/outputs.js';
import { usesLoki } from './common.js';

export interface ServiceChangeRow {
  readonly metric: Piece;
  readonly type: Piece;
  readonly labels: Piece;
  readonly buckets: Piece;
  readonly change: Piece;
}

export interface DestinationRow {
  readonly files: Piece;
  readonly goesTo: Piece;
  readonly notes: Piece;
}

export interface VersionRow {
  readonly component: Piece;
  readonly version: Piece;
  readonly why: Piece;
}

export function serviceChanges(model: ResolvedModel, ctx: Prose): ServiceChangeRow[] {
  return model.metrics
    .filter((m) => m.serviceChange !== undefined)
    .map((m) => ({
      metric: cell(code(m.name)),
      type: m.type,
      labels: cell(join(m.labels.map((l) => (l.values ? inline`${code(l.name)} (${join(l.values.map(code), ', ')})` : inline`${code(l.name)} (at most ${l.cardinality} values)`)), '; ')),
      buckets: cell(m.buckets ? code(m.buckets.join(', ')) : ''),
      change: cell(ctx.proseInline(m.serviceChange ?? '')),
    }));
}

const PROVISIONING_DOC = 'https://grafana.com/docs/grafana/latest/administration/provisioning/';
const LOKI_RULER_DOC = 'https://grafana.com/docs/loki/latest/alert/';

/** Code spans for the guide's file patterns, comma-separated. */
function files(patterns: readonly string[]): Piece {
  return join(patterns.map(code), ', ');
}

/**
 * Where each deployed file goes, from the other generators' descriptors (`outputs`): a row per kind of
 * destination, naming the files this environment deploys there.
 */
export function destinations(model: ResolvedModel, outputs: readonly ArtifactDescriptor[]): DestinationRow[] {
  const rows: DestinationRow[] = [];
  const dashboards = filePatterns(pathsOf(outputs, ['grafana-dashboard']), true);
  const provider = pathsOf(outputs, ['grafana-dashboard-provider']);
  if (dashboards.length > 0) {
    rows.push({
      files: files(dashboards),
      goesTo: provider.length > 0 ? inline`the dashboards provider's ${code('path')} (see ${files(provider)})` : inline`the dashboards provider's ${code('path')}`,
      notes: inline`Grafana re-reads the folder by itself (the provider's ${code('updateIntervalSeconds')}).`,
    });
  }
  const provisioning = pathsOf(outputs, ['grafana-dashboard-provider', 'grafana-datasources', 'grafana-alertmanager-datasource']);
  if (provisioning.length > 0) {
    rows.push({
      files: files(provisioning),
      goesTo: inline`Grafana's ${code('provisioning/dashboards/')} and ${code('provisioning/datasources/')} (${link('provisioning', PROVISIONING_DOC)})`,
      notes: 'Read at Grafana start-up.',
    });
  }
  const alerting = pathsOf(outputs, ['grafana-alert-rules', 'grafana-contact-points', 'grafana-policies']);
  if (alerting.length > 0) {
    const policies = pathsOf(outputs, ['grafana-policies']).map((p) => p.slice(p.lastIndexOf('/') + 1));
    rows.push({
      files: files(filePatterns(alerting)),
      goesTo: inline`Grafana's ${code('provisioning/alerting/')}`,
      notes: policies.length > 0 ? inline`Read at Grafana start-up; ${files(policies)} replaces the whole notification policy tree (see Prerequisites).` : 'Read at Grafana start-up.',
    });
  }
  const alertRules = pathsOf(outputs, ['prometheus-alerting-rules']);
  const ruleFiles = pathsOf(outputs, ['prometheus-recording-rules', 'prometheus-alerting-rules']);
  if (ruleFiles.length > 0) {
    rows.push({
      files: files(filePatterns(ruleFiles)),
      goesTo: inline`a directory listed in Prometheus's ${code('rule_files')}`,
      notes: alertRules.length > 0 ? inline`Then reload Prometheus (${code('POST /-/reload')} or SIGHUP).` : 'Dashboards read the recording rules.',
    });
  }
  for (const ruler of withRole(outputs, 'ruler-rules').filter((d) => d.deployed)) rows.push(rulerDestination(ruler.subject, ruler.path));
  for (const path of pathsOf(outputs, ['alertmanager-operator-config'])) {
    rows.push({
      files: files([path]),
      goesTo: inline`the cluster: ${code(`kubectl apply -f ${path}`)} (${link('AlertmanagerConfig', ALERTMANAGER_CONFIG_DOC)})`,
      notes: inline`Create the Secret its header names first (its secrets are keys there, never values). The operator routes only alerts labelled with the object's ${code('namespace')} to it, unless the Alertmanager's ${code('alertmanagerConfigMatcherStrategy')} is ${code('None')}.`,
    });
  }
  const alertmanager = pathsOf(outputs, ['alertmanager-config']);
  if (alertmanager.length > 0) {
    rows.push({ files: files(alertmanager), goesTo: inline`Alertmanager's ${code('--config.file')}`, notes: 'Secrets are files the config names (see the contact points); mount them next to it.' });
  }
  const tenant = model.service.alerting.lokiTenant;
  for (const loki of pathsOf(outputs, ['loki-rules'])) {
    const name = loki.slice(loki.lastIndexOf('/') + 1);
    rows.push({
      files: files([loki]),
      goesTo: inline`the Loki ruler's storage, one folder per tenant: ${code(`<ruler.storage.local.directory>/${tenant ?? '<tenant>'}/${name}`)} (${link('Loki alerting', LOKI_RULER_DOC)})`,
      notes: tenant === undefined ? inline`Without multi-tenancy (${code('auth_enabled: false')}) the tenant is ${code('fake')}; set ${code('service.alerting.lokiTenant')} to name it.` : inline`The tenant is ${code(tenant)} (${code('service.alerting.lokiTenant')}), the ${code('X-Scope-OrgID')} of the log streams.`,
    });
  }
  for (const tests of pathsOf(outputs, ['promtool-tests'], true)) {
    rows.push({ files: files([tests]), goesTo: 'CI only', notes: inline`${code('monspec test')} runs it with ${code('promtool test rules')}; not deployed.` });
  }
  rows.push({
    files: inline`${code(`${SITE_ROOT}/`)}`,
    // An unsafe base URL (reported by validate) is not repeated here, not even as code.
    goesTo: model.service.runbookBaseUrl && isSafeUrl(model.service.runbookBaseUrl) ? inline`the docs host, so that ${code('runbooks/')} is served at ${code(model.service.runbookBaseUrl)}` : 'your docs host',
    notes: inline`Alerts link their runbook pages there; ${code(ARCHITECTURE_IMAGE)} is the picture in this guide.`,
  });
  return rows;
}

const MIMIRTOOL_DOC = 'https://grafana.com/docs/mimir/latest/manage/tools/mimirtool/#rules';
const THANOS_RULE_DOC = 'https://thanos.io/tip/components/rule.md/';
const ALERTMANAGER_CONFIG_DOC = 'https://prometheus-operator.dev/docs/api-reference/api/#monitoring.coreos.com/v1alpha1.AlertmanagerConfig';
const PROMETHEUS_RULE_DOC = 'https://prometheus-operator.dev/docs/api-reference/api/#monitoring.coreos.com/v1.PrometheusRule';

/** Where the file of the ruler `service.alerting.ruler` selects goes (its descriptor's subject is the ruler type). */
function rulerDestination(ruler: string | undefined, path: string): DestinationRow {
  switch (ruler) {
    case 'mimir':
      return { files: files([path]), goesTo: inline`the Mimir or Cortex ruler: ${code(`mimirtool rules load ${path}`)} (${link('mimirtool', MIMIRTOOL_DOC)})`, notes: inline`Instead of Prometheus's ${code('rule_files')}; ${code(`mimirtool rules diff ${path}`)} shows the change first.` };
    case 'thanos':
      return { files: files([path]), goesTo: inline`a file the Thanos Ruler's ${code('--rule-file')} reads (${link('Thanos Rule', THANOS_RULE_DOC)})`, notes: inline`Instead of Prometheus's ${code('rule_files')}; then reload the ruler (${code('POST /-/reload')}).` };
    default:
      return { files: files([path]), goesTo: inline`the cluster: ${code(`kubectl apply -f ${path}`)} (${link('PrometheusRule', PROMETHEUS_RULE_DOC)})`, notes: inline`Instead of Prometheus's ${code('rule_files')}; the Prometheus object's ${code('ruleSelector')} and ${code('ruleNamespaceSelector')} must match the object.` };
  }
}

/** Dotted versions compared numerically: 0.26 > 0.25 > 0.22. */
function newer(a: string, b: string): boolean {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) > (pb[i] ?? 0);
  return false;
}

export function versions(model: ResolvedModel): VersionRow[] {
  const rows: VersionRow[] = [
    {
      component: 'Grafana',
      version: '12 or later',
      why: inline`Dashboards are schemaVersion 42 JSON from the Grafana Foundation SDK, which targets Grafana 12 and 13; their ${code('timepicker.quick_ranges')} are honoured since Grafana 11.6.0.`,
    },
    { component: 'Prometheus', version: '2.42 or later', why: 'The rules and their unit tests are checked with promtool 2.42 and run on a real Prometheus 2.42 in monspec\'s CI.' },
  ];
  if (model.service.alerting.engine !== 'grafana') {
    const used = [
      ...model.notifications.contactPoints.flatMap((cp) => (cp.type !== 'email' && (cp.secretEnv !== undefined || cp.secretFile !== undefined) ? [ALERTMANAGER_SECRET_FILES[cp.type]] : [])),
      ...(model.notifications.smtp?.passwordEnv !== undefined ? [ALERTMANAGER_SECRET_FILES.smtp] : []),
    ];
    const needed = used.reduce<(typeof used)[number] | undefined>((max, u) => (max === undefined || newer(u.since, max.since) ? u : max), undefined);
    rows.push({
      component: 'Alertmanager',
      version: `${needed && newer(needed.since, '0.25') ? needed.since : '0.25'} or later`,
      why: needed
        ? inline`The config reads secrets from files (${join([...new Set(used.map((u) => u.field))].sort().map(code), ', ')}); ${code(needed.field)} needs ${needed.since}. Checked with amtool 0.25 and a real Alertmanager 0.25.`
        : 'Checked with amtool 0.25 and a real Alertmanager 0.25.',
    });
  }
  if (usesLoki(model)) rows.push({ component: 'Loki', version: '—', why: 'The LogQL is parsed with Grafana\'s LogQL grammar; no Loki server runs in monspec\'s CI.' });
  return rows;
}
