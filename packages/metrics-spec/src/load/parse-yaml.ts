import jsYaml from 'js-yaml';
import type { Document, Node as YamlNode } from 'yaml';
import type { Diagnostic, SourceLocation } from '../diagnostics.js';
import { escapePointerSegment, type FileLocations, type LocatableFile } from '../source-map.js';
import { yamlAst } from './yaml-ast.js';

export interface SpecFile {
  /** Path relative to the spec directory (used in diagnostics). */
  readonly path: string;
  readonly text: string;
}

export interface ParsedFile extends LocatableFile {
  /** The document as plain JSON data; undefined when the file could not be parsed. */
  readonly data: unknown;
}

/**
 * Parses one YAML spec file into plain data. Data comes from js-yaml's fast loader (YAML 1.2 core
 * schema: no timestamps, no implicit types beyond JSON's); line and column of every value and key
 * come from the `yaml` library's AST, built only when a diagnostic asks for a location.
 */
export function parseSpecFile(file: SpecFile, diagnostics: Diagnostic[]): ParsedFile {
  let cached: FileLocations | undefined;
  const locations = () => (cached ??= buildLocations(file));
  let data: unknown;
  try {
    data = jsYaml.load(file.text, { schema: jsYaml.CORE_SCHEMA, filename: file.path, json: false });
  } catch {
    reportSyntaxError(file, diagnostics);
    return { path: file.path, data: undefined, locations };
  }
  return { path: file.path, data: data === null || data === undefined ? {} : data, locations };
}

/** The first error of the `yaml` parser, whose messages and positions read better than js-yaml's. */
function reportSyntaxError(file: SpecFile, diagnostics: Diagnostic[]): void {
  const { LineCounter, parseDocument } = yamlAst();
  const lineCounter = new LineCounter();
  const doc = parseDocument(file.text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  // The first error is the real one; the rest are the parser losing its footing after it.
  const err = doc.errors[0];
  const pos = err ? lineCounter.linePos(err.pos[0]) : { line: 1, col: 1 };
  const message = err ? (err.message.split('\n')[0] ?? err.message).replace(/ at line \d+, column \d+:?$/, '') : 'the document does not parse';
  diagnostics.push({
    ruleId: 'yaml-syntax',
    severity: 'error',
    message: `Unexpected YAML syntax: ${message}, expected a valid YAML document`,
    location: { file: file.path, line: pos.line, column: pos.col },
  });
}

function buildLocations(file: SpecFile): FileLocations {
  const { LineCounter, parseDocument } = yamlAst();
  const lineCounter = new LineCounter();
  const doc = parseDocument(file.text, { lineCounter, uniqueKeys: false, prettyErrors: false });
  const values = new Map<string, SourceLocation>();
  const keys = new Map<string, SourceLocation>();
  const at = (offset: number): SourceLocation => {
    const { line, col } = lineCounter.linePos(offset);
    return { file: file.path, line, column: col };
  };
  walk(doc, doc.contents, '', values, keys, at);
  return { value: (p) => values.get(p), key: (p) => keys.get(p) };
}

function walk(
  doc: Document,
  node: YamlNode | null | undefined,
  pointer: string,
  values: Map<string, SourceLocation>,
  keys: Map<string, SourceLocation>,
  at: (offset: number) => SourceLocation,
): void {
  if (node == null) return;
  const { isAlias, isMap, isScalar, isSeq } = yamlAst();
  if (node.range) values.set(pointer, at(node.range[0]));
  if (isAlias(node)) {
    walk(doc, node.resolve(doc) ?? null, pointer, values, keys, at);
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => walk(doc, item as YamlNode, `${pointer}/${i}`, values, keys, at));
  } else if (isMap(node)) {
    for (const pair of node.items) {
      const keyNode = pair.key as YamlNode | null;
      if (!isScalar(keyNode)) continue;
      const child = `${pointer}/${escapePointerSegment(String(keyNode.value))}`;
      if (keyNode.range) {
        keys.set(child, at(keyNode.range[0]));
        if (pair.value == null) values.set(child, at(keyNode.range[0]));
      }
      walk(doc, pair.value as YamlNode | null, child, values, keys, at);
    }
  }
}
