/**
 * The ruler outputs (service.alerting.ruler, service.alerting.lokiTenant), each against its documented
 * format: mimirtool's rules file (https://grafana.com/docs/mimir/latest/manage/tools/mimirtool/#rules),
 * the Thanos Ruler's partial_response_strategy (https://thanos.io/tip/components/rule.md/#partial-response),
 * the Prometheus Operator's PrometheusRule and AlertmanagerConfig
 * (https://prometheus-operator.dev/docs/api-reference/api/), and the Loki ruler's local storage layout
 * (https://grafana.com/docs/loki/latest/configure/#ruler_storage: one folder per tenant); then the same
 * groups and routing as the files promtool and amtool already check, and promtool on each file's groups.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compileSpec, EMBEDDED_SPEC_DIR, quoteLabelValue, type Artifact, type ResolvedModel } from '@monspec/metrics-spec';
import { readSpecDir } from '@monspec/metrics-spec/node';
import { compiledModel, DEMO_SPEC, requireTools, writeFiles, type SpecFile } from '@monspec/test-kit';
import { generate, lokiRulesGenerator, rulersGenerator } from '../index.js';
import { runRulerChecks } from '../tools/index.js';

/** `files` with one more environment, `ruled`, whose overlay sets `service.alerting` to `alerting` (YAML flow). */
function ruled(files: readonly SpecFile[], alerting: string): ResolvedModel {
  const overlay = `environments:\n  ruled:\n    description: With another ruler.\n    overlay:\n      service:\n        alerting: ${alerting}\n`;
  const edited = files.map((f) => (/^environments:\n/m.test(f.text) ? { path: f.path, text: f.text.replace(/^environments:\n/m, overlay) } : f));
  expect(edited).not.toEqual(files);
  return compiledModel(compileSpec, edited, 'ruled');
}

const EMBEDDED = readSpecDir(EMBEDDED_SPEC_DIR);
const SPECS = [
  ['embedded', EMBEDDED],
  ['demo', DEMO_SPEC],
] as const;

function all(model: ResolvedModel): Artifact[] {
  return [...generate(model), ...lokiRulesGenerator.generate(model), ...rulersGenerator.generate(model)];
}

function file(artifacts: readonly Artifact[], path: string): Artifact {
  const a = artifacts.find((x) => x.path === path);
  if (!a) throw new Error(`no ${path} among ${artifacts.map((x) => x.path).join(', ')}`);
  return a;
}

function data(artifacts: readonly Artifact[], path: string): Record<string, unknown> {
  return parse(file(artifacts, path).content) as Record<string, unknown>;
}

/** The groups of prometheus/rules, as promtool checks them. */
function ruleFileGroups(artifacts: readonly Artifact[]): unknown[] {
  return ['prometheus/rules/recording.rules.yml', 'prometheus/rules/alerts.rules.yml'].flatMap((p) => (data(artifacts, p).groups as unknown[]) ?? []);
}

