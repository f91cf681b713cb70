/** Reading `monspec.workspace.yaml` and expanding its service folders (I/O; the validation is metrics-spec's). */
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { parseWorkspace, type Diagnostic, type Workspace } from '@monspec/metrics-spec';
import { UsageError } from '../errors.js';

const DEFAULT_WORKSPACE_FILE = 'monspec.workspace.yaml';

export interface LoadedWorkspace {
  /** Absolute path of the file, and as given for messages. */
  readonly file: string;
  readonly displayFile: string;
  readonly workspace: Workspace;
  /** Service spec folders (absolute, real), in the order of the file, each once. */
  readonly serviceDirs: readonly string[];
}

/** Findings in the workspace file itself, located in it. */
export class WorkspaceFindings extends Error {
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    super('the workspace file has errors');
  }
}

function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

export function readWorkspace(fileArg: string | undefined, cwd: string): LoadedWorkspace {
  const file = resolve(cwd, fileArg ?? DEFAULT_WORKSPACE_FILE);
  const displayFile = displayPath(file, cwd);
  if (!existsSync(file)) throw new UsageError(`Unexpected workspace file ${displayFile}: it does not exist, expected a ${DEFAULT_WORKSPACE_FILE} (README, "Fleet")`);
  if (!statSync(file).isFile()) throw new UsageError(`Unexpected workspace file ${displayFile}: it is not a file, expected a ${DEFAULT_WORKSPACE_FILE}`);
  const { workspace, diagnostics, locate } = parseWorkspace({ path: displayFile, text: readFileSync(file, 'utf8') });
  if (!workspace) throw new WorkspaceFindings(diagnostics);
  const root = realpathSync(dirname(file));
  // Service folders stay inside the repository (a workspace file may come from a pull request).
  const repository = repositoryRoot(root) ?? root;
  const serviceDirs: string[] = [];
  const problems: Diagnostic[] = [];
  workspace.services.forEach((pattern, i) => {
    const found = expand(root, pattern, repository);
    const location = locate(`/services/${i}`);
    const problem = (message: string) => problems.push({ ruleId: 'workspace', severity: 'error', message, ...(location ? { location } : {}) });
    if (typeof found === 'string') return problem(found);
    if (found.length === 0) return problem(`Unexpected service pattern "${pattern}" that matches no folder with *.yaml files, expected at least one service spec folder`);
    for (const dir of found) if (!serviceDirs.includes(dir)) serviceDirs.push(dir);
  });
  if (problems.length > 0) throw new WorkspaceFindings(problems);
  return { file, displayFile, workspace, serviceDirs };
}

/**
 * The spec folders a pattern names, relative to the workspace folder: `*` in a segment matches any
 * folder name (not starting with a dot); folders reached through a symbolic link are skipped. Only
 * folders holding *.yaml files count. A string is the reason the pattern is refused.
 */
function repositoryRoot(dir: string): string | undefined {
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, '.git'))) return d;
    if (dirname(d) === d) return undefined;
  }
}

function expand(root: string, pattern: string, repository: string): string[] | string {
  if (isAbsolute(pattern)) return `Unexpected absolute service path "${pattern}", expected a path relative to the workspace file`;
  let dirs = [root];
  for (const segment of pattern.split('/').filter((s) => s !== '' && s !== '.')) {
    const next: string[] = [];
    for (const dir of dirs) {
      if (!segment.includes('*')) {
        const p = resolve(dir, segment);
        if (existsSync(p) && statSync(p).isDirectory()) next.push(p);
        continue;
      }
      const re = new RegExp(`^${segment.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`);
      for (const name of readdirSync(dir).sort()) {
        if (name.startsWith('.') || !re.test(name)) continue;
        const p = join(dir, name);
        if (lstatSync(p).isDirectory()) next.push(p);
      }
    }
    dirs = next;
  }
  const real = dirs.map((d) => realpathSync(d));
  const outside = real.find((d) => relative(repository, d).startsWith('..') || isAbsolute(relative(repository, d)));
  if (outside !== undefined) return `Unexpected service folder ${outside} outside the repository (${repository}), expected folders inside it`;
  return real.filter((d) => readdirSync(d).some((n) => /\.ya?ml$/.test(n)));
}
