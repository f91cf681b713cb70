import { existsSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyEmbeddedSpec, EMBEDDED_SPEC, runCli, tempDir } from './test-support/run-cli.js';

describe('monspec (top level)', () => {
  it('lists the commands with --help and exits 0', () => {
    const r = runCli(['--help'], tempDir());
    expect(r.code).toBe(0);
    for (const c of ['build', 'validate', 'test', 'diff', 'check-endpoint', 'explain', 'init', 'mcp']) expect(r.stdout).toContain(c);
  });
  it('--version prints the CLI package version', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    const r = runCli(['--version'], tempDir());
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });
  it('rejects an unknown command with exit 2', () => {
    const r = runCli(['frobnicate'], tempDir());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Unexpected command "frobnicate"');
  });
  it('every command has --help with examples', () => {
    for (const c of ['build', 'validate', 'test', 'diff', 'check-endpoint', 'explain', 'init', 'mcp']) {
      const r = runCli([c, '--help'], tempDir());
      expect(r.code, c).toBe(0);
      expect(r.stdout, c).toContain('Examples:');
    }
  });
});

describe('monspec validate', () => {
  it('accepts the embedded spec and prints a summary', () => {
    const r = runCli(['validate', '--spec', EMBEDDED_SPEC], tempDir());
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/26 metrics, \d+ alerts, 5 dashboards, \d+ panels, ~\d+ series of a 2000 budget/);
  });

  it('reports a broken spec as file:line:col with exit 1, in text, json and github formats', () => {
    const spec = copyEmbeddedSpec();
    const path = join(spec, 'thresholds.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace(/critical: 5%/, 'critical: 0.5%'));
    const text = runCli(['validate', '--spec', spec], tempDir());
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/thresholds\.yaml:\d+:\d+: error Unexpected warning level 1 % above the critical level 0\.5 % of threshold "error_rate"/);
    const json = runCli(['validate', '--spec', spec, '--format', 'json'], tempDir());
    expect(json.code).toBe(1);
    const parsed = JSON.parse(json.stdout) as { valid: boolean; diagnostics: Array<{ ruleId: string; file: string; line: number }> };
    expect(parsed.valid).toBe(false);
    expect(parsed.diagnostics[0]).toMatchObject({ ruleId: 'threshold-bands' });
    expect(parsed.diagnostics[0]?.file.endsWith('thresholds.yaml')).toBe(true);
    const gh = runCli(['validate', '--spec', spec, '--format', 'github'], tempDir());
    expect(gh.stdout).toMatch(/^::error file=.*thresholds\.yaml,line=\d+,col=\d+,title=monspec threshold-bands::Unexpected warning level/m);
  });

  it('exits 2 for usage errors: unknown flag, missing directory, unknown environment, bad format', () => {
    const cwd = tempDir();
    expect(runCli(['validate', '--nope'], cwd).code).toBe(2);
    const missing = runCli(['validate', '--spec', 'does-not-exist'], cwd);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('does-not-exist: it does not exist');
    const env = runCli(['validate', '--spec', EMBEDDED_SPEC, '--env', 'qa'], cwd);
    expect(env.code).toBe(2);
    expect(env.stderr).toContain('Unexpected environment "qa", expected one of: production, staging');
    expect(runCli(['validate', '--spec', EMBEDDED_SPEC, '--format', 'xml'], cwd).code).toBe(2);
  });

  it('an empty spec directory is a finding (exit 1), not a crash', () => {
    const r = runCli(['validate', '--spec', tempDir()], tempDir());
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Unexpected spec directory without *.yaml files');
    expect(r.stderr).not.toContain('    at ');
  });
});

