import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { requireTools } from '@monspec/test-kit';
import { runCli, runCliAsync, tempDir } from './test-support/run-cli.js';

/** The example fleet's service built from the HTTP service library (@monspec/lib-http-service). */
const CHECKOUT = fileURLToPath(new URL('../../../examples/fleet/services/checkout', import.meta.url));
const REPO = fileURLToPath(new URL('../../..', import.meta.url));

const tools = requireTools(['promtool', 'amtool']);
const withTools = tools.skip ? it.skip : it;
if (tools.skip) console.warn(`library tests ${tools.reason}`);

describe('a service built from the HTTP service library', () => {
  it('validates with the dashboard lint and docs check, without a warning', () => {
    const r = runCli(['validate', '--spec', CHECKOUT, '--format', 'json'], REPO);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { diagnostics: { severity: string }[] };
    expect(out.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  withTools('passes promtool check and test rules, amtool check-config and route tests, and the docs checks', async () => {
    const r = await runCliAsync(['test', '--spec', CHECKOUT, '--all-envs'], REPO);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('promtool test rules');
    expect(r.stderr).toContain('amtool config routes test (critical → checkout-email)');
    expect(r.stderr).toContain('✓ all tool checks passed');
  }, 240_000);

  it("names the library's file and line and the importing line for a mistake in an override", () => {
    const root = tempDir();
    mkdirSync(join(root, '.git'));
    mkdirSync(join(root, 'lib'));
    writeFileSync(join(root, 'lib', 'lib.yaml'), 'library:\n  name: l\n  description: x\nthresholds:\n  t: { description: x, unit: ratio, critical: 2 }\n');
    mkdirSync(join(root, 'svc'));
    writeFileSync(join(root, 'svc', 'service.yaml'), 'imports:\n  - from: ../lib\nservice: { name: s, title: S, description: x, team: t, grafana: { url: https://g.example.com } }\nmetrics: {}\n');
    const r = runCli(['validate', '--spec', 'svc'], root);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('lib/lib.yaml:5:47: error Unexpected critical level 2 for ratio threshold "t"');
    expect(r.stdout).toContain('(in a library imported at service.yaml:2:11)');
  });

  it('refuses a hostile import with exit 2, the importing line and no stack trace', () => {
    const root = tempDir();
    mkdirSync(join(root, '.git'));
    mkdirSync(join(root, 'svc'));
    writeFileSync(join(root, 'svc', 'service.yaml'), "imports:\n  - from: '../../../etc'\nservice: { name: s }\n");
    const r = runCli(['validate', '--spec', 'svc'], root);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/svc\/service\.yaml:2:11: Unexpected import "\.\.\/\.\.\/\.\.\/etc" outside the repository/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
