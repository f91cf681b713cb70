/**
 * Golden previews of the test kit's demo spec with sample data: the SVGs byte for byte (the renderer
 * is deterministic), the PNGs resvg makes of them by pixels with a tolerance (pixelmatch), so a
 * font or rasteriser update that moves a few anti-aliased pixels passes and a changed panel fails.
 */
import { fileURLToPath } from 'node:url';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { describeGoldenFiles, describeGoldenImages } from '@monspec/test-kit/golden';
import { renderDashboard, sampleData } from './index.js';
import { svgToPng, svgToPngAsync } from './png.js';
import { demoModel } from './test-support/specs.js';

const model = demoModel();
const svgs = model.dashboards.map((d) => ({ path: `${d.uid}.svg`, content: renderDashboard(d, sampleData(model, d)).svg }));

/** The share of pixels that differ (1 when the sizes differ); pixelmatch's per-pixel colour threshold 0.1 (its default). */
function differs(expected: Uint8Array, actual: Uint8Array): number {
  const a = PNG.sync.read(Buffer.from(expected));
  const b = PNG.sync.read(Buffer.from(actual));
  if (a.width !== b.width || a.height !== b.height) return 1;
  return pixelmatch(a.data, b.data, undefined, a.width, a.height, { threshold: 0.1 }) / (a.width * a.height);
}

describeGoldenFiles('golden SVG previews (demo spec, sample data)', fileURLToPath(new URL('./__golden__/svg/', import.meta.url)), svgs);
describeGoldenImages(
  'golden PNG previews (demo spec, sample data)',
  fileURLToPath(new URL('./__golden__/png/', import.meta.url)),
  svgs.map((s) => ({ path: s.path.replace(/\.svg$/, '.png'), bytes: svgToPng(s.content) })),
  differs,
  0.005,
);

describe('svgToPngAsync (what monspec preview uses, on the thread pool)', () => {
  it('makes the same PNG bytes as svgToPng', async () => {
    expect(svgs.length).toBeGreaterThan(0);
    for (const s of svgs) expect(Buffer.compare(await svgToPngAsync(s.content), svgToPng(s.content)), s.path).toBe(0);
  });
});
