// Build-time code generation from schema/monspec.schema.json, the single source of the spec format:
//   src/generated/spec-types.ts   TypeScript types of the authored spec (json-schema-to-typescript)
//   src/generated/validators.js   ajv standalone validators, so no schema is compiled at start-up
//   src/generated/defaults.ts     the schema's `default` keywords, the resolver's defaults
// `--check` writes nothing and exits 1 when a committed file is stale.
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { compile } from 'json-schema-to-typescript';
import Ajv2020 from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';

const root = new URL('..', import.meta.url);
const schema = JSON.parse(await readFile(new URL('schema/monspec.schema.json', root), 'utf8'));
const header = '/* Generated from schema/monspec.schema.json by scripts/gen-types.mjs. Do not edit. */\n';

const types = await compile(schema, 'MonspecDocument', {
  bannerComment: header.trim(),
  additionalProperties: false,
  unreachableDefinitions: true,
  ignoreMinAndMaxItems: true,
  format: true,
  style: { singleQuote: true, printWidth: 110 },
});

// The validators the pipeline needs: whole documents (per file and after an overlay), and the kinds a
// template can produce, validated again after expansion.
const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, strictRequired: false, strictTypes: false, code: { source: true, esm: true, lines: false } });
ajv.addSchema(schema);
const id = schema.$id;
// ajv's standalone output still require()s a runtime helper; give the ESM module a require.
const validators =
  header +
  '// @ts-nocheck\n' +
  "import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);\n" +
  standaloneCode(ajv, {
    validateDocument: id,
    validateAlertEntry: `${id}#/$defs/alertEntry`,
    validatePanel: `${id}#/$defs/panel`,
    validateRecordingRule: `${id}#/$defs/recordingRule`,
    validateWorkspace: `${id}#/$defs/workspace`,
  });

// Every `default` keyword of the schema, by definition and property path: the one place defaults
// live. The resolver reads them from here; the types above carry them as @default.
function collectDefaults(node, into) {
  for (const [name, prop] of Object.entries(node.properties ?? {})) {
    if (Object.hasOwn(prop, 'default')) into[name] = prop.default;
    else if (prop.properties) {
      const nested = {};
      collectDefaults(prop, nested);
      if (Object.keys(nested).length > 0) into[name] = nested;
    }
  }
  return into;
}
const defaults = Object.fromEntries(
  Object.entries(schema.$defs)
    .map(([name, def]) => [name, collectDefaults(def, {})])
    .filter(([, found]) => Object.keys(found).length > 0),
);
const defaultsModule =
  header +
  '/** The schema\'s `default` keywords by $defs name and property path (resolve.ts fills them in). */\n' +
  `export const SCHEMA_DEFAULTS = ${JSON.stringify(defaults, null, 2)} as const;\n`;

const outputs = new Map([
  ['src/generated/spec-types.ts', types],
  ['src/generated/defaults.ts', defaultsModule],
  ['src/generated/validators.ts', validators.replace('"use strict";', '')],
]);

const check = process.argv.includes('--check');
let stale = 0;
await mkdir(new URL('src/generated/', root), { recursive: true });
for (const [path, text] of outputs) {
  const url = new URL(path, root);
  const current = await readFile(url, 'utf8').catch(() => '');
  if (current === text) continue;
  if (check) {
    console.error(`${path} is stale: run \`npm run gen -w @monspec/metrics-spec\`.`);
    stale++;
  } else {
    await writeFile(url, text);
  }
}
process.exitCode = stale ? 1 : 0;
