/**
 * Whether this run is CI, where nothing may skip and no golden may be rewritten. Read as vitest
 * reads it (std-env's `CI`): set, and neither empty nor `false`. `CI=true` is what `.ci/run` sets.
 */
export function isCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const ci = env['CI'];
  return ci !== undefined && ci !== '' && ci !== 'false';
}
