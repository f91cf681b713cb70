import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode, type Document } from 'yaml';
import type { Diagnostic, SourceLocation } from '../diagnostics.js';
import { escapePointerSegment, SourceMap } from '../source-map.js';

export interface SpecFile {
  /** Path relative to the spec directory (used in diagnostics). */
  readonly path: string;
  readonly text: string;
}

export interface ParsedFile {
  readonly path: string;
  /** The document as plain JSON data; undefined when the file could not be parsed. */
  readonly data: unknown;
  readonly sourceMap: SourceMap;
}

/**
 * Parses one YAML spec file into plain data, recording the line and column of every value and key.
 * Syntax errors become `yaml-syntax` diagnostics.
 */
export function parseSpecFile(file: SpecFile, diagnostics: Diagnostic[]): ParsedFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(file.text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const sourceMap = new SourceMap();
  const at = (offset: number): SourceLocation => {
    const { line, col } = lineCounter.linePos(offset);
    return { file: file.path, line, column: col };
  };

  if (doc.errors.length > 0) {
    // The first error is the real one; the rest are the parser losing its footing after it.
    for (const err of doc.errors.slice(0, 1)) {
      const message = err.message.split('\n')[0] ?? err.message;
      diagnostics.push({
        ruleId: 'yaml-syntax',
        severity: 'error',
        message: `Unexpected YAML syntax: ${message.replace(/ at line \d+, column \d+:?$/, '')}, expected a valid YAML document`,
        location: at(err.pos[0]),
      });
    }
    return { path: file.path, data: undefined, sourceMap };
  }

  const data = toData(doc, doc.contents, '', sourceMap, at, diagnostics, file.path);
  return { path: file.path, data: data === null ? {} : data, sourceMap };
}

function toData(
  doc: Document,
  node: YamlNode | null | undefined,
  pointer: string,
  sourceMap: SourceMap,
  at: (offset: number) => SourceLocation,
  diagnostics: Diagnostic[],
  path: string,
): unknown {
  if (node == null) return null;
  if (node.range) sourceMap.setValue(pointer, at(node.range[0]));
  if (isAlias(node)) {
    return toData(doc, node.resolve(doc) ?? null, pointer, sourceMap, at, diagnostics, path);
  }
  if (isScalar(node)) return node.value;
  if (isSeq(node)) {
    return node.items.map((item, i) => toData(doc, item as YamlNode, `${pointer}/${i}`, sourceMap, at, diagnostics, path));
  }
  if (isMap(node)) {
    const out: Record<string, unknown> = {};
    for (const pair of node.items) {
      const keyNode = pair.key as YamlNode | null;
      const key = isScalar(keyNode) ? keyNode.value : undefined;
      if (typeof key !== 'string' && typeof key !== 'number') {
        diagnostics.push({
          ruleId: 'yaml-syntax',
          severity: 'error',
          message: 'Unexpected non-scalar mapping key, expected a string key',
          location: keyNode?.range ? at(keyNode.range[0]) : { file: path, line: 1, column: 1 },
        });
        continue;
      }
      const name = String(key);
      const child = `${pointer}/${escapePointerSegment(name)}`;
      if (keyNode?.range) sourceMap.setKey(child, at(keyNode.range[0]));
      // Defined as an own property so a key named __proto__ stays data.
      Object.defineProperty(out, name, {
        value: toData(doc, pair.value as YamlNode | null, child, sourceMap, at, diagnostics, path),
        enumerable: true,
        writable: true,
        configurable: true,
      });
      if (pair.value == null && keyNode?.range) sourceMap.setValue(child, at(keyNode.range[0]));
    }
    return out;
  }
  return null;
}
