/**
 * A change an agent proposes to the spec: new content for one or more files of the spec directory.
 * Only files directly in the directory (the only ones monspec reads), only `.yaml`/`.yml`, never through
 * a symbolic link; applied in memory for validation and the diff, and written (by apply_change only)
 * atomically: every file to a temporary name beside it first, then each renamed over its target.
 */
import { lstatSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { SpecFile } from '@monspec/metrics-spec';
import { MAX_SPEC_FILE_BYTES } from '@monspec/metrics-spec/node';
import { z } from 'zod';
import { ToolError } from './tool-error.js';

export const FileChangeSchema = z.strictObject({
  path: z.string().describe('A spec file name in the spec directory, e.g. thresholds.yaml (no folders).'),
  content: z.string().describe("The file's complete new content (YAML)."),
});
export type FileChange = z.infer<typeof FileChangeSchema>;

/** A spec file name: no folder part, no leading dot (temporary and hidden files), a YAML extension. */
const SPEC_FILE_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*\.ya?ml$/;

/** Refuses what apply_change must never write: anything but a plain spec file name directly in `dir`. */
export function checkChanges(dir: string, changes: readonly FileChange[]): void {
  if (changes.length === 0) throw new ToolError('Unexpected empty files, expected at least one { path, content }');
  const seen = new Set<string>();
  for (const { path, content } of changes) {
    if (!SPEC_FILE_NAME.test(path)) {
      throw new ToolError(`Unexpected path ${JSON.stringify(path)}, expected the name of a .yaml or .yml file directly in the spec directory (e.g. thresholds.yaml; no folders, "..", absolute or hidden paths)`);
    }
    if (seen.has(path)) throw new ToolError(`Unexpected second change to ${path}, expected each file once`);
    seen.add(path);
    const bytes = Buffer.byteLength(content, 'utf8');
    if (bytes > MAX_SPEC_FILE_BYTES) throw new ToolError(`Unexpected ${path} of ${bytes} bytes, expected a spec file of at most ${MAX_SPEC_FILE_BYTES} bytes`);
    let stat;
    try {
      stat = lstatSync(join(dir, path));
    } catch {
      continue; // a new file
    }
    if (stat.isSymbolicLink()) throw new ToolError(`Unexpected symbolic link ${path} in the spec directory, expected a regular file (monspec never writes through a link)`);
    if (!stat.isFile()) throw new ToolError(`Unexpected ${path}: not a regular file, expected a spec file`);
  }
}

/** The spec's files with the changes applied (a changed file replaced, a new one added). */
export function withChanges(files: readonly SpecFile[], changes: readonly FileChange[]): SpecFile[] {
  const changed = new Map(changes.map((c) => [c.path, c.content]));
  const out = files.map((f) => (changed.has(f.path) ? { path: f.path, text: changed.get(f.path) as string } : f));
  for (const c of changes) if (!files.some((f) => f.path === c.path)) out.push({ path: c.path, text: c.content });
  return out;
}

/** Writes the changes atomically per file; on a failure before the renames, nothing is changed. */
export function writeChanges(dir: string, changes: readonly FileChange[]): void {
  const staged: Array<{ temp: string; target: string }> = [];
  try {
    for (const c of changes) {
      const temp = join(dir, `.${c.path}.monspec-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
      writeFileSync(temp, c.content, { flag: 'wx' });
      staged.push({ temp, target: join(dir, c.path) });
    }
  } catch (err) {
    for (const s of staged) rmSync(s.temp, { force: true });
    throw new ToolError(`Unexpected error writing to the spec directory ${dir}: ${(err as Error).message}, expected a writable directory; nothing was changed`);
  }
  for (const s of staged) renameSync(s.temp, s.target);
}
