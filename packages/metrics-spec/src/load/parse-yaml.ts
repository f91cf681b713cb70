import jsYaml from 'js-yaml';
import type { Document, Node as YamlNode } from 'yaml';
import type { Diagnostic, SourceLocation } from '../diagnostics.js';
import { escapePointerSegment, type FileLocations, type LocatableFile } from '../source-map.js';
import { yamlAst } from './yaml-ast.js';
import { checkShape, MAX_ALIAS_EXPANSION, MAX_NESTING_DEPTH, type ShapeProblem } from './yaml-limits.js';

export interface SpecFile {
  /** Path relative to the spec directory (used in diagnostics). */
  readonly path: string;
  readonly text: string;
  /** Set when the bytes could not be read as text (e.g. not UTF-8); `text` is then empty. */
  readonly unreadable?: { readonly line: number; readonly column: number; readonly message: string };
  /** Set on the files of an imported library: which one (its folder relative to the spec directory) and its npm package. */
  readonly library?: { readonly id: string; readonly package?: { readonly name: string; readonly version: string } };
  /** How the reader resolved this file's `imports` (each `from` → the library's id). */
  readonly resolvedImports?: Readonly<Record<string, string>>;
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
  const fail = (): ParsedFile => ({ path: file.path, data: undefined, locations });
  if (file.unreadable) {
    const { line, column, message } = file.unreadable;
    diagnostics.push({ ruleId: 'encoding', severity: 'error', message, location: { file: file.path, line, column } });
    return fail();
  }
  // Before any parser: both YAML parsers recurse per level, and the `yaml` one slows down
  // quadratically with depth (20,000 nested brackets took 30 s), so absurd nesting never reaches them.
  const deep = deepPosition(file.text);
  if (deep) {
    diagnostics.push({ ruleId: 'yaml-limits', severity: 'error', message: `Unexpected nesting deeper than ${MAX_NESTING_DEPTH} levels, expected at most ${MAX_NESTING_DEPTH}`, location: { file: file.path, ...deep } });
    return fail();
  }
  let data: unknown;
  try {
    data = jsYaml.load(file.text, { schema: jsYaml.CORE_SCHEMA, filename: file.path, json: false });
  } catch (err) {
    reportSyntaxError(file, err, diagnostics);
    return fail();
  }
  if (data === null || data === undefined) {
    diagnostics.push({
      ruleId: 'empty-file',
      severity: 'warning',
      message: `Unexpected empty file ${file.path}, expected at least one section (service, metrics, alerts, …)`,
      location: { file: file.path, line: 1, column: 1 },
    });
    return { path: file.path, data: {}, locations };
  }
  const shape = checkShape(data);
  if (shape) {
    diagnostics.push({ ruleId: 'yaml-limits', severity: 'error', message: shapeMessage(shape), location: shapeLocation(file, shape) });
    return fail();
  }
  return { path: file.path, data, locations };
}

function shapeMessage(p: ShapeProblem): string {
  switch (p.kind) {
    case 'cycle':
      return 'Unexpected alias inside the node it refers to (a self-referencing alias), expected an alias to a finished node';
    case 'depth':
      return `Unexpected nesting ${p.depth} levels deep, expected at most ${MAX_NESTING_DEPTH}`;
    case 'expansion':
      return `Unexpected aliases expanding the document to ${p.values > 1e15 ? 'more than 10^15' : p.values} values (an alias bomb?), expected aliases to add at most ${MAX_ALIAS_EXPANSION} values`;
  }
}

/**
 * Where a shape problem is: the alias that closes the cycle or expands the most, or the first node
 * nested too deep. Walks the `yaml` AST once, memoizing each anchored node's expanded size.
 */
