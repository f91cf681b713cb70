import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../test-support/run-cli.js';
import { expandFolders, findBuiltFolders, staleness } from './built-folders.js';

const EXPECTED = { generator: 'monspec 1.0.0', toolBuild: 'b'.repeat(64), specHash: 'a'.repeat(64), environment: 'production' };

/** OUT/<service>/production/ with a file, the fleet entry and the manifest listing both. */
function builtFolder(out: string, service: string, entry: Record<string, unknown> = {}): string {
  const dir = join(out, service, 'production');
  mkdirSync(dir, { recursive: true });
  const files: Record<string, string> = {
    'rules.yml': 'groups: []\n',
    'fleet-entry.json': JSON.stringify({ generator: EXPECTED.generator, toolBuild: EXPECTED.toolBuild, spec: `services/${service}`, specHash: EXPECTED.specHash, name: service, environment: 'production', ...entry }),
  };
  for (const [path, text] of Object.entries(files)) writeFileSync(join(dir, path), text);
  const artifacts = Object.entries(files).map(([path, text]) => ({ path, sha256: createHash('sha256').update(text).digest('hex') }));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ generator: EXPECTED.generator, artifacts }));
  return dir;
}

function reason(out: string, service: string): string | undefined {
  const folder = findBuiltFolders([out], ['production']).get(`services/${service}`)?.get('production')?.[0];
  expect(folder, service).toBeDefined();
  return folder && staleness(folder, EXPECTED);
}

describe('a built service folder', () => {
  it('stands for the service when its entry and every file match', () => {
    const out = tempDir();
    builtFolder(out, 'a');
    expect(reason(out, 'a')).toBeUndefined();
  });

  it('is stale when built by another monspec, another build of it, from another spec or for another environment', () => {
    const out = tempDir();
    builtFolder(out, 'a', { generator: 'monspec 0.9.0' });
    builtFolder(out, 'b', { toolBuild: 'c'.repeat(64) });
    builtFolder(out, 'c', { specHash: 'd'.repeat(64) });
    builtFolder(out, 'd', { environment: 'staging' });
    expect(reason(out, 'a')).toBe('it was built by monspec 0.9.0, expected monspec 1.0.0');
    expect(reason(out, 'b')).toBe(`it was built by another build of monspec 1.0.0 (cccccccccccc…), expected this one (bbbbbbbbbbbb…)`);
    expect(reason(out, 'c')).toMatch(/^it was built from another version of the spec \(spec hash d{12}…\), expected the spec as it is now \(a{12}…\)$/);
    expect(reason(out, 'd')).toBe('its fleet entry is for environment staging, expected production');
  });

  it('is stale when a file differs from the manifest or is missing', () => {
    const out = tempDir();
    writeFileSync(join(builtFolder(out, 'a'), 'rules.yml'), 'groups: [mine]\n');
    rmSync(join(builtFolder(out, 'b'), 'rules.yml'));
    expect(reason(out, 'a')).toBe('rules.yml differs from its manifest.json (edited after the build?), expected the bytes monspec wrote');
    expect(reason(out, 'b')).toBe('rules.yml is missing, expected the file its manifest.json lists');
  });

  it('is found through a --from pattern with * for a folder name', () => {
    const root = tempDir();
    builtFolder(join(root, 'services', 'a', 'generated'), 'a');
    builtFolder(join(root, 'services', 'b', 'generated'), 'b');
    const roots = expandFolders(root, 'services/*/generated');
    expect(roots).toEqual([join(root, 'services/a/generated'), join(root, 'services/b/generated')]);
    expect([...findBuiltFolders(roots, ['production']).keys()]).toEqual(['services/a', 'services/b']);
  });
});
