// Bundles the compiled package (dist/index.js) and the parts of the Grafana Foundation SDK it uses
// into dist/bundle.js, the package's entry. The SDK is about 260 CommonJS files (each panel and query
// subpath loads its dashboard v2 builders too); loading them one by one took ~90 ms of every
// `monspec build`, one bundled file ~20 ms. Every other package stays external, so metrics-spec is
// shared with the rest of the process. Tests run the sources; the CLI's tests run this bundle.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { build } from 'esbuild';
import { inlineOnly, NODE_BUNDLE } from '../../../scripts/esbuild-common.mjs';

const INLINE = /^(@grafana\/grafana-foundation-sdk|tslib)(\/|$)/;

/**
 * The SDK files that only hold builders for the dashboard v2 schemas: each panel subpath's
 * `VisualizationBuilder`/`VisualizationV2Builder` and each query subpath's `QueryBuilder`/`QueryV2Builder`.
 * Every subpath index re-exports them (CommonJS, so esbuild cannot leave them out), and they pull in
 * the 131 files of `dashboardv2` and `dashboardv2beta1`: half the SDK, which every `monspec build`
 * loaded and ran for nothing. They are replaced by an empty module; this package builds classic
 * (schemaVersion 42) dashboards and names none of these builders, which the check below enforces.
 */
const V2_ONLY = /^\.\/(visualization|visualizationV2|query|queryV2)Builder\.gen$/;
const V2_ONLY_NAMES = /\b(VisualizationBuilder|VisualizationV2Builder|QueryBuilder|QueryV2Builder)\b/;

const result = await build({
  entryPoints: ['dist/index.js'],
  outfile: 'dist/bundle.js',
  ...NODE_BUNDLE,
  metafile: true,
  plugins: [
    {
      name: 'sdk-without-v2-builders',
      setup(b) {
        b.onResolve({ filter: V2_ONLY }, (args) => (args.importer.includes('/@grafana/grafana-foundation-sdk/') ? { path: args.path, namespace: 'sdk-v2-only' } : undefined));
        b.onLoad({ filter: /.*/, namespace: 'sdk-v2-only' }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
      },
    },
    {
      // The SDK's files `require('tslib')`. esbuild's default `module` condition picks tslib's ES module
      // build, which esbuild then converts to a new CommonJS object at every one of the ~100 require
      // sites (copying ~35 exports each, ~5 ms of start-up); the CommonJS build is one cached module.
      name: 'tslib-commonjs',
      setup(b) {
        b.onResolve({ filter: /^tslib$/ }, () => ({ path: createRequire(import.meta.url).resolve('tslib') }));
      },
    },
    inlineOnly('only-the-sdk-inline', (path) => INLINE.test(path)),
  ],
});

// This package's own code must not use a builder the bundle leaves out.
for (const input of Object.keys(result.metafile.inputs)) {
  if (!input.startsWith('dist/')) continue;
  const hit = V2_ONLY_NAMES.exec(readFileSync(input, 'utf8'));
  if (hit) {
    console.error(`Unexpected ${hit[1]} in ${input}: the bundle leaves the SDK's v2 builders out (scripts/bundle.mjs), expected only classic dashboard builders`);
    process.exit(1);
  }
}
