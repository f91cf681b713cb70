import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SEVERITIES } from '@monspec/metrics-spec';
import { compileSpecDir } from '@monspec/metrics-spec/node';
import { expectedReceivers, routeTestLabels } from '@monspec/alerts';
import { requireTools, toolPath } from '@monspec/test-kit';
import { spawnSync } from 'node:child_process';
import { runCli, tempDir } from './test-support/run-cli.js';

const REPO = fileURLToPath(new URL('../../..', import.meta.url));
const WORKSPACE = 'examples/fleet/monspec.workspace.yaml';
const SERVICES = ['examples/fleet/services/checkout', 'examples/fleet/services/payments', 'packages/metrics-spec/spec'];

const tools = requireTools(['amtool']);
const withTools = tools.skip ? it.skip : it;
if (tools.skip) console.warn(`fleet routing tests ${tools.reason}`);

function amtool(args: readonly string[]) {
  const r = spawnSync(toolPath('amtool') ?? 'amtool', args, { encoding: 'utf8' });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('monspec build --workspace (the example fleet)', () => {
  const out = tempDir();
  // Three services in two worker threads (the default is one per available core).
  const built = runCli(['build', '--workspace', WORKSPACE, '--out', out, '--jobs', '2'], REPO);

  it('builds every service per environment into its own folder and the org files once per environment', () => {
    expect(built.code, built.stderr).toBe(0);
    for (const env of ['production', 'staging']) {
      for (const service of ['checkout', 'payments', 'streaming-proxy']) expect(existsSync(join(out, service, env, 'manifest.json')), `${service} ${env}`).toBe(true);
      for (const f of ['alertmanager/alertmanager.yml', 'grafana/provisioning/alerting/policies.yaml', 'grafana/provisioning/dashboards/fleet.yaml', 'docs/FLEET.md', 'fleet.json', 'manifest.json']) {
        expect(existsSync(join(out, 'org', env, f)), `org ${env} ${f}`).toBe(true);
      }
    }
    const fleet = JSON.parse(readFileSync(join(out, 'org', 'production', 'fleet.json'), 'utf8')) as { services: { name: string; team: string }[] };
    expect(fleet.services.map((s) => `${s.name}/${s.team}`)).toEqual(['checkout/payments', 'payments/billing', 'streaming-proxy/tunnel-platform']);
  });

  withTools("routes every service's alerts of each severity to that service's receivers in the one merged config (amtool)", () => {
    for (const env of ['production', 'staging']) {
      const config = join(out, 'org', env, 'alertmanager', 'alertmanager.yml');
      const check = amtool(['check-config', config]);
      expect(check.code, check.out).toBe(0);
      for (const dir of SERVICES) {
        const result = compileSpecDir(join(REPO, dir), dir.includes('checkout') ? {} : { environment: env });
        const model = result.model!;
        const receivers = expectedReceivers(model);
        for (const severity of SEVERITIES) {
          const r = amtool(['config', 'routes', 'test', `--config.file=${config}`, `--verify.receivers=${receivers[severity].join(',')}`, ...routeTestLabels(model, severity)]);
          expect(r.code, `${dir} ${severity}: ${r.out}`).toBe(0);
        }
      }
      // Nothing of any service: the org's root receiver.
      const stray = amtool(['config', 'routes', 'test', `--config.file=${config}`, '--verify.receivers=org-oncall', 'severity=critical', 'service=unknown']);
      expect(stray.code, stray.out).toBe(0);
    }
  });

  it("links the fleet docs into each service's own docs", () => {
    const index = join(out, 'org', 'production', 'docs', 'FLEET.md');
    const text = readFileSync(index, 'utf8');
    expect(text).toContain('| Checkout (`checkout`) | payments | checkout_availability 99.9 % over 30d |');
    const links = [...text.matchAll(/\]\(([^)]+)\)/g)].map((m) => m[1] as string);
    expect(links.length).toBeGreaterThan(10);
    for (const link of links) expect(existsSync(resolve(dirname(index), link)), link).toBe(true);
  });

  it('puts each service’s dashboards in its team’s folder', () => {
    const providers = readFileSync(join(out, 'org', 'production', 'grafana', 'provisioning', 'dashboards', 'fleet.yaml'), 'utf8');
    expect(providers).toMatch(/folder: Payments\n\s+name: monspec-checkout/);
    expect(providers).toMatch(/folder: Tunnel\n\s+name: monspec-streaming-proxy/);
  });

  it('is up to date for --check, rewrites nothing on a second build in this process (--jobs 1), and keeps files it does not own', () => {
    writeFileSync(join(out, 'org', 'production', 'NOTES.md'), 'mine\n');
    // The same bytes whether built in worker threads or in the process (--rebuild: not reused from the first build's folders).
    const again = runCli(['build', '--workspace', WORKSPACE, '--out', out, '--jobs', '1', '--rebuild'], REPO);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain('0 file(s) written');
    expect(readFileSync(join(out, 'org', 'production', 'NOTES.md'), 'utf8')).toBe('mine\n');
    const check = runCli(['build', '--workspace', WORKSPACE, '--out', out, '--check'], REPO);
    expect(check.stdout).toContain(`extra    ${join(out, 'org', 'production', 'NOTES.md')}`);
  });

  it('never overwrites an org file monspec did not write', () => {
    const other = tempDir();
    mkdirSync(join(other, 'org', 'production', 'alertmanager'), { recursive: true });
    writeFileSync(join(other, 'org', 'production', 'alertmanager', 'alertmanager.yml'), 'route: { receiver: mine }\n');
    const r = runCli(['build', '--workspace', WORKSPACE, '--out', other], REPO);
    expect(r.code).toBe(2);
    expect(readFileSync(join(other, 'org', 'production', 'alertmanager', 'alertmanager.yml'), 'utf8')).toBe('route: { receiver: mine }\n');
  });
});

