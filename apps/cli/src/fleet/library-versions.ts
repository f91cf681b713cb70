import { realpathSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { SpecFile } from '@monspec/metrics-spec';
import { resolveLibraryPackage } from '@monspec/metrics-spec/node';
import type { LoadedSpec } from '../spec-source.js';
import type { LoadedWorkspace } from './workspace-file.js';

/**
 * One version of each library the workspace lists, fleet-wide: the package as resolved from the
 * workspace file's folder, and every service importing it must get that same folder (a service
 * with its own node_modules copy of another version is refused, naming both).
 */
export function checkLibraryVersions(workspace: LoadedWorkspace, services: readonly { spec: LoadedSpec; files: readonly SpecFile[] }[]): string[] {
  const problems: string[] = [];
  for (const name of workspace.workspace.libraries ?? []) {
    let pinned: ReturnType<typeof resolveLibraryPackage>;
    try {
      pinned = resolveLibraryPackage(name, dirname(workspace.file));
    } catch (err) {
      problems.push(`${workspace.displayFile}: Unexpected library "${name}": ${(err as Error).message}`);
      continue;
    }
    for (const { spec, files } of services) {
      const used = files.find((f) => f.library?.package?.name === name)?.library;
      if (!used?.package) continue;
      const dir = realpathSync(resolve(spec.dir, used.id));
      if (dir !== pinned.dir) {
        problems.push(`${spec.displayDir}: Unexpected ${name} ${used.package.version} (${dir}), expected the fleet's one version ${pinned.package.version} (${pinned.dir}, as ${workspace.displayFile} resolves it)`);
      }
    }
  }
  return problems;
}
