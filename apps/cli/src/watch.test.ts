import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, copyEmbeddedSpec, tempDir } from './test-support/run-cli.js';
import { startWatch, type WatchRun } from './test-support/watch-cli.js';

describe('monspec build --watch', () => {
  it('rebuilds when a spec file changes, reports it, and stops on SIGTERM', async () => {
    const spec = copyEmbeddedSpec();
    const out = join(tempDir(), 'out');
    const child = spawn(process.execPath, [BIN, 'build', '--watch', '--spec', spec, '--out', out], { env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    const seen = (re: RegExp, timeoutMs = 30_000) =>
      new Promise<void>((done, fail) => {
        const timer = setTimeout(() => fail(new Error(`timed out waiting for ${re}; stderr:\n${stderr}`)), timeoutMs);
        const check = () => {
          if (re.test(stderr)) {
            clearTimeout(timer);
            done();
          }
        };
        child.stderr.on('data', (d: Buffer) => {
          stderr += d.toString();
          check();
        });
        check();
      });
    try {
      await seen(/watching .* for changes/);
      const manifest = join(out, 'production', 'manifest.json');
      const before = readFileSync(manifest, 'utf8');
      const thresholds = join(spec, 'thresholds.yaml');
      writeFileSync(thresholds, readFileSync(thresholds, 'utf8').replace(/critical: 5%/, 'critical: 4%'));
      await seen(/↻ rebuilt in \d+ ms/);
      const after = readFileSync(manifest, 'utf8');
      expect(after).not.toBe(before);
      expect(readFileSync(join(out, 'production', 'prometheus', 'rules', 'alerts.rules.yml'), 'utf8')).toContain('job:tunnel_request_errors:ratio_rate5m > 0.04');
      // A broken edit is reported and leaves the last good output in place.
      writeFileSync(thresholds, 'thresholds: [\n');
      await seen(/✗ rebuilt in \d+ ms/);
      expect(stderr).toMatch(/thresholds\.yaml:\d+:\d+: error Unexpected YAML syntax/);
      expect(readFileSync(manifest, 'utf8')).toBe(after);
    } finally {
      child.kill('SIGTERM');
    }
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(code).toBe(0);
  });
});

describe('monspec build --watch survives changes to the spec folder itself', () => {
  it('keeps working after the spec folder is deleted and created again', async () => {
    const spec = copyEmbeddedSpec();
    const backup = copyEmbeddedSpec();
    const out = join(tempDir(), 'out');
    const w = startWatch(['--spec', spec, '--out', out]);
    try {
      await w.seen(/watching .* for changes/);
      rmSync(spec, { recursive: true });
      // (Its first rebuild may see the folder half deleted; either way it fails.)
      await w.seen(/✗ rebuilt in \d+ ms/);
      const thresholds = join(backup, 'thresholds.yaml');
      writeFileSync(thresholds, readFileSync(thresholds, 'utf8').replace(/critical: 5%/, 'critical: 3%'));
      cpSync(backup, spec, { recursive: true });
      const rules = join(out, 'production', 'prometheus', 'rules', 'alerts.rules.yml');
      await waitFor(() => readFileSync(rules, 'utf8').includes('> 0.03'), w);
      // And the new folder is watched: a later edit in it rebuilds too.
      const recreated = join(spec, 'thresholds.yaml');
      writeFileSync(recreated, readFileSync(recreated, 'utf8').replace(/critical: 3%/, 'critical: 2%'));
      await waitFor(() => readFileSync(rules, 'utf8').includes('> 0.02'), w);
    } finally {
      expect(await w.stop()).toBe(0);
    }
  });

  it('a file added after it started is picked up; a folder created inside the spec is not spec (the loader reads only the folder\'s own files)', async () => {
    const spec = copyEmbeddedSpec();
    const out = join(tempDir(), 'out');
    const w = startWatch(['--spec', spec, '--out', out]);
    try {
      await w.seen(/watching .* for changes/);
      mkdirSync(join(spec, 'more'));
      writeFileSync(join(spec, 'more', 'ignored.yaml'), 'thresholds: [\n');
      // Give the watcher a moment, so a rebuild for the subfolder would have happened before the next file.
      await new Promise((done) => setTimeout(done, 500));
      writeFileSync(join(spec, 'broken.yaml'), 'thresholds: [\n');
      await w.seen(/broken\.yaml:\d+:\d+: error Unexpected YAML syntax/);
      expect(w.stderr()).not.toContain('more/ignored.yaml');
      rmSync(join(spec, 'broken.yaml'));
      await w.seen(/↻ rebuilt in \d+ ms/);
    } finally {
      expect(await w.stop()).toBe(0);
    }
  });

  it('a bad overlay is reported and the next good edit rebuilds every environment', async () => {
    const spec = copyEmbeddedSpec();
    const out = join(tempDir(), 'out');
    const w = startWatch(['--spec', spec, '--out', out, '--all-envs']);
    const environments = join(spec, 'environments.yaml');
    const original = readFileSync(environments, 'utf8');
    try {
      await w.seen(/watching .* for changes/);
      writeFileSync(environments, original.replace('replicas: 1', 'replicas: [1]'));
      await w.seen(/environments\.yaml:\d+:\d+: error Unexpected a list at service\.replicas/);
      await w.seen(/✗ rebuilt in \d+ ms/);
      writeFileSync(environments, original.replace(/(error_rate:\s+warning: 2%\s+critical: )10%/, '$112%'));
      await waitFor(() => readFileSync(join(out, 'staging', 'prometheus', 'rules', 'alerts.rules.yml'), 'utf8').includes('> 0.12'), w);
      expect(readFileSync(join(out, 'production', 'prometheus', 'rules', 'alerts.rules.yml'), 'utf8')).toContain('> 0.05');
    } finally {
      expect(await w.stop()).toBe(0);
    }
  });
});

/** Polls until `ok()` holds (a missing file counts as not yet). */
async function waitFor(ok: () => boolean, w: WatchRun, timeoutMs = 45_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (ok()) return;
    } catch {
      // not there yet
    }
    if (Date.now() > end) throw new Error(`timed out; stderr:\n${w.stderr()}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}
