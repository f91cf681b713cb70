import type { Diagnostic } from '../diagnostics.js';
import { isReservedName, RESERVED_EXAMPLES } from '../own.js';
import { escapePointerSegment, pointerToPath } from '../source-map.js';
import type { ParsedFile } from './parse-yaml.js';

/**
 * Reports every mapping key of a parsed file that is a JavaScript built-in name (`__proto__`,
 * `constructor`, `toString`, …) at its file:line and removes it, so no later stage (schema, merge,
 * overlay, templates) ever handles such a key.
 */
export function dropReservedKeys(file: ParsedFile, diagnostics: Diagnostic[]): void {
  walk(file.data, '', file, diagnostics);
}

function walk(value: unknown, pointer: string, file: ParsedFile, diagnostics: Diagnostic[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => walk(item, `${pointer}/${i}`, file, diagnostics));
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const child = `${pointer}/${escapePointerSegment(key)}`;
    if (isReservedName(key)) {
      const location = file.locations().key(child) ?? file.locations().value(child);
      diagnostics.push({
        ruleId: 'reserved-name',
        severity: 'error',
        message: `Unexpected name "${key}" at ${pointerToPath(child)}, expected a name that is not a JavaScript built-in (${RESERVED_EXAMPLES})`,
        pointer: child,
        ...(location ? { location } : {}),
      });
      delete record[key];
      continue;
    }
    walk(record[key], child, file, diagnostics);
  }
}
