// Bundles the compiled package (dist/index.js) and the parts of the Grafana Foundation SDK it uses
// into dist/bundle.js, the package's entry. The SDK is about 260 CommonJS files (each panel and query
// subpath loads its dashboard v2 builders too); loading them one by one took ~90 ms of every
// `monspec build`, one bundled file ~20 ms. Every other package stays external, so metrics-spec is
// shared with the rest of the process. Tests run the sources; the CLI's tests run this bundle.
import { build } from 'esbuild';
import { inlineOnly, NODE_BUNDLE } from '../../../scripts/esbuild-common.mjs';

const INLINE = /^(@grafana\/grafana-foundation-sdk|tslib)(\/|$)/;

await build({
  entryPoints: ['dist/index.js'],
  outfile: 'dist/bundle.js',
  ...NODE_BUNDLE,
  plugins: [inlineOnly('only-the-sdk-inline', (path) => INLINE.test(path))],
});
