import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { CompileOptions, CompileResult, SpecFile } from '@monspec/metrics-spec';
import { ImportError, readSpecWithLibraries } from '@monspec/metrics-spec/node';
import { compileSpec } from '@monspec/metrics-spec';
import { UsageError } from './errors.js';
import { specFilePath } from './output/format-diagnostics.js';

export interface LoadedSpec {
  /** Absolute directory. */
  readonly dir: string;
  /** For messages: relative to the working directory when inside it. */
  readonly displayDir: string;
}

/** The directory a project keeps its spec in, found without --spec. */
export const DEFAULT_SPEC_DIR = 'monitoring';

/** The root package of the monspec repository, whose embedded tunnel spec is the default only there. */
const MONOREPO_NAME = 'monspec-monorepo';
const EMBEDDED_SPEC_IN_REPO = join('packages', 'metrics-spec', 'spec');

const NO_SPEC_MESSAGE = `no spec found: expected ./${DEFAULT_SPEC_DIR}/ or --spec DIR; run \`monspec init ${DEFAULT_SPEC_DIR} --service NAME\``;

/** The monspec repository's root when `cwd` is inside it (its root package.json names the monorepo), else undefined. */
function monorepoRoot(cwd: string): string | undefined {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: unknown }).name === MONOREPO_NAME) return dir;
      } catch {
        // An unreadable package.json on the way up is not the monorepo's; keep looking.
      }
    }
    if (dirname(dir) === dir) return undefined;
  }
}

function display(dir: string, cwd: string): string {
  const rel = relative(cwd, dir);
  return rel === '' ? '.' : rel.startsWith('..') ? dir : rel;
}

function checkedDir(dir: string, named: string): string {
  if (!existsSync(dir)) throw new UsageError(`Unexpected spec directory ${named}: it does not exist, expected a directory of monspec *.yaml files`);
  if (!statSync(dir).isDirectory()) throw new UsageError(`Unexpected spec path ${named}: it is not a directory, expected a directory of monspec *.yaml files`);
  return dir;
}

/**
 * The spec a command works on: `--spec DIR`; else `./monitoring/`; else, only inside the monspec
 * repository, its embedded tunnel spec, announced on one stderr line so nobody mistakes it for theirs.
 * Anywhere else without a spec is a usage error that says how to make one.
 */
export function locateSpec(specArg: string | undefined, io: { readonly cwd: string; err(text: string): void }): LoadedSpec {
  const { cwd } = io;
  if (specArg !== undefined) {
    const dir = checkedDir(resolve(cwd, specArg), specArg);
    return { dir, displayDir: display(dir, cwd) };
  }
  const local = resolve(cwd, DEFAULT_SPEC_DIR);
  if (existsSync(local)) {
    checkedDir(local, `./${DEFAULT_SPEC_DIR}`);
    return { dir: local, displayDir: display(local, cwd) };
  }
  const root = monorepoRoot(cwd);
  if (root === undefined) throw new UsageError(NO_SPEC_MESSAGE);
  const dir = checkedDir(join(root, EMBEDDED_SPEC_IN_REPO), EMBEDDED_SPEC_IN_REPO);
  const displayDir = display(dir, cwd);
  io.err(`monspec: using the embedded streaming-proxy spec (${displayDir}): no ./${DEFAULT_SPEC_DIR}/ here and no --spec DIR`);
  return { dir, displayDir };
}

/** The spec directory's files and its libraries' (a usage error when unreadable or an import is refused). */
export function readSpec(spec: LoadedSpec): SpecFile[] {
  try {
    return readSpecWithLibraries(spec.dir);
  } catch (err) {
    if (err instanceof ImportError) throw new UsageError(`${specFilePath(spec.displayDir, err.file)}:${err.line}:${err.column}: ${err.reason}`);
    throw new UsageError(`Unexpected unreadable spec directory ${spec.displayDir}: ${(err as Error).message}`);
  }
}

/** Compiles spec files read before (or changed in memory); an unknown environment is a usage error. */
export function compileFiles(files: readonly SpecFile[], environment: string | undefined, onStage?: CompileOptions['onStage']): CompileResult {
  const result = compileSpec(files, { ...(environment === undefined ? {} : { environment }), ...(onStage ? { onStage } : {}) });
  if (result.usageError) throw new UsageError(result.usageError);
  return result;
}

/** Reads and compiles; an unknown environment is a usage error. */
export function compileAt(spec: LoadedSpec, environment: string | undefined, onStage?: CompileOptions['onStage'], timings?: Record<string, number>): CompileResult {
  const t = performance.now();
  const files = readSpec(spec);
  if (timings) timings.read = (timings.read ?? 0) + performance.now() - t;
  return compileFiles(files, environment, onStage);
}