describe('monspec build --workspace refuses', () => {
  it('a --jobs that is not a count, with --workspace or without', () => {
    expect(runCli(['build', '--workspace', WORKSPACE, '--jobs', '0'], REPO).stderr).toContain('Unexpected --jobs 0, expected a whole number from 1 to 999');
    expect(runCli(['build', '--jobs', 'two'], tempDir()).stderr).toContain('Unexpected --jobs two, expected a whole number from 1 to 999');
  });

  it('a workspace file with a mistake, at its line', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'monspec.workspace.yaml'), 'services: [a]\norg:\n  name: x\n  receiver: { name: root, email: r@example.com }\n  colour: red\n');
    const r = runCli(['build', '--workspace'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('monspec.workspace.yaml:5:3: error Unexpected key "colour" in org, expected one of: name, receiver, smtp, grafana');
  });

  it('a service folder outside the repository, at its line', () => {
    const parent = tempDir();
    const dir = join(parent, 'repo');
    mkdirSync(join(dir, '.git'), { recursive: true });
    cpSync(join(REPO, 'examples/fleet/services/payments'), join(parent, 'outside'), { recursive: true });
    writeFileSync(join(dir, 'monspec.workspace.yaml'), 'org:\n  name: x\n  receiver: { name: root, email: r@example.com }\nservices:\n  - ../outside\n');
    const r = runCli(['build', '--workspace', '--out', 'out'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/monspec\.workspace\.yaml:5:5: error Unexpected service folder .*outside outside the repository/);
  });

  it("an org receiver named like a service's contact point", () => {
    const dir = tempDir();
    cpSync(join(REPO, 'examples/fleet/services/payments'), join(dir, 'services', 'a'), { recursive: true });
    writeFileSync(join(dir, 'monspec.workspace.yaml'), 'services: [services/*]\norg:\n  name: x\n  receiver: { name: payments-email, email: r@example.com }\n');
    const r = runCli(['build', '--workspace', '--out', 'out'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Unexpected org receiver name "payments-email" in monspec\.workspace\.yaml: payments has a contact point of that name \(services\/a\/notifications\.yaml:\d+:\d+\), expected a name no service uses/);
  });

  it('two versions of a workspace library in one fleet, naming both', () => {
    const dir = tempDir();
    mkdirSync(join(dir, '.git'));
    const lib = (at: string, version: string) => {
      mkdirSync(join(dir, at, 'spec'), { recursive: true });
      writeFileSync(join(dir, at, 'package.json'), JSON.stringify({ name: 'lib-x', version, monspec: { spec: 'spec' } }));
      writeFileSync(join(dir, at, 'spec', 'lib.yaml'), 'library:\n  name: x\n  description: x\n');
    };
    lib('node_modules/lib-x', '1.0.0');
    lib('services/b/node_modules/lib-x', '2.0.0');
    for (const name of ['a', 'b']) {
      cpSync(join(REPO, 'examples/fleet/services/payments'), join(dir, 'services', name), { recursive: true });
      const file = join(dir, 'services', name, 'service.yaml');
      const text = readFileSync(file, 'utf8').replace('name: payments', `name: svc${name}`);
      writeFileSync(file, `imports:\n  - from: lib-x\n${text.replace(/^#.*\n/gm, '')}`);
    }
    writeFileSync(join(dir, 'monspec.workspace.yaml'), 'services: [services/*]\nlibraries: [lib-x]\norg:\n  name: x\n  receiver: { name: root, email: r@example.com }\n');
    const r = runCli(['build', '--workspace', '--out', 'out'], dir);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/services\/b: Unexpected lib-x 2\.0\.0 \(.*services\/b\/node_modules\/lib-x\/spec\), expected the fleet's one version 1\.0\.0 \(.*node_modules\/lib-x\/spec, as monspec\.workspace\.yaml resolves it\)/);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('services that collide, naming both places, and writes nothing', () => {
    const dir = tempDir();
    cpSync(join(REPO, 'examples/fleet/services/payments'), join(dir, 'services', 'a'), { recursive: true });
    cpSync(join(REPO, 'examples/fleet/services/payments'), join(dir, 'services', 'b'), { recursive: true });
    const b = join(dir, 'services', 'b', 'service.yaml');
    writeFileSync(b, readFileSync(b, 'utf8').replace('name: payments', 'name: refunds'));
    writeFileSync(join(dir, 'monspec.workspace.yaml'), 'services: [services/*]\norg:\n  name: x\n  receiver: { name: root, email: r@example.com }\n');
    const r = runCli(['build', '--workspace', '--out', 'out'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/services\/b\/notifications\.yaml:\d+:\d+: error Unexpected receiver "payments-email" in refunds, already defined by payments; .* \(payments: services\/a\/notifications\.yaml:\d+:\d+\) \[fleet-receiver-name\]/);
    expect(r.stderr).toContain('[fleet-dashboard-uid]');
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});
