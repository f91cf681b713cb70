import { existsSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { EMBEDDED_SPEC_DIR, type CompileOptions, type CompileResult } from '@monspec/metrics-spec';
import { readSpecDir } from '@monspec/metrics-spec/node';
import { compileSpec } from '@monspec/metrics-spec';
import { UsageError } from './errors.js';

export interface LoadedSpec {
  /** Absolute directory. */
  readonly dir: string;
  /** For messages: relative to the working directory when inside it. */
  readonly displayDir: string;
}

/** The spec directory from --spec, or the embedded tunnel spec. Missing or unreadable is a usage error. */
export function locateSpec(specArg: string | undefined, cwd: string): LoadedSpec {
  const dir = specArg === undefined ? EMBEDDED_SPEC_DIR.replace(/\/+$/, '') : resolve(cwd, specArg);
  if (!existsSync(dir)) throw new UsageError(`Unexpected spec directory ${specArg ?? dir}: it does not exist, expected a directory of monspec *.yaml files`);
  if (!statSync(dir).isDirectory()) throw new UsageError(`Unexpected spec path ${specArg ?? dir}: it is not a directory, expected a directory of monspec *.yaml files`);
  const rel = relative(cwd, dir);
  return { dir, displayDir: rel === '' ? '.' : rel.startsWith('..') ? dir : rel };
}

/** Reads and compiles; an unknown environment is a usage error. */
export function compileAt(spec: LoadedSpec, environment: string | undefined, onStage?: CompileOptions['onStage'], timings?: Record<string, number>): CompileResult {
  let files;
  const t = performance.now();
  try {
    files = readSpecDir(spec.dir);
  } catch (err) {
    throw new UsageError(`Unexpected unreadable spec directory ${spec.displayDir}: ${(err as Error).message}`);
  }
  if (timings) timings.read = (timings.read ?? 0) + performance.now() - t;
  const result = compileSpec(files, { ...(environment === undefined ? {} : { environment }), ...(onStage ? { onStage } : {}) });
  if (result.usageError) throw new UsageError(result.usageError);
  return result;
}