describe('monspec build', () => {
  it('writes every environment with a manifest, and --check catches edits, deletions and extras', () => {
    const cwd = tempDir();
    const built = runCli(['build', '--spec', EMBEDDED_SPEC, '--all-envs', '--out', 'out'], cwd);
    expect(built.code, built.stderr).toBe(0);
    for (const env of ['production', 'staging']) {
      const manifest = JSON.parse(readFileSync(join(cwd, 'out', env, 'manifest.json'), 'utf8')) as { environment: string; specHash: string; artifacts: Array<{ path: string; sha256: string }> };
      expect(manifest.environment).toBe(env);
      expect(manifest.specHash).toMatch(/^[0-9a-f]{64}$/);
      for (const a of manifest.artifacts) expect(existsSync(join(cwd, 'out', env, a.path)), a.path).toBe(true);
    }
    expect(runCli(['build', '--spec', EMBEDDED_SPEC, '--all-envs', '--out', 'out', '--check'], cwd).code).toBe(0);

    const manifestPath = join(cwd, 'out', 'production', 'manifest.json');
    writeFileSync(manifestPath, readFileSync(manifestPath, 'utf8') + ' ');
    const stale = runCli(['build', '--spec', EMBEDDED_SPEC, '--all-envs', '--out', 'out', '--check'], cwd);
    expect(stale.code).toBe(1);
    expect(stale.stdout).toContain(`stale    ${manifestPath}`);

    unlinkSync(manifestPath);
    writeFileSync(join(cwd, 'out', 'staging', 'hand-made.txt'), 'x');
    const missing = runCli(['build', '--spec', EMBEDDED_SPEC, '--all-envs', '--out', 'out', '--check'], cwd);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain(`missing  ${manifestPath}`);
    expect(missing.stdout).toContain('extra    ');
  });

  it('is deterministic: two builds give the same bytes', () => {
    const cwd = tempDir();
    expect(runCli(['build', '--spec', EMBEDDED_SPEC, '--out', 'a'], cwd).code).toBe(0);
    expect(runCli(['build', '--spec', EMBEDDED_SPEC, '--out', 'b'], cwd).code).toBe(0);
    const a = readFileSync(join(cwd, 'a', 'production', 'manifest.json'), 'utf8');
    const b = readFileSync(join(cwd, 'b', 'production', 'manifest.json'), 'utf8');
    expect(a).toBe(b);
  });

  it('a failed build leaves the previous output untouched', () => {
    const cwd = tempDir();
    const spec = copyEmbeddedSpec();
    expect(runCli(['build', '--spec', spec, '--out', 'out'], cwd).code).toBe(0);
    const before = readFileSync(join(cwd, 'out', 'production', 'manifest.json'), 'utf8');
    writeFileSync(join(spec, 'metrics.yaml'), 'metrics:\n  broken: [\n');
    const failed = runCli(['build', '--spec', spec, '--out', 'out'], cwd);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/metrics\.yaml:\d+:\d+: error Unexpected YAML syntax/);
    expect(readFileSync(join(cwd, 'out', 'production', 'manifest.json'), 'utf8')).toBe(before);
    rmSync(spec, { recursive: true, force: true });
  });

  it('rejects contradictory flags with exit 2', () => {
    expect(runCli(['build', '--spec', EMBEDDED_SPEC, '--env', 'staging', '--all-envs'], tempDir()).code).toBe(2);
    expect(runCli(['build', '--spec', EMBEDDED_SPEC, '--check', '--watch'], tempDir()).code).toBe(2);
  });
});

describe('monspec diff', () => {
  it('summarises a threshold change for review', () => {
    const spec = copyEmbeddedSpec();
    const path = join(spec, 'thresholds.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace(/critical: 5%/, 'critical: 3%'));
    const md = runCli(['diff', copyEmbeddedSpec(), '--spec', spec], tempDir());
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout).toContain('### Thresholds');
    expect(md.stdout).toContain('`error_rate`: critical: 5 % → 3 %');
    expect(md.stdout).toContain('### Alerts');
    expect(md.stdout).toMatch(/`HighErrorRate`[\s\S]*threshold: 5 % → 3 %/);
    const json = runCli(['diff', copyEmbeddedSpec(), '--spec', spec, '--format', 'json'], tempDir());
    const parsed = JSON.parse(json.stdout) as { changes: Array<{ subject: string; name: string; kind: string }> };
    expect(parsed.changes).toContainEqual(expect.objectContaining({ subject: 'threshold', name: 'error_rate', kind: 'changed' }));
  });

  it('says so when nothing changed', () => {
    const r = runCli(['diff', copyEmbeddedSpec(), '--spec', EMBEDDED_SPEC], tempDir());
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No semantic changes');
  });
});

