/**
 * SVG → PNG with resvg (a Rust renderer, prebuilt for Node from npm; no browser). Not pure: it reads
 * the system's fonts (DejaVu Sans on Debian), so only the CLI and tests call it.
 */
import { Resvg } from '@resvg/resvg-js';

export function svgToPng(svg: string): Buffer {
  const r = new Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' }, fitTo: { mode: 'original' }, background: '#111217' });
  return r.render().asPng();
}
