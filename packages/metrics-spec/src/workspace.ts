import type { Diagnostic } from './diagnostics.js';
import type { Workspace } from './generated/spec-types.js';
import { parseSpecFile, type SpecFile } from './load/parse-yaml.js';
import { dropReservedKeys } from './load/reserved-keys.js';
import { validateAgainstSchema } from './load/validate-schema.js';
import { SourceMap } from './source-map.js';

export type { Workspace } from './generated/spec-types.js';

/**
 * Parses and validates `monspec.workspace.yaml` against the schema's `workspace` definition, with
 * file:line:col on every finding. Pure: the CLI reads the file and expands the service globs.
 */
export function parseWorkspace(file: SpecFile): { workspace: Workspace | undefined; diagnostics: Diagnostic[]; locate: (pointer: string) => Diagnostic['location'] } {
  const diagnostics: Diagnostic[] = [];
  const parsed = parseSpecFile(file, diagnostics);
  const map = new SourceMap();
  map.setOrigin('', parsed);
  const locate = (pointer: string) => map.locate(pointer);
  if (parsed.data === undefined) return { workspace: undefined, diagnostics, locate };
  dropReservedKeys(parsed, diagnostics);
  const ok = validateAgainstSchema('workspace', parsed.data, map, diagnostics);
  return { workspace: ok && diagnostics.every((d) => d.severity !== 'error') ? (parsed.data as Workspace) : undefined, diagnostics, locate };
}
