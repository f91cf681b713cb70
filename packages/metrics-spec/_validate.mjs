import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import { validateDocument } from '/tmp/validators.mjs';
const dir = new URL('./spec/', import.meta.url).pathname;
let bad = 0;
for (const f of readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
  const text = readFileSync(dir + f, 'utf8');
  if (!text.startsWith('# yaml-language-server: $schema=../schema/monspec.schema.json')) console.log(f, 'missing header');
  const doc = parse(text, { uniqueKeys: true });
  const ok = validateDocument(doc);
  console.log(f, ok ? 'OK' : 'INVALID');
  if (!ok) { bad++; for (const e of validateDocument.errors.slice(0, 30)) console.log('  ', e.instancePath, e.message, JSON.stringify(e.params)); }
}
process.exit(bad ? 1 : 0);
