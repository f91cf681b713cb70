// Bundles the compiled CLI (dist/main.js) with the workspace packages it imports (@monspec/*, which
// are private and never published) into dist/bundle/, the entry bin/monspec.js runs. Lazy imports
// stay lazy: esbuild splits each dynamically imported command and generator into its own chunk.
// Every other package stays external and must be one of this package's dependencies — checked here,
// so `npm pack` of this directory is a package that installs and runs outside the monorepo.
// Also copies the JSON Schema into dist/schema/, where `monspec init --schema` users point their editors.
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { build } from 'esbuild';
import { inlineOnly, NODE_BUNDLE } from '../../../scripts/esbuild-common.mjs';

const WORKSPACE = /^@monspec\//;
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const declared = new Set(Object.keys(pkg.dependencies ?? {}));
const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

rmSync('dist/bundle', { recursive: true, force: true });
const result = await build({
  // The workspace build's worker thread is its own entry, next to the chunk that starts it (fleet/pool.ts);
  // so is a large build's (build/offload.ts).
  entryPoints: { main: 'dist/main.js', 'fleet-worker': 'dist/fleet/fleet-worker.js', 'generate-worker': 'dist/build/generate-worker.js' },
  outdir: 'dist/bundle',
  chunkNames: 'chunk-[hash]',
  ...NODE_BUNDLE,
  splitting: true,
  metafile: true,
  plugins: [inlineOnly('inline-only-the-workspace', (path) => WORKSPACE.test(path) || builtins.has(path))],
});

// The package name of every bare import left in the bundle must be a declared dependency.
const missing = new Set();
for (const output of Object.values(result.metafile.outputs)) {
  for (const imp of output.imports) {
    if (!imp.external || builtins.has(imp.path)) continue;
    const name = imp.path.startsWith('@') ? imp.path.split('/').slice(0, 2).join('/') : imp.path.split('/')[0];
    if (!declared.has(name)) missing.add(name);
  }
}
if (missing.size > 0) {
  console.error(`Unexpected imports of ${[...missing].sort().join(', ')} in dist/bundle, expected each to be in apps/cli/package.json dependencies`);
  process.exit(1);
}

mkdirSync('dist/schema', { recursive: true });
copyFileSync('../../packages/metrics-spec/schema/monspec.schema.json', 'dist/schema/monspec.schema.json');
