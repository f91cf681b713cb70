// Bundles the compiled package's two entries (dist/index.js, dist/node.js) into dist/index.bundle.js
// and dist/node.bundle.js, which share one chunk (so the process holds one copy of every module), with
// js-yaml inlined. Loading ~50 small modules one by one took ~40 ms of every `monspec` command, the
// bundle ~27 ms. Packages that others import as well (the lezer parsers, ajv, yaml) stay external,
// so their objects stay the same for everyone. The chunk sits in dist/ like the modules it replaces,
// so paths relative to import.meta.url (the embedded spec, the schema) still resolve.
import { readdirSync, rmSync } from 'node:fs';
import { build } from 'esbuild';
import { inlineOnly, NODE_BUNDLE } from '../../../scripts/esbuild-common.mjs';

const INLINE = /^js-yaml(\/|$)/;

for (const f of readdirSync('dist')) if (/^chunk-.*\.js(\.map)?$|\.bundle\.js(\.map)?$/.test(f)) rmSync(`dist/${f}`);

await build({
  entryPoints: ['dist/index.js', 'dist/node.js'],
  outdir: 'dist',
  entryNames: '[name].bundle',
  chunkNames: 'chunk-[hash]',
  ...NODE_BUNDLE,
  splitting: true,
  plugins: [inlineOnly('only-js-yaml-inline', (path) => INLINE.test(path))],
});
