/**
 * Every runbook link an alert, a notification, a dashboard or a page carries resolves to a page the
 * docs publishing step produces: `service.runbookBaseUrl` is where the site's `runbooks/` folder is
 * published, so a link `<base>/<rest>` must name the generated `site/runbooks/<rest>`. Checked over
 * every artifact of every environment of the embedded spec and of the `init` starter.
 */
import { describe, expect, it } from 'vitest';
import { compileSpec, type Artifact, type ResolvedModel } from '@monspec/metrics-spec';
import { compileSpecDir } from '@monspec/metrics-spec/node';
import { generateEnvironment } from './build/generate-all.js';
import { starterSpec } from './init/starter-spec.js';
import { TOOL_VERSION } from './version.js';

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Runbook links found in any artifact that do not name a generated site page. */
function unpublished(model: ResolvedModel, artifacts: readonly Artifact[]): string[] {
  const base = model.service.runbookBaseUrl;
  if (base === undefined) return [];
  const pages = new Set(artifacts.filter((a) => a.path.startsWith('site/')).map((a) => a.path.slice('site/'.length)));
  const link = new RegExp(`${escapeRegExp(base)}/([A-Za-z0-9_./-]+)`, 'g');
  const bad = new Set<string>();
  for (const a of artifacts) {
    for (const m of a.content.matchAll(link)) {
      const rest = (m[1] ?? '').replace(/[.)]+$/, '');
      if (!pages.has(`runbooks/${rest}`)) bad.add(`${a.path}: ${base}/${rest}`);
    }
  }
  return [...bad].sort();
}

async function check(model: ResolvedModel): Promise<{ links: number; unpublished: string[] }> {
  const { artifacts } = await generateEnvironment(model, TOOL_VERSION);
  const base = model.service.runbookBaseUrl ?? '\u0000';
  const links = artifacts.reduce((n, a) => n + a.content.split(base).length - 1, 0);
  return { links, unpublished: unpublished(model, artifacts) };
}

describe('runbook links resolve to published pages', () => {
  it.each(['production', 'staging'])('embedded spec, %s', async (environment) => {
    const model = compileSpecDir(undefined, { environment }).model;
    if (!model) throw new Error('the embedded spec must compile');
    const r = await check(model);
    expect(r.links, 'the embedded spec publishes runbooks, so alerts link to them').toBeGreaterThan(0);
    expect(r.unpublished).toEqual([]);
  });
  it('the init starter with a runbook base URL', async () => {
    const files = Object.entries(starterSpec('checkout')).map(([path, text]) => ({
      path,
      text: path === 'service.yaml' && !text.includes('runbookBaseUrl') ? text.replace(/^(\s+)team:.*$/m, (line, indent: string) => `${line}\n${indent}runbookBaseUrl: https://docs.example.com/checkout/runbooks`) : text,
    }));
    const model = compileSpec(files).model;
    if (!model) throw new Error('the starter must compile');
    const r = await check(model);
    expect(r.links).toBeGreaterThan(0);
    expect(r.unpublished).toEqual([]);
  });
});