function shapeLocation(file: SpecFile, problem: ShapeProblem): SourceLocation {
  const { LineCounter, parseDocument, isAlias, isMap, isSeq, isPair } = yamlAst();
  const lineCounter = new LineCounter();
  const doc = parseDocument(file.text, { lineCounter, uniqueKeys: false, prettyErrors: false });
  const memo = new Map<unknown, number>();
  const active = new Set<unknown>();
  let best: { node: YamlNode; score: number } | undefined;
  const consider = (node: YamlNode, score: number) => {
    if (!best || score > best.score) best = { node, score };
  };
  const size = (node: unknown, depth: number): number => {
    if (node == null || typeof node !== 'object') return 1;
    if (isPair(node)) return size(node.key, depth) + size(node.value, depth);
    if (depth > MAX_NESTING_DEPTH) {
      if (problem.kind === 'depth') consider(node as YamlNode, 1);
      return 1;
    }
    if (isAlias(node)) {
      const target = node.resolve(doc);
      if (!target) return 1;
      if (active.has(target)) {
        consider(node, Number.POSITIVE_INFINITY);
        return 1;
      }
      const s = size(target, depth);
      if (problem.kind === 'expansion') consider(node, s);
      return s;
    }
    const known = memo.get(node);
    if (known !== undefined) return known;
    active.add(node);
    let total = 1;
    if (isMap(node) || isSeq(node)) for (const item of node.items) total += size(item, depth + 1);
    active.delete(node);
    memo.set(node, total);
    return total;
  };
  size(doc.contents, 0);
  const found = best as { node: YamlNode; score: number } | undefined;
  const { line, col } = lineCounter.linePos(found?.node.range?.[0] ?? 0);
  return { file: file.path, line, column: col };
}

/** js-yaml's error, reported with the `yaml` parser's first error where that reads better. */
function reportSyntaxError(file: SpecFile, err: unknown, diagnostics: Diagnostic[]): void {
  const push = (message: string, line: number, column: number) =>
    diagnostics.push({ ruleId: 'yaml-syntax', severity: 'error', message, location: { file: file.path, line, column } });
  const mark = (err as { mark?: { line: number; column: number } }).mark;
  const reason = (err as { reason?: string }).reason ?? '';
  if (err instanceof RangeError) {
    // js-yaml recurses per nesting level; only absurd nesting overflows the stack.
    push(`Unexpected nesting too deep to parse, expected at most ${MAX_NESTING_DEPTH} levels`, 1, 1);
    return;
  }
  const tag = /^unknown tag !<(.*)>/.exec(reason);
  if (tag && mark) {
    const name = (tag[1] as string).replace(/^tag:yaml\.org,2002:/, '!!');
    push(`Unexpected YAML tag ${name}, expected plain values without tags (monspec reads YAML's core schema only)`, mark.line + 1, mark.column + 1);
    return;
  }
  if (/^duplicated mapping key/.test(reason)) {
    const dup = findDuplicateKey(file.text);
    if (dup) {
      push(`Unexpected duplicate key "${excerptKey(dup.key)}" at line ${dup.second}, expected each key once in a mapping (first at line ${dup.first})`, dup.second, dup.column);
      return;
    }
  }
  let parsed: { message: string; line: number; col: number } | undefined;
  try {
    const { LineCounter, parseDocument } = yamlAst();
    const lineCounter = new LineCounter();
    const doc = parseDocument(file.text, { lineCounter, uniqueKeys: true, prettyErrors: false });
    // The first error is the real one; the rest are the parser losing its footing after it.
    const first = doc.errors[0];
    if (first) parsed = { message: (first.message.split('\n')[0] ?? first.message).replace(/ at line \d+, column \d+:?$/, ''), ...lineCounter.linePos(first.pos[0]) };
  } catch {
    parsed = undefined;
  }
  if (parsed) push(`Unexpected YAML syntax: ${parsed.message}, expected a valid YAML document`, parsed.line, parsed.col);
  else if (mark) push(`Unexpected YAML syntax: ${reason || 'the document does not parse'}, expected a valid YAML document`, mark.line + 1, mark.column + 1);
  else push('Unexpected YAML syntax: the document does not parse, expected a valid YAML document', 1, 1);
}

