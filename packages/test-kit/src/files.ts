/** Writing generated files to a folder, for the tests that hand them to a real tool or a browser. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Writes each file at its relative `path` below `dir` (a new temp folder by default) and returns `dir`. */
export function writeFiles(files: readonly { readonly path: string; readonly content: string }[], dir = mkdtempSync(join(tmpdir(), 'monspec-test-'))): string {
  for (const f of files) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.content);
  }
  return dir;
}