describe.each(SPECS)('the %s spec with another ruler', (_, files) => {
  const service = ruled(files, '{ engine: prometheus }').service.name;

  it('mimir: a mimirtool rules file, namespace and groups only, with the groups of prometheus/rules', () => {
    const artifacts = all(ruled(files, '{ ruler: { type: mimir } }'));
    const mimir = data(artifacts, `rulers/mimir/monspec-${service}.yaml`);
    expect(Object.keys(mimir)).toEqual(['namespace', 'groups']);
    expect(mimir.namespace).toBe(`monspec-${service}`);
    expect(mimir.groups).toEqual(ruleFileGroups(artifacts));
    // The namespace option names the file and the namespace.
    const custom = all(ruled(files, '{ ruler: { type: mimir, namespace: team.tunnel } }'));
    expect(data(custom, 'rulers/mimir/team.tunnel.yaml').namespace).toBe('team.tunnel');
  });

  it('thanos: every group carries partial_response_strategy (abort unless set), otherwise the groups of prometheus/rules', () => {
    for (const [yaml, strategy] of [
      ['{ ruler: { type: thanos } }', 'abort'],
      ['{ ruler: { type: thanos, partialResponseStrategy: warn } }', 'warn'],
    ] as const) {
      const artifacts = all(ruled(files, yaml));
      const groups = data(artifacts, `rulers/thanos/${service}.rules.yml`).groups as Array<Record<string, unknown>>;
      expect(groups.map((g) => g.partial_response_strategy)).toEqual(groups.map(() => strategy));
      expect(groups.map(({ partial_response_strategy: _, ...g }) => g)).toEqual(ruleFileGroups(artifacts));
    }
  });

  it('prometheus-operator: a PrometheusRule with a DNS-subdomain name, its namespace and labels, and the groups in spec.groups', () => {
    const artifacts = all(ruled(files, '{ ruler: { type: prometheus-operator, kubernetesNamespace: observability, labels: { release: kube-prometheus } } }'));
    const rule = data(artifacts, `rulers/kubernetes/${service}.prometheusrule.yaml`);
    expect(rule.apiVersion).toBe('monitoring.coreos.com/v1');
    expect(rule.kind).toBe('PrometheusRule');
    const metadata = rule.metadata as { name: string; namespace: string; labels: Record<string, string> };
    expect(metadata.name).toMatch(/^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/);
    expect(metadata).toMatchObject({ namespace: 'observability', labels: { release: 'kube-prometheus' } });
    expect((rule.spec as { groups: unknown }).groups).toEqual(ruleFileGroups(artifacts));
  });

  it("prometheus-operator: an AlertmanagerConfig with alertmanager.yml's route tree, inhibitions and receivers, secrets as Secret keys", () => {
    const model = ruled(files, '{ ruler: { type: prometheus-operator } }');
    const artifacts = all(model);
    const crd = data(artifacts, `rulers/kubernetes/${service}.alertmanagerconfig.yaml`);
    expect(crd).toMatchObject({ apiVersion: 'monitoring.coreos.com/v1alpha1', kind: 'AlertmanagerConfig', metadata: { name: service, namespace: 'monitoring' } });
    const am = data(artifacts, 'alertmanager/alertmanager.yml') as { route: unknown; inhibit_rules: Array<Record<string, unknown>>; receivers: Array<{ name: string }> };
    type CrdMatcher = { name: string; value: string; matchType: string };
    type CrdRoute = { receiver: string; groupBy?: string[]; matchers?: CrdMatcher[]; groupWait?: string; groupInterval?: string; repeatInterval?: string; continue?: boolean; routes?: CrdRoute[] };
    const text = (ms: readonly CrdMatcher[]) => ms.map((m) => `${m.name}${m.matchType}${quoteLabelValue(m.value)}`);
    // The CRD's route, spelt as alertmanager.yml spells it: the two must be the same tree.
    const asConfig = (r: CrdRoute): Record<string, unknown> => ({
      receiver: r.receiver,
      ...(r.groupBy ? { group_by: r.groupBy } : {}),
      ...(r.matchers ? { matchers: text(r.matchers) } : {}),
      ...(r.groupWait ? { group_wait: r.groupWait } : {}),
      ...(r.groupInterval ? { group_interval: r.groupInterval } : {}),
      ...(r.repeatInterval ? { repeat_interval: r.repeatInterval } : {}),
      ...(r.continue ? { continue: true } : {}),
      ...(r.routes ? { routes: r.routes.map(asConfig) } : {}),
    });
    const spec = crd.spec as { route: CrdRoute; inhibitRules: Array<{ sourceMatch: CrdMatcher[]; targetMatch: CrdMatcher[]; equal: string[] }>; receivers: Array<Record<string, unknown>> };
    expect(asConfig(spec.route)).toEqual(am.route);
    expect(spec.inhibitRules.map((i) => ({ source_matchers: text(i.sourceMatch), target_matchers: text(i.targetMatch), equal: i.equal }))).toEqual(am.inhibit_rules);
    expect(spec.receivers.map((r) => r.name)).toEqual(am.receivers.map((r) => r.name));
    // Every route's receiver is one of the object's receivers (the operator refuses the object otherwise).
    const names = new Set(spec.receivers.map((r) => r.name));
    const receiversOf = (r: CrdRoute): string[] => [r.receiver, ...(r.routes ?? []).flatMap(receiversOf)];
    for (const r of receiversOf(spec.route)) expect(names).toContain(r);
    // Secrets are SecretKeySelectors of the one Secret, with keys a Secret allows; no value is written.
    const content = file(artifacts, `rulers/kubernetes/${service}.alertmanagerconfig.yaml`).content;
    const selectors = [...content.matchAll(/\n\s+(?:apiURL|routingKey|authPassword|credentials):\n\s+name: (\S+)\n\s+key: (\S+)/g)];
    if (model.notifications.contactPoints.some((cp) => cp.type === 'slack' || cp.type === 'pagerduty')) expect(selectors.length).toBeGreaterThan(0);
    for (const [, name, key] of selectors) {
      expect(name).toBe(`${service}-alertmanager`);
      expect(key).toMatch(/^[-._a-zA-Z0-9]+$/);
    }
    expect(content).not.toMatch(/api_url|_file:|hooks\.slack\.com/);
  });

  it('marks prometheus/rules (and with the operator alertmanager.yml) "Deploy: no" and the ruler file "Deploy: yes"; the default ruler writes nothing under rulers/', () => {
    for (const type of ['mimir', 'thanos', 'prometheus-operator']) {
      const artifacts = all(ruled(files, `{ ruler: { type: ${type} } }`));
      const deployed = (path: string) => file(artifacts, path).deployed;
      expect(deployed('prometheus/rules/recording.rules.yml'), type).toBe(false);
      expect(deployed('prometheus/rules/alerts.rules.yml'), type).toBe(false);
      expect(deployed('alertmanager/alertmanager.yml'), type).toBe(type !== 'prometheus-operator');
      const rulers = artifacts.filter((a) => a.path.startsWith('rulers/'));
      expect(rulers.length, type).toBe(type === 'prometheus-operator' ? 2 : 1);
      for (const a of rulers) expect(a.deployed, a.path).toBe(true);
      expect(rulersGenerator.describe(ruled(files, `{ ruler: { type: ${type} } }`))).toEqual(rulers.map(({ content: _, ...d }) => d));
    }
    const plain = all(ruled(files, '{ ruler: { type: prometheus } }'));
    expect(plain.filter((a) => a.path.startsWith('rulers/'))).toEqual([]);
    expect(file(plain, 'prometheus/rules/recording.rules.yml').deployed).toBe(true);
  });

  it('with engine grafana the ruler evaluates the recording rules only (Grafana evaluates the alerts)', () => {
    const artifacts = all(ruled(files, '{ engine: grafana, ruler: { type: mimir } }'));
    const groups = data(artifacts, `rulers/mimir/monspec-${service}.yaml`).groups as Array<{ rules: Array<Record<string, unknown>> }>;
    expect(groups.length).toBeGreaterThan(0);
    for (const g of groups) for (const r of g.rules) expect(Object.keys(r)).toContain('record');
  });

  it("lokiTenant puts the Loki rules in the tenant's folder, the Loki ruler's local storage layout", () => {
    const artifacts = all(ruled(files, '{ lokiTenant: tunnel-team }'));
    const loki = artifacts.filter((a) => a.role === 'loki-rules').map((a) => a.path);
    expect(loki).toEqual(['loki/rules/tunnel-team/logs.rules.yml']);
  });
});

