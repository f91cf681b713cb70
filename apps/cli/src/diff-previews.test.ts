/**
 * `monspec diff --previews DIR`: before/after pictures of every dashboard the change touches, written
 * into DIR and shown in the Markdown; the pictures themselves show the change (read from the SVG's
 * elements, not from the spec).
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileSpecDir } from '@monspec/metrics-spec/node';
import { copyEmbeddedSpec, runCli, tempDir } from './test-support/run-cli.js';

/** The threshold lines of one panel in a preview SVG: [value, colour]. */
function thresholdLines(svg: string, panel: string): string[][] {
  const start = svg.indexOf(`<g data-panel="${panel}"`);
  const end = svg.indexOf('<g data-panel="', start + 1);
  const part = svg.slice(start, end < 0 ? undefined : end);
  return [...part.matchAll(/data-role="threshold"[^>]* data-value="([^"]+)" data-colour="([^"]+)"/g)].map((m) => [m[1] ?? '', m[2] ?? '']);
}

describe('monspec diff --previews', () => {
  it('a threshold change: before/after pictures of exactly the dashboards whose panels use it, linked from the Markdown', () => {
    const base = copyEmbeddedSpec();
    const spec = copyEmbeddedSpec();
    const path = join(spec, 'thresholds.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace(/critical: 5%/, 'critical: 3%'));
    const model = compileSpecDir(spec).model;
    if (!model) throw new Error('the edited spec compiles');
    const touched = model.dashboards.filter((d) => d.panels.some((p) => p.threshold?.name === 'error_rate')).map((d) => d.uid);
    expect(touched).toContain('tunnel-health');
    const cwd = tempDir();
    const r = runCli(['diff', base, '--spec', spec, '--previews', 'pics', '--previews-url', 'https://ci.example.com/run/1/pics/'], cwd);
    expect(r.code, r.stderr).toBe(0);
    const written = readdirSync(join(cwd, 'pics')).filter((f) => !f.startsWith('.')).sort();
    expect(written).toEqual(touched.flatMap((uid) => ['before', 'after'].flatMap((side) => [`${uid}.${side}.png`, `${uid}.${side}.svg`])).sort());
    expect(r.stdout).toContain('### Dashboard previews (sample data)');
    for (const uid of touched) {
      expect(r.stdout).toContain(`![${model.dashboards.find((d) => d.uid === uid)?.title} before](https://ci.example.com/run/1/pics/${uid}.before.png)`);
      expect(r.stdout).toContain(`/pics/${uid}.after.png)`);
    }
    // The picture shows it: the Error Rate panel's red line moves from 5 % to 3 %.
    const before = readFileSync(join(cwd, 'pics', 'tunnel-health.before.svg'), 'utf8');
    const after = readFileSync(join(cwd, 'pics', 'tunnel-health.after.svg'), 'utf8');
    expect(thresholdLines(before, 'error_rate')).toContainEqual(['0.05', 'red']);
    expect(thresholdLines(after, 'error_rate')).toContainEqual(['0.03', 'red']);
    expect(thresholdLines(after, 'error_rate')).not.toContainEqual(['0.05', 'red']);
  });

  it('without a dashboard change it writes no picture and says so; --previews-url alone is a usage error', () => {
    const cwd = tempDir();
    const r = runCli(['diff', copyEmbeddedSpec(), '--spec', copyEmbeddedSpec(), '--previews', 'pics'], cwd);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('No dashboard looks different.');
    expect(readdirSync(join(cwd, 'pics')).filter((f) => !f.startsWith('.'))).toEqual([]);
    const bad = runCli(['diff', copyEmbeddedSpec(), '--spec', copyEmbeddedSpec(), '--previews-url', 'https://x'], cwd);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Unexpected --previews-url without --previews');
    expect(existsSync(join(cwd, 'pics', 'tunnel-health.before.png'))).toBe(false);
  });
});
