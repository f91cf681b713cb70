/**
 * A new service's docs through the compiled CLI (issue #14): the setup guide is named after the
 * service, the architecture is a picture, and sections the starter has nothing for are left out.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyEmbeddedSpec, runCliAsync, tempDir } from './test-support/run-cli.js';

describe('monspec init → build: the docs of a new service', () => {
  it('names the guide after the service, draws the architecture, and leaves out empty sections', async () => {
    const cwd = tempDir();
    expect((await runCliAsync(['init', 'monitoring', '--service', 'checkout'], cwd)).code).toBe(0);
    const build = await runCliAsync(['build', '--spec', 'monitoring', '--out', 'generated'], cwd);
    expect(build.code, build.stderr).toBe(0);
    const env = readdirSync(join(cwd, 'generated')).filter((d) => !d.startsWith('.'))[0] ?? '';
    const docs = join(cwd, 'generated', env, 'docs');
    expect(readdirSync(docs)).toContain('CHECKOUT_MONITORING_SETUP.md');
    expect(readdirSync(docs).some((f) => f.startsWith('TUNNEL'))).toBe(false);
    expect(existsSync(join(cwd, 'generated', env, 'site', 'CHECKOUT_MONITORING_SETUP.html'))).toBe(true);
    const guide = readFileSync(join(docs, 'CHECKOUT_MONITORING_SETUP.md'), 'utf8');
    expect(guide).toContain('![Monitoring architecture of checkout](architecture.svg)');
    expect(guide).not.toContain('```mermaid');
    expect(readFileSync(join(docs, 'architecture.svg'), 'utf8')).toMatch(/<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    // The starter declares no health endpoints and no log sources: no heading for them.
    expect(guide).not.toContain('### Health endpoints');
    expect(guide).not.toContain('## Loki queries');
  }, 180_000);
});

describe('a passing validate means build passes: the docs check too', () => {
  it('spec prose with a link to no page fails validate as it fails build', async () => {
    const spec = copyEmbeddedSpec();
    const runbooks = join(spec, 'runbooks.yaml');
    const text = readFileSync(runbooks, 'utf8');
    const edited = text.replace('    meaning: >-\n', '    meaning: >-\n      See [the old notes](old-notes.md) first.\n');
    expect(edited).not.toBe(text);
    writeFileSync(runbooks, edited);
    const cwd = tempDir();
    const build = await runCliAsync(['build', '--spec', spec, '--out', 'out'], cwd);
    expect(build.code).toBe(1);
    expect(build.stderr).toContain('old-notes.md');
    const validate = await runCliAsync(['validate', '--spec', spec], cwd);
    expect(validate.code, validate.stdout + validate.stderr).toBe(1);
    expect(validate.stdout).toMatch(/error Unexpected link "old-notes\.md" in .* \[docs\/link\]/);
  }, 180_000);
});
