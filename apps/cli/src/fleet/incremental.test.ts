import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanTree } from '../build/tree.js';
import { runCli } from '../test-support/run-cli.js';
import { tempFleet } from '../test-support/temp-fleet.js';

/** Every file below `dir` with its bytes, by relative path (the writer's bookkeeping skipped). */
function files(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, kind] of scanTree(dir)) if (kind === 'file') out[path] = readFileSync(join(dir, path), 'utf8');
  return out;
}

function build(dir: string, out: string, ...extra: string[]) {
  const r = runCli(['build', '--workspace', '--out', out, '--jobs', '1', ...extra], dir);
  expect(r.code, r.stderr).toBe(0);
  return r.stderr;
}

describe('monspec build --workspace reuses unchanged services', () => {
  const dir = tempFleet(['svca', 'svcb', 'svcc']);
  const spec = join(dir, 'services', 'svcb', 'service.yaml');

  it('generates only the edited service, with the bytes of a cold build', () => {
    expect(build(dir, 'out')).toContain('production: 3 services (3 generated, 0 reused from their built folders)');
    writeFileSync(spec, readFileSync(spec, 'utf8').replace('error_ratio_critical: 5%', 'error_ratio_critical: 3%'));
    expect(build(dir, 'out')).toContain('production: 3 services (1 generated, 2 reused from their built folders)');
    expect(build(dir, 'cold', '--rebuild')).toContain('production: 3 services (3 generated, 0 reused from their built folders)');
    const incremental = files(join(dir, 'out'));
    expect(incremental['org/production/alertmanager/alertmanager.yml']).toContain('svcb');
    expect(incremental).toEqual(files(join(dir, 'cold')));
  });

  it('generates a service again when a file of its folder was edited by hand, or its library changed', () => {
    const edited = join(dir, 'out', 'svcc', 'production', 'prometheus', 'rules', 'alerts.rules.yml');
    const bytes = readFileSync(edited, 'utf8');
    writeFileSync(edited, `${bytes}# mine\n`);
    expect(build(dir, 'out')).toContain('production: 3 services (1 generated, 2 reused from their built folders)');
    expect(readFileSync(edited, 'utf8')).toBe(bytes);
    const library = join(dir, 'node_modules', '@monspec', 'lib-http-service', 'spec', 'alerts.yaml');
    writeFileSync(library, `${readFileSync(library, 'utf8')}# a comment changes the library's bytes\n`);
    expect(build(dir, 'out')).toContain('production: 3 services (3 generated, 0 reused from their built folders)');
  });
});
