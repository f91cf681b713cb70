/**
 * Golden tests of the files in GOLDEN_FIXTURE_FILES (JSON: [{ path, content }]) against GOLDEN_FIXTURE_DIR;
 * with GOLDEN_FIXTURE_IMAGES (JSON: [{ path, content }]) instead, golden images of those contents,
 * compared byte by byte as if each byte were a pixel, with a tolerance of a quarter.
 */
import { describeGoldenFiles, describeGoldenImages, type GoldenFile } from '@monspec/test-kit/golden';

const dir = process.env['GOLDEN_FIXTURE_DIR'];
if (dir === undefined) throw new Error('GOLDEN_FIXTURE_DIR is not set');
const images = process.env['GOLDEN_FIXTURE_IMAGES'];
if (images === undefined) {
  const files = JSON.parse(process.env['GOLDEN_FIXTURE_FILES'] ?? '[]') as GoldenFile[];
  describeGoldenFiles('fixture goldens', dir, files);
} else {
  const list = JSON.parse(images) as GoldenFile[];
  const differs = (a: Uint8Array, b: Uint8Array): number => {
    if (a.length !== b.length) return 1;
    let n = 0;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) n++;
    return n / a.length;
  };
  describeGoldenImages('fixture images', dir, list.map((f) => ({ path: f.path, bytes: new TextEncoder().encode(f.content) })), differs, 0.25);
}
