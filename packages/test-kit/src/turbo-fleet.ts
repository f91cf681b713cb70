import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The turbo layout of a fleet (README, "The turbo layout") over a fleet folder that already holds
 * monspec.workspace.yaml and services/<name>/*.yaml: a root package with turbo.json, every service
 * folder a workspace package whose build runs `--only .` into its own generated/, and org/ the package
 * whose build merges them (`--merge`). `monspec` is the command line that runs the CLI. Used by the
 * turbo-layout test and by bench/fleet.mjs.
 */
export function writeTurboLayout(dir: string, monspec: string, names: readonly string[]): void {
  const json = (path: string, data: unknown) => writeFileSync(join(dir, path), JSON.stringify(data, null, 2) + '\n');
  json('package.json', { name: 'test-fleet', private: true, workspaces: ['services/*', 'org'], packageManager: 'npm@11.19.1' });
  json('turbo.json', {
    $schema: 'https://turbo.build/schema.json',
    tasks: {
      build: {
        dependsOn: ['^build'],
        // The spec, the workspace file and the library the specs import: an edit to any invalidates the build.
        inputs: ['*.yaml', 'package.json', '$TURBO_ROOT$/monspec.workspace.yaml', '$TURBO_ROOT$/node_modules/@monspec/lib-http-service/spec/**'],
        outputs: ['generated/**'],
      },
    },
  });
  for (const name of names) {
    json(`services/${name}/package.json`, { name, version: '0.0.0', private: true, scripts: { build: `${monspec} build --workspace ../../monspec.workspace.yaml --only . --out generated --quiet` } });
  }
  mkdirSync(join(dir, 'org'), { recursive: true });
  json('org/package.json', {
    name: 'org',
    version: '0.0.0',
    private: true,
    scripts: { build: `${monspec} build --workspace ../monspec.workspace.yaml --merge --from '../services/*/generated' --out generated --quiet` },
    dependencies: Object.fromEntries(names.map((n) => [n, '0.0.0'])),
  });
}
