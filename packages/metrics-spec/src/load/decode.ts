import type { SpecFile } from './parse-yaml.js';

/**
 * Spec files are UTF-8 (YAML 1.2 allows UTF-16/32 too, but every tool monspec feeds expects UTF-8).
 * Decodes the bytes of one file; a file in another encoding gets `unreadable` naming the encoding
 * and where the first offending byte is, so the loader reports it as a finding with file:line.
 */
export function decodeSpecBytes(path: string, bytes: Uint8Array): SpecFile {
  const bom = byteOrderMark(bytes);
  if (bom) return { path, text: '', unreadable: { line: 1, column: 1, message: `Unexpected ${bom} text (byte order mark ${hex(bytes.subarray(0, bom.startsWith('UTF-32') ? 4 : 2))}), expected UTF-8` } };
  // UTF-16 without a byte order mark: ASCII text with a NUL byte beside every character.
  if (bytes.length >= 4 && bytes[1] === 0 && bytes[3] === 0 && bytes[0] !== 0) return { path, text: '', unreadable: { line: 1, column: 1, message: 'Unexpected UTF-16 LE text (no byte order mark), expected UTF-8' } };
  if (bytes.length >= 4 && bytes[0] === 0 && bytes[2] === 0 && bytes[1] !== 0) return { path, text: '', unreadable: { line: 1, column: 1, message: 'Unexpected UTF-16 BE text (no byte order mark), expected UTF-8' } };
  const bad = firstInvalidUtf8(bytes);
  if (bad !== undefined) {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < bad; i++) {
      if (bytes[i] !== 0x0a) continue;
      line++;
      lineStart = i + 1;
    }
    const column = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, bad)).length + 1;
    return {
      path,
      text: '',
      unreadable: { line, column, message: `Unexpected byte ${hex(bytes.subarray(bad, bad + 1))}, which is not UTF-8 (the file looks like Latin-1 / Windows-1252), expected UTF-8 text` },
    };
  }
  const text = new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes);
  return { path, text };
}

function byteOrderMark(b: Uint8Array): string | undefined {
  if (b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) return 'UTF-32 LE';
  if (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) return 'UTF-32 BE';
  if (b[0] === 0xff && b[1] === 0xfe) return 'UTF-16 LE';
  if (b[0] === 0xfe && b[1] === 0xff) return 'UTF-16 BE';
  return undefined;
}

function hex(b: Uint8Array): string {
  return [...b].map((x) => x.toString(16).toUpperCase().padStart(2, '0')).join(' ');
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
function firstInvalidUtf8(b: Uint8Array): number | undefined {
  let i = 0;
  while (i < b.length) {
    const c = b[i] as number;
    if (c < 0x80) {
      i++;
      continue;
    }
    const len = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (len === 0 || i + len > b.length) return i;
    for (let k = 1; k < len; k++) if (((b[i + k] as number) & 0xc0) !== 0x80) return i;
    const c1 = b[i + 1] as number;
    // Overlong forms, UTF-16 surrogates and code points above U+10FFFF.
    if ((c === 0xe0 && c1 < 0xa0) || (c === 0xed && c1 > 0x9f) || (c === 0xf0 && c1 < 0x90) || (c === 0xf4 && c1 > 0x8f)) return i;
    i += len;
  }
  return undefined;
}
