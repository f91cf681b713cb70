/** Golden files: compared byte for byte; `UPDATE_GOLDEN=1 npx vitest run` rewrites them. */
import { mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const GOLDEN_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '__golden__');
export const UPDATING = process.env.UPDATE_GOLDEN === '1';
if (UPDATING && process.env.CI === 'true') throw new Error('Unexpected UPDATE_GOLDEN=1 with CI=true, expected goldens to be rewritten only by a developer');

/** The golden's content (after rewriting it when updating), or undefined when there is none. */
export function golden(name: string, actual: string): string | undefined {
  const file = join(GOLDEN_DIR, name);
  if (UPDATING) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
  }
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

export function goldenNames(): string[] {
  return existsSync(GOLDEN_DIR) ? readdirSync(GOLDEN_DIR).sort() : [];
}
