/**
 * `docStrings` lists every spec string the views render, by how they render it: what `generate`
 * decides remark from before rendering. A view that renders a field docStrings misses fails here.
 */
import type { ResolvedModel } from '@monspec/metrics-spec';
import { describe, expect, it } from 'vitest';
import { demoModel } from '../test-support/specs.js';
import { hostileModel } from '../__fixtures__/hostile.js';
import { loadProseEngine, Prose } from '../markdown/prose.js';
import type { Fragment } from '../markdown/fragment.js';
import { embeddedModel } from '../test-support/embedded.js';
import { docStrings } from './doc-strings.js';
import { metricsView } from './metrics.js';
import { alertNames, runbookView } from './runbook.js';
import { setupView } from './setup.js';
import { indexView } from './site-index.js';

/** A Prose that records what the views hand it (not what it passes to itself). */
class Recording extends Prose {
  readonly blocks = new Set<string>();
  readonly inlines = new Set<string>();
  readonly texts = new Set<string>();
  private inside = 0;
  private record<T>(set: Set<string>, value: string, render: () => T): T {
    if (this.inside === 0) set.add(value);
    this.inside++;
    try {
      return render();
    } finally {
      this.inside--;
    }
  }
  override prose(markdown: string): Fragment {
    return this.record(this.blocks, markdown, () => super.prose(markdown));
  }
  override proseInline(markdown: string): Fragment {
    return this.record(this.inlines, markdown, () => super.proseInline(markdown));
  }
  override text(value: string): Fragment {
    return this.record(this.texts, value, () => super.text(value));
  }
}

const models: ReadonlyArray<[string, () => ResolvedModel]> = [
  ['embedded production', () => embeddedModel('production')],
  ['embedded staging', () => embeddedModel('staging')],
  ['demo', () => demoModel()],
  ['hostile', () => hostileModel()],
];

describe.each(models)('docStrings (%s)', (_name, load) => {
  it('lists every string the views render, under the way they render it', async () => {
    const model = load();
    const ctx = new Recording(await loadProseEngine());
    indexView(model, ctx);
    setupView(model, ctx);
    metricsView(model, ctx);
    for (const name of alertNames(model)) runbookView(model, name, ctx);
    const listed = docStrings(model);
    expect(ctx.texts.size).toBeGreaterThan(0);
    expect([...ctx.blocks].filter((s) => ![...listed.blocks].includes(s))).toEqual([]);
    expect([...ctx.inlines].filter((s) => ![...listed.inlines].includes(s))).toEqual([]);
    expect([...ctx.texts].filter((s) => ![...listed.texts].includes(s))).toEqual([]);
  });
});
