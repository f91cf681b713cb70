import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportError, readSpecWithLibraries } from '../node.js';
import { compileSpec } from '../pipeline.js';

/** A repository (a folder with .git) holding `files`. */
function repo(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'monspec-imports-'));
  mkdirSync(join(root, '.git'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const SERVICE = `service:
  name: demo
  title: Demo
  description: A demo service.
  team: demo-team
  grafana:
    url: https://grafana.example.com
metrics:
  demo_requests_total:
    type: counter
    unit: count
    help: Requests served.
    meaning: Requests served, by status class.
    group: request
    labels:
      code:
        description: Status class.
        values: [2xx, 5xx]
  demo_errors_total:
    type: counter
    unit: count
    help: Errors.
    meaning: Requests that failed.
    group: error
`;

/** A library of the demo spec's thresholds, rules, alert, dashboard and runbook, by dashboard uid and critical level. */
const LIBRARY = {
  'library.yaml': `library:
  name: demo-lib
  description: Error-ratio monitoring.
  params:
    dashboard: { description: Dashboard uid. }
    critical: { description: Critical error ratio., type: number, default: 0.05 }
thresholds:
  error_rate:
    description: Share of failed requests.
    unit: ratio
    warning: 1%
    critical: \${critical}
`,
  'rules.yaml': `recordingRules:
  job:demo_errors:ratio_rate5m:
    expr: sum by (job) (rate(demo_errors_total[5m])) / sum by (job) (rate(demo_requests_total[5m]))
    description: Error ratio.
    unit: ratio
alerts:
  DemoHighErrorRate:
    severity: critical
    expr: job:demo_errors:ratio_rate5m
    condition: { op: '>', threshold: error_rate.critical }
    for: 5m
    summary: Error ratio above \${threshold} for \${for}.
    description: 'Error ratio is {{ $value | humanizePercentage }}.'
    dashboard: \${dashboard}/errors
dashboards:
  \${dashboard}:
    title: Demo
    description: Demo service health.
    panels:
      errors:
        title: Error ratio
        type: timeseries
        threshold: error_rate
        queries:
          - expr: job:demo_errors:ratio_rate5m
      requests:
        title: Requests
        type: timeseries
        queries:
          - expr: sum(rate(demo_requests_total[5m]))
runbooks:
  DemoHighErrorRate:
    meaning: More than \${threshold} of requests fail.
    impact: Users see errors.
    diagnosis:
      - title: Error ratio
        promql: job:demo_errors:ratio_rate5m
    mitigation: [Roll back the last deploy.]
    escalation: [Page the demo team.]
`,
};

function prefixed(prefix: string, files: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(files).map(([k, v]) => [`${prefix}/${k}`, v]));
}

function compileAt(root: string, spec = 'svc', environment?: string) {
  return compileSpec(readSpecWithLibraries(join(root, spec)), environment ? { environment } : {});
}

function errors(result: ReturnType<typeof compileSpec>) {
  return result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.location?.file}:${d.location?.line} ${d.message}`);
}

describe('spec libraries', () => {
  it('composes a local library with its parameters, and the importing spec overrides it', () => {
    const root = repo({
      ...prefixed('libs/demo', LIBRARY),
      'svc/service.yaml': `imports:\n  - from: ../libs/demo\n    params: { dashboard: checkout, critical: 0.02 }\n${SERVICE}`,
      'svc/overrides.yaml': `alerts:\n  DemoHighErrorRate:\n    for: 10m\ndashboards:\n  checkout:\n    panels:\n      requests: null\n`,
    });
    const result = compileAt(root);
    expect(errors(result)).toEqual([]);
    const model = result.model!;
    const alert = model.alerts.find((a) => a.name === 'DemoHighErrorRate');
    expect(alert?.for).toBe('10m');
    expect(model.thresholds.find((t) => t.name === 'error_rate')?.critical).toBe(0.02);
    const dash = model.dashboards.find((d) => d.uid === 'checkout');
    expect(dash?.panels.map((p) => p.key)).toEqual(['errors']);
    expect(model.dashboards.map((d) => d.uid)).toEqual(['checkout']);
  });

  it('uses a parameter default, and changes the spec hash when a library file changes', () => {
    const files: Record<string, string> = {
      ...prefixed('libs/demo', LIBRARY),
      'svc/service.yaml': `imports:\n  - from: ../libs/demo\n    params: { dashboard: demo }\n${SERVICE}`,
    };
    const a = compileAt(repo(files));
    expect(errors(a)).toEqual([]);
    expect(a.model!.thresholds.find((t) => t.name === 'error_rate')?.critical).toBe(0.05);
    const b = compileAt(repo({ ...files, 'libs/demo/rules.yaml': files['libs/demo/rules.yaml']!.replace('for: 5m', 'for: 6m') }));
    expect(b.model!.specHash).not.toBe(a.model!.specHash);
  });

  it("applies the importing spec's environment overlays after composing", () => {
    const root = repo({
      ...prefixed('libs/demo', LIBRARY),
      'svc/service.yaml': `imports:\n  - from: ../libs/demo\n    params: { dashboard: demo }\n${SERVICE}`,
      'svc/environments.yaml': 'environments:\n  production: { description: p, default: true }\n  staging:\n    description: s\n    overlay:\n      thresholds: { error_rate: { critical: 10% } }\n',
    });
    const critical = (env: string) => compileAt(root, 'svc', env).model?.thresholds.find((t) => t.name === 'error_rate')?.critical;
    expect([critical('production'), critical('staging')]).toEqual([0.05, 0.1]);
  });

  it("names the library's file and line, and where it was imported, for a mistake inside it", () => {
    const root = repo({
      ...prefixed('libs/demo', { ...LIBRARY, 'rules.yaml': LIBRARY['rules.yaml'].replace('threshold: error_rate.critical', 'threshold: error_rat.critical') }),
      'svc/service.yaml': `imports:\n  - from: ../libs/demo\n    params: { dashboard: demo }\n${SERVICE}`,
    });
    const errs = errors(compileAt(root));
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatch(/^\.\.\/libs\/demo\/rules\.yaml:10 Unexpected threshold "error_rat"/);
    expect(errs[0]).toContain('(in a library imported at service.yaml:2:11)');
  });

  it('reports a bad override at the importing file, after composing', () => {
    const root = repo({
      ...prefixed('libs/demo', LIBRARY),
      'svc/service.yaml': `imports:\n  - from: ../libs/demo\n    params: { dashboard: demo }\n${SERVICE}alerts:\n  DemoHighErrorRate:\n    severity: loud\n`,
    });
    const errs = errors(compileAt(root));
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatch(/^service\.yaml:30 Unexpected "loud" at alerts\.DemoHighErrorRate\.severity, expected one of/);
  });

  it('refuses unknown, missing and mistyped parameters at the import', () => {
    const root = repo({
      ...prefixed('libs/demo', LIBRARY),
      'svc/service.yaml': `imports:\n  - from: ../libs/demo\n    params: { critcal: 0.1, critical: high }\n${SERVICE}`,
    });
    expect(errors(compileAt(root))).toEqual([
      'service.yaml:3 Unexpected missing parameter "dashboard" for library "demo-lib" (../libs/demo), expected it to be set',
      'service.yaml:3 Unexpected parameter "critcal" for library "demo-lib" (../libs/demo), expected one of: dashboard, critical; did you mean "critical"?',
      'service.yaml:3 Unexpected string for parameter "critical" of library "demo-lib" (../libs/demo), expected a number',
    ]);
  });

  it('composes a library that imports a library, resolved as an npm package from node_modules', () => {
    const root = repo({
      'node_modules/@acme/demo-lib/package.json': JSON.stringify({ name: '@acme/demo-lib', version: '1.2.0', monspec: { spec: 'spec' } }),
      ...prefixed('node_modules/@acme/demo-lib/spec', LIBRARY),
      'libs/wrapper/lib.yaml': `library:\n  name: wrapper\n  description: Adds the demo library.\n  params:\n    uid: { description: Dashboard uid. }\nimports:\n  - from: '@acme/demo-lib'\n    params: { dashboard: '\${uid}' }\n`,
      'svc/service.yaml': `imports:\n  - from: ../libs/wrapper\n    params: { uid: wrapped }\n${SERVICE}`,
    });
    const result = compileAt(root);
    expect(errors(result)).toEqual([]);
    expect(result.model!.dashboards.map((d) => d.uid)).toEqual(['wrapped']);
  });

  it('refuses an import cycle, naming both imports', () => {
    const lib = (name: string, other: string) => `library:\n  name: ${name}\n  description: x\nimports:\n  - from: ../${other}\n`;
    const root = repo({
      'libs/a/lib.yaml': lib('a', 'b'),
      'libs/b/lib.yaml': lib('b', 'a'),
      'svc/service.yaml': `imports:\n  - from: ../libs/a\n${SERVICE}`,
    });
    expect(errors(compileAt(root))).toEqual([
      '../libs/b/lib.yaml:5 Unexpected import cycle ../libs/a → ../libs/b → ../libs/a, expected libraries that do not import themselves (../libs/a is imported at service.yaml:2:11) (in a library imported at ../libs/a/lib.yaml:5:11)',
    ]);
  });

  it('refuses two versions of one npm library, naming both imports', () => {
    const pkg = (version: string) => JSON.stringify({ name: 'demo-lib', version, monspec: { spec: 'spec' } });
    const root = repo({
      'node_modules/demo-lib/package.json': pkg('1.0.0'),
      'node_modules/demo-lib/spec/lib.yaml': 'library:\n  name: demo-lib\n  description: x\n',
      'node_modules/other-lib/package.json': JSON.stringify({ name: 'other-lib', version: '1.0.0', monspec: { spec: 'spec' } }),
      'node_modules/other-lib/spec/lib.yaml': `library:\n  name: other-lib\n  description: x\nimports:\n  - from: demo-lib\n`,
      'node_modules/other-lib/node_modules/demo-lib/package.json': pkg('2.0.0'),
      'node_modules/other-lib/node_modules/demo-lib/spec/lib.yaml': 'library:\n  name: demo-lib\n  description: x\n',
      'svc/service.yaml': `imports:\n  - from: demo-lib\n  - from: other-lib\n${SERVICE}`,
    });
    expect(errors(compileAt(root))).toEqual([
      '../node_modules/other-lib/spec/lib.yaml:5 Unexpected version 2.0.0 of demo-lib (../node_modules/other-lib/node_modules/demo-lib/spec), expected one version per spec: 1.0.0 is imported at service.yaml:2:11 (in a library imported at service.yaml:3:11)',
    ]);
  });

  it('refuses a second import of one library', () => {
    const root = repo({
      ...prefixed('libs/demo', LIBRARY),
      'svc/service.yaml': `imports:\n  - from: ../libs/demo\n    params: { dashboard: a }\n  - from: ../libs/demo/\n    params: { dashboard: b }\n${SERVICE}`,
    });
    expect(errors(compileAt(root))).toEqual([
      'service.yaml:4 Unexpected second import of library ../libs/demo, expected each library to be imported once per spec (first imported at service.yaml:2:11)',
    ]);
  });

  it('refuses a folder without a library section', () => {
    const root = repo({ 'libs/x/a.yaml': 'thresholds: {}\n', 'svc/service.yaml': `imports:\n  - from: ../libs/x\n${SERVICE}` });
    expect(errors(compileAt(root))[0]).toMatch(/^service\.yaml:2 Unexpected import of \.\.\/libs\/x without a library section/);
  });

  describe('hostile imports are refused at the importing line before anything is read', () => {
    const refused = (root: string): ImportError => {
      try {
        readSpecWithLibraries(join(root, 'svc'));
      } catch (err) {
        expect(err).toBeInstanceOf(ImportError);
        return err as ImportError;
      }
      throw new Error('expected the import to be refused');
    };
    const svc = (from: string) => ({ 'svc/service.yaml': `imports:\n  - from: '${from}'\n${SERVICE}` });

    it('an absolute path', () => {
      const e = refused(repo(svc('/etc')));
      expect([e.file, e.line, e.reason]).toEqual(['service.yaml', 2, 'Unexpected absolute import path "/etc", expected a path relative to the importing file (./ or ../) or an npm package name']);
    });
    it('a path escaping the repository', () => {
      expect(refused(repo(svc('../../..'))).reason).toMatch(/^Unexpected import "\.\.\/\.\.\/\.\." outside the repository \(.*\), expected a library folder inside it$/);
    });
    it('a symbolic link to a folder', () => {
      const root = repo({ ...svc('../libs/link'), ...prefixed('real', LIBRARY) });
      mkdirSync(join(root, 'libs'));
      symlinkSync(join(root, 'real'), join(root, 'libs/link'));
      expect(refused(root).reason).toBe('Unexpected import "../libs/link" through a symbolic link, expected a real folder inside the repository');
    });
    it('a symbolic link to a file inside a library', () => {
      const root = repo({ ...svc('../libs/demo'), ...prefixed('libs/demo', LIBRARY), 'secret.yaml': 'x: 1\n' });
      symlinkSync(join(root, 'secret.yaml'), join(root, 'libs/demo/z.yaml'));
      expect(() => readSpecWithLibraries(join(root, 'svc'))).toThrow(/Unexpected symbolic link .*z\.yaml in a spec library/);
    });
    it('an npm package whose folder lies outside the repository', () => {
      const outside = mkdtempSync(join(tmpdir(), 'monspec-outside-'));
      writeFileSync(join(outside, 'package.json'), JSON.stringify({ name: 'evil', version: '1.0.0', monspec: { spec: '.' } }));
      const root = repo(svc('evil'));
      mkdirSync(join(root, 'node_modules'));
      symlinkSync(outside, join(root, 'node_modules/evil'));
      expect(refused(root).reason).toMatch(/^Unexpected import "evil": it resolves to .*, outside the repository, expected a package inside it$/);
    });
    it("an npm package whose spec folder leaves the package", () => {
      const root = repo({ ...svc('sneaky'), 'node_modules/sneaky/package.json': JSON.stringify({ name: 'sneaky', version: '1.0.0', monspec: { spec: '../..' } }) });
      expect(refused(root).reason).toBe('Unexpected spec folder "../.." of package sneaky, expected a folder inside the package');
    });
    it('a missing package', () => {
      expect(refused(repo(svc('nope'))).reason).toMatch(/^Unexpected import "nope": no node_modules\/nope between the spec and the repository root/);
    });
  });
});
