/**
 * What `bin/monspec.js` runs: the CLI bundle (dist/bundle/main.js) loaded through the compile cache,
 * then `main`. Bundled on its own (dist/bundle/start.js, node built-ins only) by scripts/bundle.mjs,
 * which also defines MONSPEC_BUNDLE_HASH, the main bundle's content hash that names its cache files.
 */
import { join } from 'node:path';
import { cacheFileName, compileCacheDir, loadBundle } from './compile-cache.js';

declare const MONSPEC_BUNDLE_HASH: string;

type Main = { main(argv: readonly string[]): Promise<number> };

/** Arguments main.ts answers without loading a command (scripts/bundle.mjs builds main-light.js for them). */
const LIGHT = new Set([undefined, '--help', '-h', 'help', '--version', '-v']);

export async function start(bundleDir: string, argv: readonly string[]): Promise<number> {
  if (LIGHT.has(argv[0])) return loadBundle<Main>(join(bundleDir, 'main-light.js'), undefined).exports.main(argv);
  const dir = compileCacheDir(process.env);
  const nodeOptions = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].join(' ').trim();
  const bundle = loadBundle<Main>(join(bundleDir, 'main.js'), dir === undefined ? undefined : join(dir, cacheFileName(MONSPEC_BUNDLE_HASH, argv[0], nodeOptions)));
  const code = await bundle.exports.main(argv);
  // A usage error (a mistyped command or flag) is no run to cache: it would leave a file per typo.
  if (code !== 2) bundle.save();
  return code;
}
