/**
 * Writes preview files into a folder monspec may share with other files: it writes only the names
 * it lists in the folder's `.monspec-previews.json` (name → sha256 of what it wrote), never overwrites
 * a file it did not write or that was changed since (exit 2, naming it), never deletes, never writes
 * through a link. Each file goes to a temp file and is renamed into place.
 */
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../errors.js';

const PREVIEW_MANIFEST = '.monspec-previews.json';

export interface PreviewFile {
  readonly name: string;
  readonly bytes: Uint8Array | string;
}

const sha = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

function readManifest(dir: string): Record<string, string> {
  const path = join(dir, PREVIEW_MANIFEST);
  if (!existsSync(path)) return {};
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as { files?: Record<string, string> };
    return parsed.files ?? {};
  } catch {
    throw new UsageError(`Unexpected content in ${path}, expected the previews manifest monspec writes (delete it and the previews to start over)`);
  }
}

export function writePreviews(dir: string, displayDir: string, files: readonly PreviewFile[]): void {
  if (existsSync(dir) && !lstatSync(dir).isDirectory()) throw new UsageError(`Unexpected ${displayDir}: not a directory, expected a folder for the previews (--out)`);
  const owned = readManifest(dir);
  for (const f of files) {
    const path = join(dir, f.name);
    if (!existsSync(path)) continue;
    const stat = lstatSync(path);
    if (!stat.isFile()) throw new UsageError(`Unexpected ${join(displayDir, f.name)}: not a regular file, expected monspec's preview or nothing there`);
    const known = owned[f.name];
    if (known === undefined) throw new UsageError(`Unexpected ${join(displayDir, f.name)} that monspec did not write, expected no file there (move it, or choose another --out)`);
    if (known !== sha(readFileSync(path))) throw new UsageError(`Unexpected ${join(displayDir, f.name)} changed since monspec wrote it, expected it unchanged (move it, or choose another --out)`);
  }
  try {
    mkdirSync(dir, { recursive: true });
    for (const f of files) {
      const temp = join(dir, `.${f.name}.tmp-${process.pid}`);
      writeFileSync(temp, f.bytes);
      renameSync(temp, join(dir, f.name));
      owned[f.name] = sha(f.bytes);
    }
    const sorted = Object.fromEntries(Object.entries(owned).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    writeFileSync(join(dir, PREVIEW_MANIFEST), `${JSON.stringify({ generator: 'monspec preview', files: sorted }, null, 2)}\n`);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    throw new UsageError(`Unexpected ${e.code ?? 'error'} writing previews into ${displayDir} (${e.message}), expected a writable folder`);
  }
}
