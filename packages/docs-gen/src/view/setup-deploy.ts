/**
 * The setup guide's deployment facts, from the model: what the service must change to expose its
 * metrics as declared, where each generated file goes, and the versions the output needs.
 */
import { ALERTMANAGER_SECRET_FILES, isSafeUrl, type ResolvedModel } from '@monspec/metrics-spec';
import { type Piece, inline, join } from '../markdown/fragment.js';
import { cell, code, link } from '../markdown/inline.js';
import type { Prose } from '../markdown/prose.js';
import { ARCHITECTURE_IMAGE } from '../paths.js';
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

export function destinations(model: ResolvedModel): DestinationRow[] {
  const engine = model.service.alerting.engine;
  const prometheusEvaluates = engine !== 'grafana';
  const grafanaEvaluates = engine !== 'prometheus';
  const rows: DestinationRow[] = [
    {
      files: inline`${code('grafana/dashboards/*.json')}`,
      goesTo: inline`the dashboards provider's ${code('path')} (see ${code('grafana/provisioning/dashboards/monspec.yaml')})`,
      notes: inline`Grafana re-reads the folder by itself (the provider's ${code('updateIntervalSeconds')}).`,
    },
    {
      files: inline`${code('grafana/provisioning/dashboards/monspec.yaml')}, ${code('grafana/provisioning/datasources/monspec.yaml')}`,
      goesTo: inline`Grafana's ${code('provisioning/dashboards/')} and ${code('provisioning/datasources/')} (${link('provisioning', PROVISIONING_DOC)})`,
      notes: 'Read at Grafana start-up.',
    },
  ];
  if (grafanaEvaluates) {
    rows.push({
      files: inline`${code('grafana/provisioning/alerting/*.yaml')}`,
      goesTo: inline`Grafana's ${code('provisioning/alerting/')}`,
      notes: inline`Read at Grafana start-up; ${code('policies.yaml')} replaces the whole notification policy tree (see Prerequisites).`,
    });
  }
  if (prometheusEvaluates) {
    rows.push(
      {
        files: inline`${code('prometheus/rules/*.rules.yml')}`,
        goesTo: inline`a directory listed in Prometheus's ${code('rule_files')}`,
        notes: inline`Then reload Prometheus (${code('POST /-/reload')} or SIGHUP).`,
      },
      {
        files: inline`${code('alertmanager/alertmanager.yml')}`,
        goesTo: inline`Alertmanager's ${code('--config.file')}`,
        notes: 'Secrets are files the config names (see the contact points); mount them next to it.',
      },
    );
  } else {
    rows.push({ files: inline`${code('prometheus/rules/recording.rules.yml')}`, goesTo: inline`a directory listed in Prometheus's ${code('rule_files')}`, notes: 'Dashboards read the recording rules.' });
  }
  if (model.alerts.some((a) => a.datasource === 'loki')) {
    rows.push({
      files: inline`${code('loki/rules/logs.rules.yml')}`,
      goesTo: inline`the Loki ruler's storage, one folder per tenant: ${code('<ruler.storage.local.directory>/<tenant>/logs.rules.yml')} (${link('Loki alerting', LOKI_RULER_DOC)})`,
      notes: inline`Without multi-tenancy (${code('auth_enabled: false')}) the tenant is ${code('fake')}.`,
    });
  }
  rows.push(
    { files: inline`${code('prometheus/tests/alerts.test.yml')}`, goesTo: 'CI only', notes: inline`${code('monspec test')} runs it with ${code('promtool test rules')}; not deployed.` },
    {
      files: inline`${code('site/')}`,
      // An unsafe base URL (reported by validate) is not repeated here, not even as code.
      goesTo: model.service.runbookBaseUrl && isSafeUrl(model.service.runbookBaseUrl) ? inline`the docs host, so that ${code('runbooks/')} is served at ${code(model.service.runbookBaseUrl)}` : 'your docs host',
      notes: inline`Alerts link their runbook pages there; ${code(ARCHITECTURE_IMAGE)} is the picture in this guide.`,
    },
  );
  return rows;
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
