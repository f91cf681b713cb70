/**
 * A parser for Go's text/template (https://pkg.go.dev/text/template), the language of Prometheus
 * alert annotations and labels and of Alertmanager notification fields. It follows Go's lexer and
 * parser closely enough to report what Go reports when parsing (unclosed action, unexpected EOF,
 * unexpected {{end}}, undefined variable, function not defined, empty command, ...) and builds an
 * AST that `check.ts` walks for what only fails when rendering (unknown fields) and that the alerts
 * package's renderer evaluates. Errors are values, never thrown out of `parseGoTemplate`.
 */
import { closestMatch as closest } from '../did-you-mean.js';

export type GoNode =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'action'; readonly pipe: GoPipe }
  | { readonly kind: 'if' | 'with' | 'range'; readonly pipe: GoPipe; readonly list: readonly GoNode[]; readonly elseList: readonly GoNode[] | undefined }
  | { readonly kind: 'define' | 'template' | 'block'; readonly name: string }
  | { readonly kind: 'break' | 'continue' };

export interface GoPipe {
  /** Variables declared (`$x :=`) or assigned (`$x =`) by the pipeline. */
  readonly decl: readonly string[];
  readonly isAssign: boolean;
  readonly cmds: readonly GoCommand[];
}

export interface GoCommand {
  readonly args: readonly GoArg[];
}

export type GoArg =
  | { readonly kind: 'dot' }
  | { readonly kind: 'field'; readonly fields: readonly string[] }
  | { readonly kind: 'variable'; readonly name: string; readonly fields: readonly string[] }
  | { readonly kind: 'function'; readonly name: string }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'number'; readonly text: string }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'nil' }
  | { readonly kind: 'pipe'; readonly pipe: GoPipe; readonly fields: readonly string[] };

export type GoParseResult = { readonly ok: true; readonly nodes: readonly GoNode[] } | { readonly ok: false; readonly problem: string; readonly expected: string };

/** What the parser needs to know about the host: its functions and predeclared variables. */
export interface GoParseEnv {
  readonly functions: ReadonlySet<string>;
  /** Variables defined before the text, without `$` (Prometheus declares labels, value, ...). */
  readonly variables: readonly string[];
}

class GoTemplateError extends Error {
  constructor(
    readonly problem: string,
    readonly expected: string,
  ) {
    super(problem);
  }
}

type TokenKind =
  | 'text'
  | 'left'
  | 'right'
  | 'comment'
  | 'space'
  | 'pipe'
  | 'lparen'
  | 'rparen'
  | 'declare'
  | 'assign'
  | 'comma'
  | 'string'
  | 'rawString'
  | 'char'
  | 'number'
  | 'bool'
  | 'nil'
  | 'dot'
  | 'field'
  | 'variable'
  | 'identifier'
  | 'keyword'
  | 'eof';

interface Token {
  readonly kind: TokenKind;
  readonly text: string;
}

const KEYWORDS = new Set(['block', 'break', 'continue', 'define', 'else', 'end', 'if', 'range', 'template', 'with']);

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\r' || c === '\n';
}

function isAlnum(c: string): boolean {
  return /^[\p{L}\p{Nd}_]$/u.test(c);
}

/** Go's lexer: text and actions, with `{{-`/`-}}` trimming applied to the neighbouring text. */
function lex(src: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  let trimNext = false;
  while (pos < src.length) {
    const open = src.indexOf('{{', pos);
    const end = open < 0 ? src.length : open;
    let text = src.slice(pos, end);
    if (trimNext) text = text.replace(/^[ \t\r\n]+/, '');
    trimNext = false;
    const trimBefore = open >= 0 && src.startsWith('-', open + 2) && isSpace(src[open + 3] ?? '');
    if (trimBefore) text = text.replace(/[ \t\r\n]+$/, '');
    if (text) tokens.push({ kind: 'text', text });
    if (open < 0) break;
    pos = open + 2 + (trimBefore ? 2 : 0);
    // A comment is the whole action: {{/* ... */}} with optional trim markers.
    if (src.startsWith('/*', pos)) {
      const close = src.indexOf('*/', pos + 2);
      if (close < 0) throw new GoTemplateError('unclosed comment', "a comment closed by '*/}}'");
      pos = close + 2;
      const rightTrim = /^ -}}/.test(src.slice(pos));
      if (!rightTrim && !src.startsWith('}}', pos)) throw new GoTemplateError('comment ending before the closing delimiter', "'*/}}' right after the comment");
      pos += rightTrim ? 4 : 2;
      trimNext = rightTrim;
      continue;
    }
    tokens.push({ kind: 'left', text: '{{' });
    pos = lexInside(src, pos, tokens);
    trimNext = src[pos - 3] === '-' && isSpace(src[pos - 4] ?? '');
  }
  tokens.push({ kind: 'eof', text: '' });
  return tokens;
}

