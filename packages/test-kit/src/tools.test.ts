import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { requireTools, toolPath } from './tools.js';

const dir = mkdtempSync(join(tmpdir(), 'monspec-tools-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const bin = join(dir, 'bin');
mkdirSync(bin);
for (const name of ['promtool', 'prometheus-alertmanager']) {
  writeFileSync(join(bin, name), '#!/bin/sh\n');
  chmodSync(join(bin, name), 0o755);
}
writeFileSync(join(bin, 'amtool'), 'not executable');
const env = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({ PATH: bin, ...extra });

describe('toolPath', () => {
  it('finds an executable on PATH, under any of its names, and not a file without the execute bit', () => {
    expect(toolPath('promtool', env())).toBe(join(bin, 'promtool'));
    expect(toolPath('alertmanager', env())).toBe(join(bin, 'prometheus-alertmanager'));
    expect(toolPath('amtool', env())).toBeUndefined();
    expect(toolPath('chromium', env())).toBeUndefined();
  });

  it('takes the tool from its environment variable first', () => {
    expect(toolPath('prometheus', env({ PROMETHEUS_BIN: join(bin, 'promtool') }))).toBe(join(bin, 'promtool'));
    expect(toolPath('promtool', env({ PROMTOOL: join(dir, 'missing') }))).toBeUndefined();
  });
});

describe('requireTools', () => {
  it('runs when every tool is there', () => {
    expect(requireTools(['promtool', 'alertmanager'], env({ CI: 'true' }))).toEqual({ skip: false, reason: '' });
  });

  it('skips locally when one is missing, saying which and how to install it', () => {
    const r = requireTools(['promtool', 'amtool', 'chromium'], env());
    expect(r.skip).toBe(true);
    expect(r.reason).toContain('amtool (Debian package prometheus-alertmanager, or set AMTOOL), chromium (Debian package chromium, or set CHROMIUM_BIN)');
    expect(r.reason).not.toContain('promtool');
  });

  it.each(['true', '1'])('fails instead of skipping with CI=%s', (ci) => {
    expect(() => requireTools(['amtool'], env({ CI: ci }))).toThrow('Unexpected missing amtool (Debian package prometheus-alertmanager, or set AMTOOL) with CI=true, expected every tool installed');
  });

  it('treats CI=false as local', () => {
    expect(requireTools(['amtool'], env({ CI: 'false' })).skip).toBe(true);
  });
});
