// The floor: a node process that only writes the bytes a build produces (read from one packed file,
// so reading costs one read). Usage: node write-floor.mjs PACKED.json OUT_DIR
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const [packed, out] = process.argv.slice(2);
const files = JSON.parse(readFileSync(packed, 'utf8'));
for (const [path, content] of files) {
  const target = join(out, path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, content);
}
