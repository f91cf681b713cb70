// What every package's esbuild bundle shares: Node 20 ESM with source maps, and a resolver that
// inlines only the packages a bundle is for (each script says which, and why) and leaves every other
// bare import external.
export const NODE_BUNDLE = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
};

/** An esbuild plugin: bare imports for which `inline(path)` is false stay external. */
export function inlineOnly(name, inline) {
  return {
    name,
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, (args) => (inline(args.path) ? undefined : { path: args.path, external: true }));
    },
  };
}
