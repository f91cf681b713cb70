import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, copyEmbeddedSpec, tempDir } from './test-support/run-cli.js';

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