/** Lexes one action from `pos` (after `{{`), returns the position after its `}}`. */
function lexInside(src: string, start: number, tokens: Token[]): number {
  let pos = start;
  let parens = 0;
  const push = (kind: TokenKind, text: string) => tokens.push({ kind, text });
  for (;;) {
    if (pos >= src.length) throw new GoTemplateError('unclosed action', "'}}' closing the action");
    const c = src[pos] as string;
    if (isSpace(c)) {
      let e = pos;
      while (e < src.length && isSpace(src[e] as string)) e++;
      if (src.startsWith('-}}', e) && parens === 0) {
        push('right', '}}');
        return e + 3;
      }
      push('space', ' ');
      pos = e;
      continue;
    }
    if (src.startsWith('}}', pos)) {
      if (parens > 0) throw new GoTemplateError("'}}' inside parentheses", "')' before '}}'");
      push('right', '}}');
      return pos + 2;
    }
    if (c === '|') {
      push('pipe', c);
      pos++;
    } else if (c === '(') {
      parens++;
      push('lparen', c);
      pos++;
    } else if (c === ')') {
      parens--;
      if (parens < 0) throw new GoTemplateError("unexpected ')'", "a matching '('");
      push('rparen', c);
      pos++;
    } else if (c === ',') {
      push('comma', c);
      pos++;
    } else if (src.startsWith(':=', pos)) {
      push('declare', ':=');
      pos += 2;
    } else if (c === '=') {
      push('assign', '=');
      pos++;
    } else if (c === '"') {
      const e = quotedEnd(src, pos, '"', 'unterminated quoted string');
      push('string', src.slice(pos, e + 1));
      pos = e + 1;
    } else if (c === '`') {
      const e = src.indexOf('`', pos + 1);
      if (e < 0) throw new GoTemplateError('unterminated raw quoted string', "a closing '`'");
      push('rawString', src.slice(pos, e + 1));
      pos = e + 1;
    } else if (c === "'") {
      const e = quotedEnd(src, pos, "'", 'unterminated character constant');
      push('char', src.slice(pos, e + 1));
      pos = e + 1;
    } else if (c === '$') {
      let e = pos + 1;
      while (e < src.length && isAlnum(src[e] as string)) e++;
      push('variable', src.slice(pos, e));
      pos = e;
    } else if (c === '.') {
      const next = src[pos + 1] ?? '';
      if (/[0-9]/.test(next)) {
        pos = lexNumber(src, pos, push);
      } else {
        let e = pos + 1;
        while (e < src.length && isAlnum(src[e] as string)) e++;
        push(e === pos + 1 ? 'dot' : 'field', src.slice(pos, e));
        pos = e;
      }
    } else if (/[0-9+-]/.test(c)) {
      pos = lexNumber(src, pos, push);
    } else if (isAlnum(c)) {
      let e = pos;
      while (e < src.length && isAlnum(src[e] as string)) e++;
      const word = src.slice(pos, e);
      push(KEYWORDS.has(word) ? 'keyword' : word === 'true' || word === 'false' ? 'bool' : word === 'nil' ? 'nil' : 'identifier', word);
      pos = e;
    } else {
      throw new GoTemplateError(`unrecognized character in action: ${JSON.stringify(c)}`, 'a field, variable, function, literal or }}');
    }
  }
}

/** Index of the quote closing the string or character constant that opens at `start` (backslash escapes skipped). */
function quotedEnd(src: string, start: number, quote: string, problem: string): number {
  let e = start + 1;
  for (;;) {
    const d = src[e];
    if (d === undefined || d === '\n') throw new GoTemplateError(problem, `a closing ${quote}`);
    if (d === '\\') e += 2;
    else if (d === quote) return e;
    else e++;
  }
}

