/** Golden files: what the package's two generators (alerting files, Loki rules) write for the test kit's demo spec, per environment. */
import { fileURLToPath } from 'node:url';
import { describeGoldenFiles } from '@monspec/test-kit/golden';
import { generate, lokiRulesGenerator } from './index.js';
import { demoModel } from './test-support/specs.js';

for (const env of ['production', 'staging']) {
  const model = demoModel(env);
  describeGoldenFiles(`golden files (demo spec, ${env})`, fileURLToPath(new URL(`./__golden__/${env}/`, import.meta.url)), [...generate(model), ...lokiRulesGenerator.generate(model)]);
}
