/**
 * Scalars exactly as the `yaml` package (2.x) prints them with `lineWidth: 0` (nothing folded),
 * literal block strings, its YAML 1.2 core schema and its default quoting (plain where a reader gets
 * the same string back, else double quotes, single quotes when the text holds `"` but no `'`).
 * A port of its `stringifyString`/`stringifyNumber` for those options; `emit-yaml.test.ts` compares
 * the two over generated documents and random text.
 */

/** Where a scalar is printed. */
export interface ScalarPlace {
  /** Indentation of the scalar's continuation lines (never empty: the document root is a collection). */
  readonly indent: string;
  /** The scalar is a mapping key. */
  readonly implicitKey: boolean;
}

const INDENT_STEP = '  ';
const MIN_MULTILINE_DOUBLE_QUOTED = 40;

/** Plain text the core schema would read as something else than a string. */
const CORE_NON_STRINGS: readonly RegExp[] = [
  /^(?:~|[Nn]ull|NULL)?$/,
  /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
  /^0o[0-7]+$/,
  /^[-+]?[0-9]+$/,
  /^0x[0-9a-fA-F]+$/,
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
];

/** What a plain scalar may not start with, contain or end with. */
const NOT_PLAIN = /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/;
// eslint-disable-next-line no-control-regex -- YAML must escape these control characters
const NEEDS_ESCAPES = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u;
const DOCUMENT_MARKER = /^(%|---|\.\.\.)/m;
const BLOCK_END_NEWLINES = /(^|(?<!\n))\n+(?!\n|$)/g;

const markerIndent = (value: string, indent: string): string => indent || (DOCUMENT_MARKER.test(value) ? INDENT_STEP : '');

const SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '0000': '\\0',
  '0007': '\\a',
  '000b': '\\v',
  '001b': '\\e',
  '0085': '\\N',
  '00a0': '\\_',
  '2028': '\\L',
  '2029': '\\P',
};

function doubleQuoted(value: string, place: ScalarPlace): string {
  const json = JSON.stringify(value);
  const indent = markerIndent(value, place.indent);
  let str = '';
  let start = 0;
  for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
    if (ch === ' ' && json[i + 1] === '\\' && json[i + 2] === 'n') {
      // A space before a line break is escaped so a reader does not fold it away.
      str += json.slice(start, i) + '\\ ';
      i += 1;
      start = i;
      ch = '\\';
    }
    if (ch !== '\\') continue;
    const next = json[i + 1];
    if (next === 'u') {
      str += json.slice(start, i);
      const code = json.slice(i + 2, i + 6);
      str += SHORT_ESCAPES[code] ?? (code.startsWith('00') ? '\\x' + code.slice(2) : json.slice(i, i + 6));
      i += 5;
      start = i + 1;
    } else if (next === 'n') {
      if (place.implicitKey || json[i + 2] === '"' || json.length < MIN_MULTILINE_DOUBLE_QUOTED) {
        i += 1;
      } else {
        // A line break inside double quotes is written as an empty line (the first break folds).
        str += json.slice(start, i) + '\n\n';
        while (json[i + 2] === '\\' && json[i + 3] === 'n' && json[i + 4] !== '"') {
          str += '\n';
          i += 2;
        }
        str += indent;
        if (json[i + 2] === ' ') str += '\\';
        i += 1;
        start = i + 1;
      }
    } else {
      i += 1;
    }
  }
  return start ? str + json.slice(start) : json;
}

function singleQuoted(value: string, place: ScalarPlace): string {
  if ((place.implicitKey && value.includes('\n')) || /[ \t]\n|\n[ \t]/.test(value)) return doubleQuoted(value, place);
  const indent = markerIndent(value, place.indent);
  return "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&\n${indent}`) + "'";
}

function quoted(value: string, place: ScalarPlace): string {
  return value.includes('"') && !value.includes("'") ? singleQuoted(value, place) : doubleQuoted(value, place);
}

/** A literal block (`|`), with chomping and indentation indicators as needed. */
function literalBlock(value: string, place: ScalarPlace): string {
  // A block cannot end in whitespace unless its last line has text.
  if (/\n[\t ]+$/.test(value)) return quoted(value, place);
  const indent = markerIndent(value, place.indent);
  if (!value) return '|\n';
  let endStart = value.length;
  for (; endStart > 0; --endStart) {
    const ch = value[endStart - 1];
    if (ch !== '\n' && ch !== '\t' && ch !== ' ') break;
  }
  let end = value.substring(endStart);
  const endNl = end.indexOf('\n');
  const chomp = endNl === -1 ? '-' : value === end || endNl !== end.length - 1 ? '+' : '';
  let body = value;
  if (end) {
    body = body.slice(0, -end.length);
    if (end.endsWith('\n')) end = end.slice(0, -1);
    end = end.replace(BLOCK_END_NEWLINES, `$&${indent}`);
  }
  let startsWithSpace = false;
  let startEnd = 0;
  let startNl = -1;
  for (; startEnd < body.length; ++startEnd) {
    const ch = body[startEnd];
    if (ch === ' ') startsWithSpace = true;
    else if (ch === '\n') startNl = startEnd;
    else break;
  }
  let start = body.substring(0, startNl < startEnd ? startNl + 1 : startEnd);
  if (start) {
    body = body.substring(start.length);
    start = start.replace(/\n+/g, `$&${indent}`);
  }
  const header = (startsWithSpace ? (indent ? '2' : '1') : '') + chomp;
  return `|${header}\n${indent}${start}${body.replace(/\n+/g, `$&${indent}`)}${end}`;
}

function plain(value: string, place: ScalarPlace): string {
  const multiline = value.includes('\n');
  if (place.implicitKey && multiline) return quoted(value, place);
  if (NOT_PLAIN.test(value)) return place.implicitKey || !multiline ? quoted(value, place) : literalBlock(value, place);
  if (multiline) return literalBlock(value, place);
  if (place.implicitKey && place.indent === INDENT_STEP && DOCUMENT_MARKER.test(value)) return quoted(value, place);
  if (CORE_NON_STRINGS.some((re) => re.test(value))) return quoted(value, place);
  return value;
}

/** A string scalar. */
export function stringScalar(value: string, place: ScalarPlace): string {
  return NEEDS_ESCAPES.test(value) ? doubleQuoted(value, place) : plain(value, place);
}

/** A number as the core schema prints it. */
export function numberScalar(value: number | bigint): string {
  if (typeof value === 'bigint') return String(value);
  if (!Number.isFinite(value)) return Number.isNaN(value) ? '.nan' : value < 0 ? '-.inf' : '.inf';
  return Object.is(value, -0) ? '-0' : JSON.stringify(value);
}