function lexNumber(src: string, pos: number, push: (k: TokenKind, t: string) => void): number {
  const m = /^[+-]?(?:0[xX][0-9a-fA-F_]+(?:\.[0-9a-fA-F_]*)?(?:[pP][+-]?[0-9_]+)?|0[bBoO][0-9_]+|(?:[0-9_]+\.?[0-9_]*|\.[0-9_]+)(?:[eE][+-]?[0-9_]+)?)i?/.exec(src.slice(pos));
  const text = m?.[0] ?? '';
  const after = src[pos + text.length] ?? '';
  if (!text || text === '+' || text === '-' || isAlnum(after)) throw new GoTemplateError(`bad number syntax: ${JSON.stringify(src.slice(pos, pos + text.length + 1))}`, 'a number');
  push('number', text);
  return pos + text.length;
}

/** Go string literal → its value (the escapes Go and JSON share, plus \x, \a, \v and octal). */
function unquote(token: Token): string {
  if (token.kind === 'rawString') return token.text.slice(1, -1);
  const body = token.text.slice(1, -1);
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{3}|.)/g, (_, e: string) => {
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', '\\': '\\', '"': '"', "'": "'" };
    if (e in simple) return simple[e] as string;
    if (/^[xuU]/.test(e)) return String.fromCodePoint(parseInt(e.slice(1), 16));
    if (/^[0-7]{3}$/.test(e)) return String.fromCharCode(parseInt(e, 8));
    throw new GoTemplateError(`invalid escape \\${e} in a quoted string`, 'a Go string escape');
  });
}

