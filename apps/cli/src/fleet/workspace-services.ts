import { relative } from 'node:path';
import { formatDiagnostics } from '../output/format-diagnostics.js';
import { createStyle } from '../output/style.js';
import { compileFiles, readSpec, type LoadedSpec } from '../spec-source.js';
import { UsageError } from '../errors.js';
import { readWorkspace, WorkspaceFindings } from './workspace-file.js';

/** The services a workspace file lists, by name (their spec's service.name), for commands that serve one of them. */
export function workspaceServices(file: string, cwd: string): { name: string; spec: LoadedSpec }[] {
  let workspace;
  try {
    workspace = readWorkspace(file, cwd);
  } catch (err) {
    if (err instanceof WorkspaceFindings) throw new UsageError(`Unexpected workspace file ${file} with errors:\n${formatDiagnostics('text', err.diagnostics, '.', createStyle({ isTTY: false })).replace(/(^|\n)\.\//g, '$1')}`);
    throw err;
  }
  return workspace.serviceDirs.map((dir) => {
    const spec: LoadedSpec = { dir, displayDir: relative(cwd, dir) || '.' };
    const result = compileFiles(readSpec(spec), undefined);
    // A spec with errors still has a name when its service section parsed; else its folder names it.
    const name = result.model?.service.name ?? spec.displayDir;
    return { name, spec };
  });
}
