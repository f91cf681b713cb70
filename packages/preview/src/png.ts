/**
 * SVG → PNG with resvg (a Rust renderer, prebuilt for Node from npm; no browser). Not pure: it reads
 * the system's fonts (DejaVu Sans on Debian), so only the CLI and tests call it.
 */
import { renderAsync, Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';

const OPTIONS: ResvgRenderOptions = { font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' }, fitTo: { mode: 'original' }, background: '#111217' };

export function svgToPng(svg: string): Buffer {
  return new Resvg(svg, OPTIONS).render().asPng();
}

/**
 * The same PNG, rendered on libuv's thread pool, so that several pictures render on every core at
 * once (the raster work is most of `monspec preview`'s time).
 */
export async function svgToPngAsync(svg: string): Promise<Buffer> {
  return (await renderAsync(svg, OPTIONS)).asPng();
}
