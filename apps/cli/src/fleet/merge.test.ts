import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scanTree } from '../build/tree.js';
import { runCli, tempDir } from '../test-support/run-cli.js';
import { tempFleet } from '../test-support/temp-fleet.js';

const REPO = fileURLToPath(new URL('../../../..', import.meta.url));
const WORKSPACE = 'examples/fleet/monspec.workspace.yaml';
const ENVS = ['production', 'staging'];

/** Every file below `dir` with its bytes, by relative path. */
function files(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, kind] of scanTree(dir)) if (kind === 'file') out[path] = readFileSync(join(dir, path), 'utf8');
  return out;
}

describe('the fleet entry of each service', () => {
  const out = tempDir();
  const built = runCli(['build', '--workspace', WORKSPACE, '--out', out, '--quiet'], REPO);

  it('is written into every service folder and listed in its manifest with its hash', () => {
    expect(built.code, built.stderr).toBe(0);
    for (const service of ['checkout', 'payments', 'streaming-proxy']) {
      for (const env of ENVS) {
        const dir = join(out, service, env);
        const text = readFileSync(join(dir, 'fleet-entry.json'), 'utf8');
        const entry = JSON.parse(text) as { name: string; environment: string; spec: string; files: Record<string, unknown> };
        expect([entry.name, entry.environment]).toEqual([service, env]);
        // The spec folder relative to the workspace file, whatever the working directory.
        expect(entry.spec).toBe(service === 'streaming-proxy' ? '../../packages/metrics-spec/spec' : `services/${service}`);
        expect(Object.keys(entry.files).sort()).toEqual(['alertmanager-config', 'grafana-contact-points', 'grafana-dashboard-provider', 'grafana-policies']);
        const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { artifacts: { path: string; sha256: string }[] };
        expect(manifest.artifacts.find((a) => a.path === 'fleet-entry.json')?.sha256).toBe(createHash('sha256').update(text).digest('hex'));
      }
    }
  });
});

describe('monspec build --workspace --merge', () => {
  const out = tempDir();
  const built = runCli(['build', '--workspace', WORKSPACE, '--out', out, '--quiet'], REPO);

  it('writes the org files from the built folders, byte for byte those of the one-process build, from any working directory', () => {
    expect(built.code, built.stderr).toBe(0);
    const merged = tempDir();
    for (const service of ['checkout', 'payments', 'streaming-proxy']) cpSync(join(out, service), join(merged, service), { recursive: true });
    const before = files(merged);
    // Run from the fleet's folder: the org files do not depend on where monspec runs.
    const r = runCli(['build', '--workspace', 'monspec.workspace.yaml', '--merge', '--out', merged, '--quiet'], join(REPO, 'examples/fleet'));
    expect(r.code, r.stderr).toBe(0);
    for (const env of ENVS) expect(files(join(merged, 'org', env)), env).toEqual(files(join(out, 'org', env)));
    // Nothing else is written.
    expect(readdirSync(merged).sort()).toEqual(['checkout', 'org', 'payments', 'streaming-proxy']);
    const after = files(merged);
    for (const path of Object.keys(before)) expect(after[path], path).toBe(before[path]);
  });

  it('reads the services from --from folders (a turbo layout: each service built into its own folder with --only)', () => {
    const dir = tempFleet(['svca', 'svcb']);
    for (const name of ['svca', 'svcb']) {
      const r = runCli(['build', '--workspace', 'monspec.workspace.yaml', '--only', `services/${name}`, '--out', `services/${name}/generated`, '--quiet'], dir);
      expect(r.code, r.stderr).toBe(0);
      // One service, no org files.
      expect(readdirSync(join(dir, 'services', name, 'generated'))).toEqual([name]);
    }
    const merged = runCli(['build', '--workspace', 'monspec.workspace.yaml', '--merge', '--from', 'services/*/generated', '--out', 'merged', '--quiet'], dir);
    expect(merged.code, merged.stderr).toBe(0);
    expect(readdirSync(join(dir, 'merged'))).toEqual(['org']);
    const whole = runCli(['build', '--workspace', 'monspec.workspace.yaml', '--out', 'whole', '--quiet'], dir);
    expect(whole.code, whole.stderr).toBe(0);
    for (const env of ENVS) expect(files(join(dir, 'merged', 'org', env)), env).toEqual(files(join(dir, 'whole', 'org', env)));
  });

  it('refuses a stale build (spec edited since), a hand-edited output and a missing service, naming each; writes nothing (exit 2)', () => {
    const dir = tempFleet(['svca', 'svcb', 'svcc']);
    expect(runCli(['build', '--workspace', '--out', 'out', '--quiet'], dir).code).toBe(0);
    rmSync(join(dir, 'out', 'org'), { recursive: true });
    const spec = join(dir, 'services', 'svca', 'service.yaml');
    writeFileSync(spec, readFileSync(spec, 'utf8').replace('error_ratio_critical: 5%', 'error_ratio_critical: 4%'));
    writeFileSync(join(dir, 'out', 'svcb', 'staging', 'alertmanager', 'alertmanager.yml'), 'route: { receiver: mine }\n');
    rmSync(join(dir, 'out', 'svcc', 'production'), { recursive: true });
    const r = runCli(['build', '--workspace', '--merge', '--out', 'out'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Unexpected stale build of svca at out\/svca\/production: it was built from another version of the spec \(spec hash [0-9a-f]{12}…\), expected the spec as it is now \([0-9a-f]{12}…\); run monspec build --workspace monspec\.workspace\.yaml \(or --only services\/svca\) first/);
    expect(r.stderr).toContain('Unexpected stale build of svcb at out/svcb/staging: alertmanager/alertmanager.yml differs from its manifest.json (edited after the build?), expected the bytes monspec wrote');
    expect(r.stderr).toContain('Unexpected missing build of services/svcc (production): no fleet-entry.json under out/<service>/production names it, expected its built folder');
    expect(r.stderr).not.toContain('    at ');
    expect(existsSync(join(dir, 'out', 'org'))).toBe(false);
  });

  it('refuses --only with a folder the workspace does not list, and options that do not go together', () => {
    const dir = tempFleet(['svca']);
    const r = runCli(['build', '--workspace', '--only', 'node_modules'], dir);
    expect([r.code, r.stderr.trim()]).toEqual([2, 'monspec build: Unexpected --only node_modules: it is not a service folder of monspec.workspace.yaml, expected one of: services/svca']);
    expect(runCli(['build', '--workspace', '--only', 'services/svca', '--merge'], dir).stderr).toContain('Unexpected --only together with --merge');
    expect(runCli(['build', '--workspace', '--from', 'x'], dir).stderr).toContain('Unexpected --from without --merge');
    expect(runCli(['build', '--merge'], dir).stderr).toContain('Unexpected --merge without --workspace');
  });
});
