import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeTurboLayout } from '@monspec/test-kit';
import { BIN, tempDir } from './run-cli.js';

const LIBRARY = fileURLToPath(new URL('../../../../libraries/http-service', import.meta.url));

/** A service of a few lines built from the HTTP service library (bench/fleet.mjs writes the same). */
function librarySpec(name: string, team: string, errorRatio = '5%'): string {
  return `imports:
  - from: '@monspec/lib-http-service'
    params: { service: ${name}, job: ${name}, team_email: ${team}@example.com, error_ratio_critical: ${errorRatio} }
service:
  name: ${name}
  title: Service ${name}
  description: Service ${name} of a test fleet.
  team: ${team}
  job: ${name}
  grafana: { url: https://grafana.example.com, folder: ${team} }
notifications:
  smtp: { smarthost: smtp.example.com:587, from: alerts@example.com }
`;
}

/**
 * A fleet in a temporary repository (a .git folder, or `git init` for turbo; the library copied into node_modules): each
 * service in services/<name>/ with its spec, and the workspace file. With `turbo`, the turbo layout
 * README describes: every service folder is a workspace package whose build runs `--only .` into its
 * own generated/, and org/ is the package whose build merges them (`--merge`).
 */
export function tempFleet(names: readonly string[], options: { turbo?: boolean; environments?: readonly string[] } = {}): string {
  const dir = tempDir('monspec-fleet-');
  // A repository: monspec keeps service folders and imports inside it, and turbo hashes through git.
  if (options.turbo) {
    const git = spawnSync('git', ['init', '-q'], { cwd: dir, encoding: 'utf8' });
    if (git.status !== 0) throw new Error(`git init failed in ${dir}: ${git.stderr}`);
  } else mkdirSync(join(dir, '.git'));
  cpSync(join(LIBRARY, 'spec'), join(dir, 'node_modules', '@monspec', 'lib-http-service', 'spec'), { recursive: true });
  cpSync(join(LIBRARY, 'package.json'), join(dir, 'node_modules', '@monspec', 'lib-http-service', 'package.json'));
  names.forEach((name, i) => {
    mkdirSync(join(dir, 'services', name), { recursive: true });
    writeFileSync(join(dir, 'services', name, 'service.yaml'), librarySpec(name, `team${i % 2}`));
  });
  writeFileSync(
    join(dir, 'monspec.workspace.yaml'),
    `services: [services/*]
libraries: ['@monspec/lib-http-service']
environments: [${(options.environments ?? ['production', 'staging']).join(', ')}]
org:
  name: Test Org
  receiver: { name: org-oncall, email: sre@example.com }
  smtp: { smarthost: smtp.example.com:587, from: alertmanager@example.com }
  grafana: { folders: { team0: Team Zero } }
`,
  );
  if (!options.turbo) return dir;
  writeTurboLayout(dir, `node ${JSON.stringify(BIN)}`, names);
  return dir;
}
