/**
 * Golden files: the Markdown documents (and the site's home page) generated from the embedded tunnel
 * spec's production environment, byte for byte. `UPDATE_GOLDEN=1 npx vitest run` rewrites them.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { walkTree } from '@monspec/metrics-spec/node';
import { embeddedModel } from './test-support/embedded.js';
import { generateWithOutputs } from './test-support/outputs.js';

const GOLDEN = fileURLToPath(new URL('./__golden__/production/', import.meta.url));
const update = process.env.UPDATE_GOLDEN === '1';
if (update && process.env.CI === 'true') throw new Error('Unexpected UPDATE_GOLDEN=1 with CI=true, expected goldens to be rewritten only by a developer');

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return [...walkTree(dir)].filter(([, kind]) => kind === 'file').map(([path]) => path).sort();
}

const all = await generateWithOutputs(embeddedModel('production'));

describe('golden documents (embedded spec, production)', () => {
  const artifacts = all.filter((a) => a.path.endsWith('.md') || a.path === 'site/index.html');

  if (update) {
    rmSync(GOLDEN, { recursive: true, force: true });
    for (const a of artifacts) {
      mkdirSync(dirname(join(GOLDEN, a.path)), { recursive: true });
      writeFileSync(join(GOLDEN, a.path), a.content);
    }
  }

  it('has exactly the golden files', () => {
    expect(artifacts.map((a) => a.path).sort()).toEqual(listFiles(GOLDEN));
  });

  it.each(artifacts.map((a) => [a.path, a.content] as const))('%s matches its golden file', (path, content) => {
    expect(content === readFileSync(join(GOLDEN, path), 'utf8'), `${path} differs from src/__golden__/production/${path}; review and run UPDATE_GOLDEN=1 npx vitest run`).toBe(true);
  });
});
