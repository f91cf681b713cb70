/**
 * Golden files: the Markdown documents (and the site's home page and dashboard pages) generated from the test kit's demo
 * spec's production environment, byte for byte, with the other outputs described as `monspec build`
 * passes them. The embedded tunnel spec's are pinned by docs/OPERATIONS/ and generated/
 * (`monspec build --check`).
 */
import { fileURLToPath } from 'node:url';
import { describeGoldenFiles } from '@monspec/test-kit/golden';
import { generateWithOutputs } from './test-support/outputs.js';
import { demoModel } from './test-support/specs.js';

const documents = (await generateWithOutputs(demoModel('production'))).filter((a) => a.path.endsWith('.md') || a.path === 'site/index.html' || /^site\/dashboards\/[^/]+\.html$/.test(a.path));

describeGoldenFiles('golden documents (demo spec, production)', fileURLToPath(new URL('./__golden__/production/', import.meta.url)), documents);
