/**
 * The other generators' files, as the guide names them: found by role in the descriptors the CLI
 * passes (`DocsOptions.artifacts`), never by a path written here.
 */
import { withRole, type ArtifactDescriptor, type ArtifactRole } from '@monspec/metrics-spec';

/** The paths of the files with these roles, in the order of `roles`; only deployed ones unless `all`. */
export function pathsOf(outputs: readonly ArtifactDescriptor[], roles: readonly ArtifactRole[], all = false): string[] {
  return roles.flatMap((role) => withRole(outputs, role).filter((d) => all || d.deployed).map((d) => d.path));
}

/** The folder part of a POSIX path (`''` for none). */
function folder(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

/** From the first dot of a file name: `alerts.rules.yml` → `.rules.yml`. */
function dotSuffix(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const i = name.indexOf('.');
  return i < 0 ? '' : name.slice(i);
}

/** The longest dot-suffix every name ends with: `.rules.yml` for recording.rules.yml and alerts.rules.yml. */
function commonSuffix(paths: readonly string[]): string {
  let suffix = dotSuffix(paths[0] ?? '');
  while (suffix !== '' && !paths.every((p) => p.endsWith(suffix))) {
    const next = suffix.indexOf('.', 1);
    suffix = next < 0 ? '' : suffix.slice(next);
  }
  return suffix;
}

/**
 * How the guide names a set of files: the one path, or a glob of their common folder and suffix
 * (`grafana/dashboards/*.json`) when there are several or `glob` says the role is a folder of many.
 * Files in different folders are listed one by one.
 */
export function filePatterns(paths: readonly string[], glob = false): string[] {
  const first = paths[0];
  if (first === undefined) return [];
  if (paths.length === 1 && !glob) return [first];
  const dir = folder(first);
  if (!paths.every((p) => folder(p) === dir)) return [...paths];
  return [`${dir === '' ? '' : `${dir}/`}*${commonSuffix(paths)}`];
}