/**
 * Where flow brackets nest deeper than the limit, or a line is indented deeper than four spaces
 * per allowed level; undefined when neither. One pass over the text, skipping quoted strings and
 * comments roughly: it is a guard against absurd input, real specs stay far below both.
 */
function deepPosition(text: string): { line: number; column: number } | undefined {
  let depth = 0;
  let line = 1;
  let lineStart = 0;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      line++;
      lineStart = i + 1;
      quote = undefined;
      let indent = 0;
      while (text.charCodeAt(lineStart + indent) === 32) indent++;
      if (indent > 4 * MAX_NESTING_DEPTH) return { line, column: indent + 1 };
      continue;
    }
    if (quote) {
      if (c === quote) quote = undefined;
      continue;
    }
    if (c === '#' && (i === lineStart || text[i - 1] === ' ')) {
      const end = text.indexOf('\n', i);
      i = (end < 0 ? text.length : end) - 1;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '{') {
      if (++depth > MAX_NESTING_DEPTH) return { line, column: i - lineStart + 1 };
    } else if (c === ']' || c === '}') depth = Math.max(0, depth - 1);
  }
  return undefined;
}

function excerptKey(key: string): string {
  return key.length > 80 ? `${key.slice(0, 80)}…` : key;
}

/** The first key that repeats within one mapping, with the lines of both. */
function findDuplicateKey(text: string): { key: string; first: number; second: number; column: number } | undefined {
  const { LineCounter, parseDocument, isMap, isSeq, isScalar, isPair } = yamlAst();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false });
  const visit = (node: unknown, depth: number): { key: string; first: number; second: number; column: number } | undefined => {
    if (depth > MAX_NESTING_DEPTH) return undefined;
    if (isSeq(node)) {
      for (const item of node.items) {
        const d = visit(item, depth + 1);
        if (d) return d;
      }
    } else if (isMap(node)) {
      const seen = new Map<string, number>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = pair.key;
        if (isScalar(key) && key.range) {
          const name = String(key.value);
          const { line, col } = lineCounter.linePos(key.range[0]);
          const first = seen.get(name);
          if (first !== undefined) return { key: name, first, second: line, column: col };
          seen.set(name, line);
        }
        const d = visit(pair.value, depth + 1);
        if (d) return d;
      }
    }
    return undefined;
  };
  return visit(doc.contents, 0);
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
  walk(doc, doc.contents, '', values, keys, at, 0);
  return { value: (p) => values.get(p), key: (p) => keys.get(p) };
}

/** Records positions by pointer. Only files that passed `checkShape` get here, so depth and aliases are bounded. */
function walk(
  doc: Document,
  node: YamlNode | null | undefined,
  pointer: string,
  values: Map<string, SourceLocation>,
  keys: Map<string, SourceLocation>,
  at: (offset: number) => SourceLocation,
  depth: number,
): void {
  if (node == null || depth > MAX_NESTING_DEPTH) return;
  const { isAlias, isMap, isScalar, isSeq } = yamlAst();
  if (node.range) values.set(pointer, at(node.range[0]));
  if (isAlias(node)) {
    walk(doc, node.resolve(doc) ?? null, pointer, values, keys, at, depth + 1);
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => walk(doc, item as YamlNode, `${pointer}/${i}`, values, keys, at, depth + 1));
  } else if (isMap(node)) {
    for (const pair of node.items) {
      const keyNode = pair.key as YamlNode | null;
      if (!isScalar(keyNode)) continue;
      const child = `${pointer}/${escapePointerSegment(String(keyNode.value))}`;
      if (keyNode.range) {
        keys.set(child, at(keyNode.range[0]));
        if (pair.value == null) values.set(child, at(keyNode.range[0]));
      }
      walk(doc, pair.value as YamlNode | null, child, values, keys, at, depth + 1);
    }
  }
}
