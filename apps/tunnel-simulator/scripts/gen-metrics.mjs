// Writes src/generated/metrics.ts from the embedded spec with monspec's instrumentation generator.
// `--check` writes nothing and exits 1 when the committed file is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileSpecDir } from '@monspec/metrics-spec/node';
import { generate } from '@monspec/instrumentation';

const target = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'generated', 'metrics.ts');
const { model } = compileSpecDir();
if (!model) {
  console.error('gen-metrics: the embedded spec does not compile; run monspec validate');
  process.exit(2);
}
const [artifact] = generate(model);
let current = '';
try {
  current = readFileSync(target, 'utf8');
} catch {
  // No file yet: it counts as stale below.
}
if (process.argv.includes('--check')) {
  if (current !== artifact.content) {
    console.error(`gen-metrics: ${target} is stale; run npm run gen -w @monspec/tunnel-simulator`);
    process.exit(1);
  }
} else if (current !== artifact.content) {
  writeFileSync(target, artifact.content);
  console.log(`gen-metrics: wrote ${target}`);
}
