/** Golden files: every artifact the dashboards generator writes for the test kit's demo spec (production). */
import { fileURLToPath } from 'node:url';
import { describeGoldenFiles } from '@monspec/test-kit/golden';
import { generate } from './index.js';
import { demoModel } from './test-support/specs.js';

describeGoldenFiles('golden files (demo spec, production)', fileURLToPath(new URL('./__golden__/', import.meta.url)), generate(demoModel()));
