/** Golden tests of the files in GOLDEN_FIXTURE_FILES (JSON: [{ path, content }]) against GOLDEN_FIXTURE_DIR. */
import { describeGoldenFiles, type GoldenFile } from '@monspec/test-kit/golden';

const dir = process.env['GOLDEN_FIXTURE_DIR'];
if (dir === undefined) throw new Error('GOLDEN_FIXTURE_DIR is not set');
const files = JSON.parse(process.env['GOLDEN_FIXTURE_FILES'] ?? '[]') as GoldenFile[];

describeGoldenFiles('fixture goldens', dir, files);
