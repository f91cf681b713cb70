// Bundles the compiled package's two entries (dist/index.js, dist/node.js) into dist/index.bundle.js
// and dist/node.bundle.js, which share one chunk (so the process holds one copy of every module), with
// js-yaml inlined. Loading ~50 small modules one by one took ~40 ms of every `monspec` command, the
// bundle ~27 ms. Packages that others import as well (the lezer parsers, ajv, yaml) stay external,
// so their objects stay the same for everyone. The chunk sits in dist/ like the modules it replaces,
// so paths relative to import.meta.url (the embedded spec, the schema) still resolve.
import { readdirSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const INLINE = /^js-yaml(\/|$)/;

for (const f of readdirSync('dist')) if (/^chunk-.*\.js(\.map)?$|\.bundle\.js(\.map)?$/.test(f)) rmSync(`dist/${f}`);

await build({
  entryPoints: ['dist/index.js', 'dist/node.js'],
  outdir: 'dist',
  entryNames: '[name].bundle',
  chunkNames: 'chunk-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [
    {
      name: 'only-js-yaml-inline',
      setup(b) {
        b.onResolve({ filter: /^[^./]/ }, (args) => (INLINE.test(args.path) ? undefined : { path: args.path, external: true }));
      },
    },
  ],
});