describe('monspec explain', () => {
  it('explains a metric and an alert, and rejects unknown names', () => {
    const metric = runCli(['explain', 'tunnel_active_connections', '--spec', EMBEDDED_SPEC], tempDir());
    expect(metric.code).toBe(0);
    expect(metric.stdout).toContain('tunnel_active_connections (metric)');
    expect(metric.stdout).toContain('Normal range: active_connections');
    expect(metric.stdout).toContain('https://grafana.cloudtolocalllm.online/');
    const alert = runCli(['explain', 'HighErrorRate', '--spec', EMBEDDED_SPEC, '--format', 'json'], tempDir());
    expect(alert.code).toBe(0);
    expect(JSON.parse(alert.stdout)).toMatchObject({ kind: 'alert', name: 'HighErrorRate' });
    const unknown = runCli(['explain', 'tunnel_nothing', '--spec', EMBEDDED_SPEC], tempDir());
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Unexpected name "tunnel_nothing"');
  });

  it('explains an SLO and a panel (DASHBOARD/PANEL), the names the MCP server explains too', () => {
    const slo = runCli(['explain', 'request_success', '--spec', EMBEDDED_SPEC, '--format', 'json'], tempDir());
    expect(slo.code, slo.stderr).toBe(0);
    expect(JSON.parse(slo.stdout)).toMatchObject({ kind: 'slo', name: 'request_success', burn_rate_alerts: expect.arrayContaining([expect.stringContaining('RequestSuccessBudgetBurn critical')]) });
    const panel = runCli(['explain', 'tunnel-health/error_rate', '--spec', EMBEDDED_SPEC], tempDir());
    expect(panel.code, panel.stderr).toBe(0);
    expect(panel.stdout).toContain('tunnel-health/error_rate (panel)');
    expect(panel.stdout).toMatch(/Alerts linking here:\n {2}- HighErrorRate/);
    const typo = runCli(['explain', 'tunnel-health/eror_rate', '--spec', EMBEDDED_SPEC], tempDir());
    expect(typo.code).toBe(1);
    expect(typo.stderr).toContain('did you mean "tunnel-health/error_rate"?');
  });

  it('lists as users only the expressions that read the name as a series, not ones that mention it in a string or a log query', () => {
    const spec = copyEmbeddedSpec();
    writeFileSync(
      join(spec, 'mentions.yaml'),
      [
        'dashboards:',
        '  mentions:',
        '    title: Mentions',
        '    description: Queries that mention tunnel_active_connections without reading it.',
        '    panels:',
        '      relabelled:',
        '        title: Relabelled requests',
        '        type: timeseries',
        '        unit: requests_per_second',
        '        queries:',
        `          - expr: 'label_replace(sum(rate(tunnel_requests_total[$__rate_interval])), "about", "tunnel_active_connections", "", "")'`,
        '      logged:',
        '        title: Connection log lines',
        '        type: logs',
        '        description: Log lines that name the metric.',
        '        queries:',
        `          - expr: '{app="streaming-proxy"} |= "tunnel_active_connections"'`,
        '            datasource: loki',
        '      direct:',
        '        title: Connections',
        '        type: timeseries',
        '        unit: count',
        '        queries:',
        '          - expr: sum(tunnel_active_connections)',
        '',
      ].join('\n'),
    );
    const r = runCli(['explain', 'tunnel_active_connections', '--spec', spec, '--format', 'json'], tempDir());
    expect(r.code, r.stderr).toBe(0);
    const usedBy = (JSON.parse(r.stdout) as { used_by: string[] }).used_by;
    expect(usedBy.some((u) => u.startsWith('panel Mentions › Connections:'))).toBe(true);
    expect(usedBy.filter((u) => u.startsWith('panel Mentions'))).toHaveLength(1);
    const requests = JSON.parse(runCli(['explain', 'tunnel_requests_total', '--spec', spec, '--format', 'json'], tempDir()).stdout) as { used_by: string[] };
    expect(requests.used_by.some((u) => u.startsWith('panel Mentions › Relabelled requests:'))).toBe(true);
  });
});

describe('monspec init', () => {
  it('writes a starter spec that validates and builds', () => {
    const cwd = tempDir();
    const init = runCli(['init', 'monitoring', '--service', 'checkout'], cwd);
    expect(init.code, init.stderr).toBe(0);
    const validate = runCli(['validate', '--spec', 'monitoring'], cwd);
    expect(validate.code, validate.stdout + validate.stderr).toBe(0);
    expect(validate.stdout).toBe('');
    const build = runCli(['build', '--spec', 'monitoring', '--all-envs', '--out', 'out'], cwd);
    expect(build.code, build.stderr).toBe(0);
    expect(runCli(['init', 'monitoring'], cwd).code).toBe(2);
  });
});

describe('monspec build with spec prose that breaks the generated docs', () => {
  it('reports the docs findings as findings (exit 1) and writes nothing', () => {
    const cwd = tempDir();
    const spec = copyEmbeddedSpec();
    const path = join(spec, 'runbooks.yaml');
    // A Markdown link to a page that does not exist: the docs' link check must catch it.
    writeFileSync(path, readFileSync(path, 'utf8').replace(/^(\s+impact: >-\n)(\s+)/m, (_m, key: string, indent: string) => `${key}${indent}See [the old guide](missing-page.md#nowhere).\n${indent}`));
    const r = runCli(['build', '--spec', spec, '--out', 'out'], cwd);
    expect(r.stderr).not.toContain('internal error');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('the generated docs have findings');
    expect(existsSync(join(cwd, 'out'))).toBe(false);
  });
});