const tools = requireTools(['promtool']);
// promtool runs synchronously: let the worker answer vitest's RPC between tests.
afterEach(() => new Promise<void>((resolve) => setImmediate(resolve)));

describe.skipIf(tools.skip)(`promtool on each ruler file's groups (monspec test) ${tools.reason}`, () => {
  it.each(['{ type: mimir }', '{ type: thanos }', '{ type: prometheus-operator }'])('%s: the groups pass promtool check rules, and a broken rule in the file fails it', (ruler) => {
    const model = ruled(EMBEDDED, `{ ruler: ${ruler} }`);
    const artifacts = all(model);
    const results = runRulerChecks(writeFiles(artifacts), model);
    expect(results).toHaveLength(1);
    expect(results[0]?.ok, results[0]?.output).toBe(true);
    expect(results[0]?.output).toMatch(/SUCCESS: \d+ rules found/);
    const broken = artifacts.map((a) => (a.path.startsWith('rulers/') && a.role === 'ruler-rules' ? { ...a, content: a.content.replace(/expr: /, 'expr: sum(( ') } : a));
    const failed = runRulerChecks(writeFiles(broken), model);
    expect(failed[0]?.ok).toBe(false);
    expect(failed[0]?.output).toMatch(/parse error|unclosed|unexpected/i);
  });
});

describe('a tenant or namespace that would leave its folder', () => {
  it.each(['lokiTenant: ".."', 'lokiTenant: "a/b"', 'ruler: { type: mimir, namespace: "../x" }'])('%s is a schema error at its line, and nothing is generated', (setting) => {
    const overlay = `environments:\n  ruled:\n    description: x\n    overlay:\n      service:\n        alerting: { ${setting} }\n`;
    const files = DEMO_SPEC.map((f) => (/^environments:\n/m.test(f.text) ? { path: f.path, text: f.text.replace(/^environments:\n/m, overlay) } : f));
    const result = compileSpec(files, { environment: 'ruled' });
    expect(result.model).toBeUndefined();
    expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.location?.file}:${d.location?.line} ${d.message}`)).toEqual([expect.stringMatching(/^service\.yaml:\d+ Unexpected .* at service\.alerting\.(lokiTenant|ruler\.namespace), expected a (Loki tenant ID|ruler namespace) such as/)]);
  });
});
