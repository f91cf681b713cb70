import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readSpecWithLibraries } from '@monspec/metrics-spec/node';
import { scanTree } from '../build/tree.js';
import { runCli } from '../test-support/run-cli.js';
import { tempFleet } from '../test-support/temp-fleet.js';

/** The repository's own turbo (root devDependency), run on the temporary fleet. */
const TURBO = fileURLToPath(new URL('../../../../node_modules/.bin/turbo', import.meta.url));
const REPO = fileURLToPath(new URL('../../../..', import.meta.url));
const SERVICES = ['svca', 'svcb', 'svcc'];

function turbo(dir: string, ...args: string[]) {
  const r = spawnSync(TURBO, ['run', 'build', ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', TURBO_NO_UPDATE_NOTIFIER: '1', NO_COLOR: '1' }, timeout: 300_000 });
  expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
  return r.stdout;
}

/** Each task's cache status as `turbo run build --dry=json` predicts it. */
function dryRun(dir: string): Record<string, string> {
  const plan = JSON.parse(turbo(dir, '--dry=json')) as { tasks: { taskId: string; cache: { status: string } }[] };
  return Object.fromEntries(plan.tasks.map((t) => [t.taskId, t.cache.status]));
}

function files(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, kind] of scanTree(dir)) if (kind === 'file') out[path] = readFileSync(join(dir, path), 'utf8');
  return out;
}

describe('the turbo layout (a package per service with --only, an org package with --merge)', () => {
  const dir = tempFleet(SERVICES, { turbo: true });

  it('rebuilds the edited service and the merge only, and merges the org files of a one-process build', { timeout: 300_000 }, () => {
    turbo(dir);
    expect(dryRun(dir)).toEqual({ 'org#build': 'HIT', 'svca#build': 'HIT', 'svcb#build': 'HIT', 'svcc#build': 'HIT' });
    const spec = join(dir, 'services', 'svcb', 'service.yaml');
    writeFileSync(spec, readFileSync(spec, 'utf8').replace('error_ratio_critical: 5%', 'error_ratio_critical: 3%'));
    expect(dryRun(dir)).toEqual({ 'org#build': 'MISS', 'svca#build': 'HIT', 'svcb#build': 'MISS', 'svcc#build': 'HIT' });
    turbo(dir);
    const whole = runCli(['build', '--workspace', '--out', 'whole', '--quiet'], dir);
    expect(whole.code, whole.stderr).toBe(0);
    const merged = files(join(dir, 'org', 'generated', 'org'));
    expect(merged['production/alertmanager/alertmanager.yml']).toContain('svcb');
    expect(merged).toEqual(files(join(dir, 'whole', 'org')));
  });

  it("invalidates every service when the library's spec changes", () => {
    const library = join(dir, 'node_modules', '@monspec', 'lib-http-service', 'spec', 'alerts.yaml');
    writeFileSync(library, `${readFileSync(library, 'utf8')}# a comment changes the library's bytes\n`);
    expect(dryRun(dir)).toEqual({ 'org#build': 'MISS', 'svca#build': 'MISS', 'svcb#build': 'MISS', 'svcc#build': 'MISS' });
  });
});

describe("the example fleet's turbo layout", () => {
  it("lists every file each service's build reads (its spec and its libraries') and the workspace file among its turbo inputs", () => {
    const plan = JSON.parse(turbo(REPO, "--filter=@example-fleet/*", '--dry=json')) as { tasks: { taskId: string; directory: string; inputs: Record<string, string> }[] };
    const services = readdirSync(join(REPO, 'examples/fleet/services'));
    expect(services.sort()).toEqual(['checkout', 'payments', 'tunnel']);
    for (const service of services) {
      const dir = join(REPO, 'examples/fleet/services', service);
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string; scripts: { build: string } };
      const only = / --only (\S+) /.exec(pkg.scripts.build)?.[1];
      expect(only, pkg.scripts.build).toBeDefined();
      const task = plan.tasks.find((t) => t.taskId === `${pkg.name}#build`);
      expect(task, pkg.name).toBeDefined();
      const inputs = new Set(Object.keys(task?.inputs ?? {}).map((p) => resolve(REPO, task?.directory ?? '', p)));
      const specDir = resolve(dir, only as string);
      const read = readSpecWithLibraries(specDir).map((f) => resolve(specDir, f.path));
      for (const file of [...read, join(REPO, 'examples/fleet/monspec.workspace.yaml')]) expect(inputs.has(file), `${pkg.name}: ${file}`).toBe(true);
    }
  });
});