class Parser {
  private i = 0;
  private readonly scopes: Array<Set<string>>;
  private rangeDepth = 0;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly env: GoParseEnv,
  ) {
    this.scopes = [new Set(['$', ...env.variables.map((v) => `$${v}`)])];
  }

  private peek(): Token {
    return this.tokens[this.i] as Token;
  }

  private next(): Token {
    return this.tokens[this.i++] as Token;
  }

  /** Next token inside an action, skipping spaces. */
  private nextNonSpace(): Token {
    let t = this.next();
    while (t.kind === 'space') t = this.next();
    return t;
  }

  private peekNonSpace(): Token {
    const save = this.i;
    const t = this.nextNonSpace();
    this.i = save;
    return t;
  }

  private expectRight(context: string): void {
    const t = this.nextNonSpace();
    if (t.kind !== 'right') throw new GoTemplateError(`${describe(t)} in ${context}`, "'}}'");
  }

  parseRoot(): GoNode[] {
    const { nodes, stop } = this.parseList();
    if (stop !== 'eof') throw new GoTemplateError(`{{${stop}}} without an opening if, range or with`, 'text, an action or {{if}}/{{range}}/{{with}} before it');
    return nodes;
  }

  /** Parses nodes until EOF, {{end}} or {{else}}, returns which one stopped it (consumed). */
  private parseList(): { nodes: GoNode[]; stop: 'eof' | 'end' | 'else' } {
    const nodes: GoNode[] = [];
    for (;;) {
      const t = this.next();
      if (t.kind === 'eof') return { nodes, stop: 'eof' };
      if (t.kind === 'text') {
        nodes.push({ kind: 'text', text: t.text });
        continue;
      }
      // t is 'left'
      const first = this.peekNonSpace();
      if (first.kind === 'keyword') {
        this.nextNonSpace();
        switch (first.text) {
          case 'end':
            this.expectRight('{{end}}');
            return { nodes, stop: 'end' };
          case 'else':
            // `{{else}}` ends the branch; `{{else if ...}}` is handled by the control parser.
            return { nodes, stop: 'else' };
          case 'if':
          case 'with':
          case 'range':
            nodes.push(this.parseControl(first.text));
            continue;
          case 'define':
          case 'template':
          case 'block':
            nodes.push(this.parseTemplateNode(first.text));
            continue;
          case 'break':
          case 'continue':
            if (this.rangeDepth === 0) throw new GoTemplateError(`{{${first.text}}} outside {{range}}`, `{{${first.text}}} inside a {{range}}`);
            this.expectRight(`{{${first.text}}}`);
            nodes.push({ kind: first.text });
            continue;
        }
      }
      const pipe = this.parsePipeline('command', 'right');
      nodes.push({ kind: 'action', pipe });
    }
  }

  private parseTemplateNode(kind: 'define' | 'template' | 'block'): GoNode {
    const name = this.nextNonSpace();
    if (name.kind !== 'string' && name.kind !== 'rawString') throw new GoTemplateError(`${describe(name)} in {{${kind}}}`, 'a quoted template name');
    // The rest (a pipeline, or the body of define/block) is not needed: the checker refuses these nodes.
    let depth = kind === 'template' ? 0 : 1;
    let afterLeft = false;
    for (;;) {
      const t = this.next();
      if (t.kind === 'eof') {
        if (depth > 0) throw new GoTemplateError('end of text', `{{end}} closing {{${kind}}}`);
        break;
      }
      if (t.kind === 'space') continue;
      if (t.kind === 'right' && depth === 0) break;
      if (afterLeft && t.kind === 'keyword' && ['if', 'with', 'range', 'define', 'block'].includes(t.text)) depth++;
      if (afterLeft && t.kind === 'keyword' && t.text === 'end') {
        depth--;
        if (depth === 0) {
          this.expectRight('{{end}}');
          break;
        }
      }
      afterLeft = t.kind === 'left';
    }
    return { kind, name: unquote(name) };
  }

  private parseControl(kind: 'if' | 'with' | 'range'): GoNode {
    this.scopes.push(new Set());
    if (kind === 'range') this.rangeDepth++;
    const pipe = this.parsePipeline(kind, 'right');
    const body = this.parseList();
    if (kind === 'range') this.rangeDepth--;
    let elseList: GoNode[] | undefined;
    if (body.stop === 'eof') throw new GoTemplateError('end of text', `{{end}} closing {{${kind}}}`);
    if (body.stop === 'else') {
      const after = this.peekNonSpace();
      if ((after.kind === 'keyword' && after.text === 'if' && kind === 'if') || (after.kind === 'keyword' && after.text === 'with' && kind === 'with')) {
        // {{else if x}} is {{else}}{{if x}}...{{end}}{{end}} sharing the outer {{end}}.
        this.nextNonSpace();
        elseList = [this.parseControl(after.text)];
      } else {
        this.expectRight('{{else}}');
        const rest = this.parseList();
        if (rest.stop === 'eof') throw new GoTemplateError('end of text', `{{end}} closing {{${kind}}}`);
        if (rest.stop === 'else') throw new GoTemplateError(`a second {{else}} in {{${kind}}}`, '{{end}}');
        elseList = rest.nodes;
      }
    }
    this.scopes.pop();
    return { kind, pipe, list: body.nodes, elseList };
  }

  private declare(name: string): void {
    (this.scopes[this.scopes.length - 1] as Set<string>).add(name);
  }

  private isDefined(name: string): boolean {
    return this.scopes.some((s) => s.has(name));
  }

  private parsePipeline(context: string, end: 'right' | 'rparen'): GoPipe {
    const decl: string[] = [];
    let isAssign = false;
    // Declarations: $x := / $x = / (range) $i, $e :=
    const save = this.i;
    const v = this.nextNonSpace();
    if (v.kind === 'variable') {
      const op = this.nextNonSpace();
      if (op.kind === 'declare' || op.kind === 'assign') {
        decl.push(v.text);
        isAssign = op.kind === 'assign';
      } else if (op.kind === 'comma' && context === 'range') {
        const v2 = this.nextNonSpace();
        const op2 = this.nextNonSpace();
        if (v2.kind !== 'variable' || (op2.kind !== 'declare' && op2.kind !== 'assign')) throw new GoTemplateError(`${describe(v2)} in range declaration`, "'$a, $b :='");
        decl.push(v.text, v2.text);
        isAssign = op2.kind === 'assign';
      } else {
        this.i = save;
      }
    } else {
      this.i = save;
    }
    if (isAssign) for (const d of decl) if (!this.isDefined(d)) throw new GoTemplateError(`undefined variable ${JSON.stringify(d)}`, 'a variable declared with := before it is assigned');
    const cmds: GoCommand[] = [];
    for (;;) {
      const t = this.peekNonSpace();
      if ((end === 'right' && t.kind === 'right') || (end === 'rparen' && t.kind === 'rparen')) {
        this.nextNonSpace();
        break;
      }
      if (t.kind === 'eof') throw new GoTemplateError('unclosed action', "'}}'");
      cmds.push(this.parseCommand(context));
      const after = this.nextNonSpace();
      if (after.kind === 'pipe') {
        // Go accepts a trailing '|' ({{ $value | }} renders $value).
        const ahead = this.peekNonSpace().kind;
        if ((end === 'right' && ahead === 'right') || (end === 'rparen' && ahead === 'rparen')) {
          this.nextNonSpace();
          break;
        }
        continue;
      }
      if ((end === 'right' && after.kind === 'right') || (end === 'rparen' && after.kind === 'rparen')) break;
      throw new GoTemplateError(`${describe(after)} in ${context}`, end === 'right' ? "'|' or '}}'" : "'|' or ')'");
    }
    if (cmds.length === 0) throw new GoTemplateError(`missing value for ${context}`, `a value in {{${context === 'command' ? '' : `${context} `}...}}`);
    // Declared after the pipeline, so `{{ $x := $x }}` refers to an outer $x.
    if (!isAssign) for (const d of decl) this.declare(d);
    cmds.slice(1).forEach((c, n) => {
      const head = c.args[0];
      if (head && (head.kind === 'string' || head.kind === 'number' || head.kind === 'bool' || head.kind === 'nil' || head.kind === 'dot')) {
        throw new GoTemplateError(`non executable command in pipeline stage ${n + 2}`, 'a function or method after |');
      }
    });
    return { decl, isAssign, cmds };
  }

  private parseCommand(context: string): GoCommand {
    const args: GoArg[] = [];
    for (;;) {
      const t = this.peek();
      if (t.kind === 'space') {
        this.next();
        continue;
      }
      if (t.kind === 'pipe' || t.kind === 'right' || t.kind === 'rparen') break;
      args.push(this.parseOperand(context));
      const after = this.peek();
      if (after.kind !== 'space' && after.kind !== 'pipe' && after.kind !== 'right' && after.kind !== 'rparen') {
        throw new GoTemplateError(`${describe(after)} right after an operand in ${context}`, 'a space between operands');
      }
    }
    if (args.length === 0) throw new GoTemplateError(`an empty command in ${context}`, 'a value or function');
    const head = args[0] as GoArg;
    if (args.length > 1 && head.kind !== 'function' && head.kind !== 'field' && head.kind !== 'variable') {
      throw new GoTemplateError(`can't give argument to non-function ${show(head)}`, 'a function before arguments');
    }
    return { args };
  }

  private fields(): string[] {
    const out: string[] = [];
    while (this.peek().kind === 'field') out.push(this.next().text.slice(1));
    return out;
  }

  private parseOperand(context: string): GoArg {
    const t = this.next();
    switch (t.kind) {
      case 'dot':
        return { kind: 'dot' };
      case 'field':
        return { kind: 'field', fields: [t.text.slice(1), ...this.fields()] };
      case 'variable':
        if (!this.isDefined(t.text)) throw new GoTemplateError(`undefined variable ${JSON.stringify(t.text)}`, `a variable declared before use${this.env.variables.length ? ` or one of ${this.env.variables.map((v) => `$${v}`).join(', ')}` : ''}`);
        return { kind: 'variable', name: t.text, fields: this.fields() };
      case 'identifier':
        if (!this.env.functions.has(t.text)) {
          const guess = closest(t.text, [...this.env.functions]);
          throw new GoTemplateError(`function ${JSON.stringify(t.text)} not defined`, guess ? `a function of the template language (did you mean "${guess}"?)` : 'a function of the template language');
        }
        return { kind: 'function', name: t.text };
      case 'string':
      case 'rawString':
      case 'char':
        return { kind: 'string', value: unquote(t) };
      case 'number':
        return { kind: 'number', text: t.text };
      case 'bool':
        return { kind: 'bool', value: t.text === 'true' };
      case 'nil':
        return { kind: 'nil' };
      case 'lparen': {
        const pipe = this.parsePipeline(context, 'rparen');
        return { kind: 'pipe', pipe, fields: this.fields() };
      }
      default:
        throw new GoTemplateError(`${describe(t)} in ${context}`, 'a field, variable, function or literal');
    }
  }
}

function describe(t: Token): string {
  switch (t.kind) {
    case 'right':
      return "'}}'";
    case 'eof':
      return 'end of text';
    case 'keyword':
      return `{{${t.text}}}`;
    default:
      return JSON.stringify(t.text);
  }
}

function show(a: GoArg): string {
  switch (a.kind) {
    case 'string':
      return JSON.stringify(a.value);
    case 'number':
      return a.text;
    case 'bool':
      return String(a.value);
    default:
      return a.kind;
  }
}

/** Parses `text` as Go's text/template would with these functions and predeclared variables. */
export function parseGoTemplate(text: string, env: GoParseEnv): GoParseResult {
  try {
    return { ok: true, nodes: new Parser(lex(text), env).parseRoot() };
  } catch (e) {
    if (e instanceof GoTemplateError) return { ok: false, problem: e.problem, expected: e.expected };
    throw e;
  }
}
