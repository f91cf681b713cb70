// Bundles the compiled CLI (dist/main.js) and everything it imports into one CommonJS file,
// dist/bundle/main.js, which bin/monspec.js runs through dist/bundle/start.js (the V8 code cache,
// src/startup/compile-cache.ts). One file, because Node 20 caches compiled code only for scripts it
// compiles through `vm.Script`, not for ES modules: start-up was mostly parsing and compiling ~35
// chunks and packages. Commands and generators stay lazy: esbuild wraps each module reached by a
// dynamic `import()` in a function that runs on first use, so `monspec validate` never runs the
// Grafana SDK's module code. The packages are inlined too; what stays outside must be one of this
// package's dependencies (checked here): the native @resvg/resvg-js (PNG previews only), and the
// files metrics-spec `require`s at run time (ajv's runtime helpers in the standalone schema
// validators, `yaml` for diagnostics), so `npm pack` of this directory installs and runs anywhere.
// Also copies the JSON Schema into dist/schema/, where `monspec init --schema` users point their editors.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { build } from 'esbuild';
import { inlineOnly, NODE_BUNDLE } from '../../../scripts/esbuild-common.mjs';

/** Packages left outside the bundle: native code, loaded only to render PNGs. */
const EXTERNAL = new Set(['@resvg/resvg-js']);
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const declared = new Set(Object.keys(pkg.dependencies ?? {}));
const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
const packageName = (path) => (path.startsWith('@') ? path.split('/').slice(0, 2).join('/') : path.split('/')[0]);

/** CommonJS for Node 20: `import.meta.url` (metrics-spec's createRequire, the fleet's worker URL) is the bundle file's own URL. */
const COMMONJS = {
  ...NODE_BUNDLE,
  format: 'cjs',
  // Whitespace and syntax only (names stay, for stack traces and `name`-reading code): a third less to read.
  minifyWhitespace: true,
  minifySyntax: true,
  // The licence notices of the inlined packages (~360 kB of comments) go to main.js.LEGAL.txt beside the bundle, shipped with it.
  legalComments: 'external',
  define: { 'import.meta.url': '__monspec_bundle_url' },
  banner: { js: 'var __monspec_bundle_url = require("node:url").pathToFileURL(__filename).href;' },
};

/**
 * The bundle is ASCII, so bin/monspec.js reads it as Latin-1 (a copy) instead of decoding UTF-8 (~6 ms
 * of a small build), and V8 holds it as one-byte text (any character above U+00FF makes the whole 3 MB
 * source two-byte). esbuild writes non-ASCII characters as escapes everywhere but in tagged templates
 * (the tag may read the raw text) and regular expression literals. docs-gen's `inline` tag reads only
 * the cooked strings (markdown/fragment.ts), where `\u2014` and `—` are the same text, and in a regular
 * expression `\u00e9` matches what `é` does; those are escaped here. Any other non-ASCII character
 * fails the build below.
 */
const escape = (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
const asciiSources = {
  name: 'ascii-sources',
  setup(b) {
    b.onLoad({ filter: /[\\/]packages[\\/]docs-gen[\\/]dist[\\/].*\.js$/ }, (args) => ({
      contents: readFileSync(args.path, 'utf8').replace(/\binline\s*`(?:[^`\\]|\\.)*`/g, (template) => template.replace(/[\u0080-\uffff]/g, escape)),
      loader: 'js',
    }));
    b.onLoad({ filter: /[\\/]node_modules[\\/]pluralize[\\/]pluralize\.js$/ }, (args) => ({
      contents: readFileSync(args.path, 'utf8').replace('/pok[eé]mon$/i', `/pok[e${escape('é')}]mon$/i`),
      loader: 'js',
    }));
  },
};

rmSync('dist/bundle', { recursive: true, force: true });
const result = await build({
  // The workspace build's worker thread is its own entry, next to the chunk that starts it (fleet/pool.ts);
  // so is a large build's (build/offload.ts).
  entryPoints: { main: 'dist/main.js', 'fleet-worker': 'dist/fleet/fleet-worker.js', 'generate-worker': 'dist/build/generate-worker.js' },
  outdir: 'dist/bundle',
  ...COMMONJS,
  metafile: true,
  plugins: [asciiSources, inlineOnly('inline-all-but-native', (path) => !EXTERNAL.has(packageName(path)) || builtins.has(path))],
});
for (const file of ['dist/bundle/main.js', 'dist/bundle/fleet-worker.js', 'dist/bundle/generate-worker.js']) {
  const text = readFileSync(file, 'utf8');
  const wide = /[\u0080-\uffff]/.exec(text);
  if (wide) {
    console.error(`Unexpected character U+${wide[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} in ${file} at "${text.slice(Math.max(0, wide.index - 60), wide.index + 20)}", expected only ASCII (write it as an escape in its source, or escape it in asciiSources in scripts/bundle.mjs)`);
    process.exit(1);
  }
}

// The package name of every bare import left in the bundle must be a declared dependency.
const missing = new Set();
for (const output of Object.values(result.metafile.outputs)) {
  for (const imp of output.imports) {
    if (!imp.external || builtins.has(imp.path)) continue;
    if (!declared.has(packageName(imp.path))) missing.add(packageName(imp.path));
  }
}
if (missing.size > 0) {
  console.error(`Unexpected imports of ${[...missing].sort().join(', ')} in dist/bundle, expected each to be in apps/cli/package.json dependencies`);
  process.exit(1);
}

// `monspec`, `--help` and `--version` need only main.ts, which loads every command and the packages on
// first use: this copy leaves those lazy imports out (never reached for these arguments, src/startup/start.ts),
// so they do not read and set up the 3 MB bundle.
await build({
  entryPoints: { 'main-light': 'dist/main.js' },
  outdir: 'dist/bundle',
  ...COMMONJS,
  plugins: [
    {
      name: 'leave-out-lazy-imports',
      setup(b) {
        b.onResolve({ filter: /^(\.\/commands\/|@monspec\/)/ }, (args) => (args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined));
      },
    },
    inlineOnly('node-built-ins-only', () => false),
  ],
});

// The loader, with the main bundle's content hash: it names the cache files, so a rebuilt bundle never
// runs with the code cached for another (V8 itself checks only the source's length).
const hash = createHash('sha256').update(readFileSync('dist/bundle/main.js')).digest('hex').slice(0, 16);
await build({
  entryPoints: { start: 'dist/startup/start.js' },
  outdir: 'dist/bundle',
  ...COMMONJS,
  define: { ...COMMONJS.define, MONSPEC_BUNDLE_HASH: JSON.stringify(hash) },
  plugins: [inlineOnly('node-built-ins-only', () => false)],
});
// The package is "type": "module"; these files are CommonJS.
writeFileSync('dist/bundle/package.json', `${JSON.stringify({ type: 'commonjs' })}\n`);

mkdirSync('dist/schema', { recursive: true });
copyFileSync('../../packages/metrics-spec/schema/monspec.schema.json', 'dist/schema/monspec.schema.json');
