/**
 * Checks a Go template for what Prometheus or Alertmanager would reject: parse errors (as Go reports
 * them, with the host's functions and variables) and, walking the AST with the types of the data the
 * host renders with, fields that do not exist and so fail at notification time. `define`, `template`
 * and `block` are refused: monspec ships no template files, so a named template is never there.
 */
import { closestMatch as closest } from '../did-you-mean.js';
import { parseGoTemplate, type GoArg, type GoNode, type GoParseEnv, type GoPipe } from './parse.js';

/** The data a field is read from; `unknown` is not checked further. */
type GoType =
  | { readonly kind: 'struct'; readonly name: string; readonly fields: Readonly<Record<string, GoType>> }
  | { readonly kind: 'slice'; readonly name: string; readonly elem: GoType; readonly methods: Readonly<Record<string, GoType>> }
  /** A map of strings; `methods` are the map type's methods (Alertmanager's KV), read before keys. */
  | { readonly kind: 'map'; readonly methods: readonly string[] }
  | { readonly kind: 'scalar'; readonly name: string }
  | { readonly kind: 'unknown' };

const UNKNOWN: GoType = { kind: 'unknown' };
const MAP: GoType = { kind: 'map', methods: [] };
/** Alertmanager's template.KV: map[string]string with methods (https://pkg.go.dev/github.com/prometheus/alertmanager/template#KV). */
const KV: GoType = { kind: 'map', methods: ['SortedPairs', 'Names', 'Values', 'Remove'] };
const FLOAT: GoType = { kind: 'scalar', name: 'float64' };
const STRING: GoType = { kind: 'scalar', name: 'string' };

/** https://pkg.go.dev/text/template#hdr-Functions */
const GO_FUNCTIONS = ['and', 'call', 'html', 'index', 'slice', 'js', 'len', 'not', 'or', 'print', 'printf', 'println', 'urlquery', 'eq', 'ge', 'gt', 'le', 'lt', 'ne'];

/** Functions (of either host) whose result is a string, so a field on it fails. */
const STRING_RESULTS = new Set([
  ...['html', 'js', 'print', 'printf', 'println', 'urlquery', 'title', 'toUpper', 'toLower', 'reReplaceAll', 'join', 'safeHtml'],
  ...['humanize', 'humanize1024', 'humanizeDuration', 'humanizePercentage', 'humanizeTimestamp', 'stripPort', 'stripDomain', 'graphLink', 'tableLink', 'pathPrefix', 'externalURL', 'label', 'strvalue'],
]);

export type GoTemplateDialect = 'prometheus' | 'alertmanager';

interface Dialect {
  readonly env: GoParseEnv;
  readonly root: GoType;
  readonly variables: Readonly<Record<string, GoType>>;
  readonly host: string;
}

/**
 * Prometheus 2.42 alert templates (https://prometheus.io/docs/prometheus/latest/configuration/template_reference/):
 * the data is {Labels, ExternalLabels, ExternalURL, Value} and each text is prefixed with
 * `{{$labels := .Labels}}{{$externalLabels := .ExternalLabels}}{{$externalURL := .ExternalURL}}{{$value := .Value}}`.
 * Functions as `promtool check rules` 2.42 accepts them (toDuration, now, urlQueryEscape came later).
 */
const PROMETHEUS: Dialect = {
  host: 'Prometheus',
  env: {
    functions: new Set([
      ...GO_FUNCTIONS,
      ...['query', 'first', 'label', 'value', 'strvalue', 'args', 'sortByLabel', 'reReplaceAll', 'safeHtml', 'match', 'title', 'toUpper', 'toLower'],
      ...['graphLink', 'tableLink', 'humanize', 'humanize1024', 'humanizeDuration', 'humanizePercentage', 'humanizeTimestamp', 'toTime'],
      ...['pathPrefix', 'externalURL', 'parseDuration', 'stripPort', 'stripDomain'],
    ]),
    variables: ['labels', 'externalLabels', 'externalURL', 'value'],
  },
  root: { kind: 'struct', name: 'the alert data {Labels, ExternalLabels, ExternalURL, Value}', fields: { Labels: MAP, ExternalLabels: MAP, ExternalURL: STRING, Value: FLOAT } },
  variables: { $labels: MAP, $externalLabels: MAP, $externalURL: STRING, $value: FLOAT },
};

const AM_ALERT: GoType = {
  kind: 'struct',
  name: 'template.Alert {Status, Labels, Annotations, StartsAt, EndsAt, GeneratorURL, Fingerprint}',
  fields: { Status: STRING, Labels: KV, Annotations: KV, StartsAt: UNKNOWN, EndsAt: UNKNOWN, GeneratorURL: STRING, Fingerprint: STRING },
};
const AM_ALERTS: GoType = { kind: 'slice', name: 'template.Alerts', elem: AM_ALERT, methods: {} };
(AM_ALERTS.methods as Record<string, GoType>).Firing = AM_ALERTS;
(AM_ALERTS.methods as Record<string, GoType>).Resolved = AM_ALERTS;

/**
 * Alertmanager 0.25 notification templates (https://prometheus.io/docs/alerting/latest/notifications/):
 * the data is template.Data; functions as `amtool template render` 0.25 accepts them.
 */
const ALERTMANAGER: Dialect = {
  host: 'Alertmanager',
  env: { functions: new Set([...GO_FUNCTIONS, 'toUpper', 'toLower', 'title', 'join', 'match', 'safeHtml', 'reReplaceAll', 'stringSlice']), variables: [] },
  root: {
    kind: 'struct',
    name: 'template.Data {Receiver, Status, Alerts, GroupLabels, CommonLabels, CommonAnnotations, ExternalURL}',
    fields: { Receiver: STRING, Status: STRING, Alerts: AM_ALERTS, GroupLabels: KV, CommonLabels: KV, CommonAnnotations: KV, ExternalURL: STRING },
  },
  variables: {},
};

const DIALECTS: Readonly<Record<GoTemplateDialect, Dialect>> = { prometheus: PROMETHEUS, alertmanager: ALERTMANAGER };

/** The functions and variables of a host, for parsing (the alerts package's renderer uses the Prometheus one). */
export function goTemplateEnv(dialect: GoTemplateDialect): GoParseEnv {
  return DIALECTS[dialect].env;
}

export type GoTemplateCheck = { readonly ok: true } | { readonly ok: false; readonly problem: string; readonly expected: string };

class Found extends Error {
  constructor(
    readonly problem: string,
    readonly expected: string,
  ) {
    super(problem);
  }
}

function fieldOf(type: GoType, field: string, path: string): GoType {
  switch (type.kind) {
    case 'unknown':
      return UNKNOWN;
    case 'map':
      // A missing key renders as the zero value (""); the results of KV's methods are not typed.
      return type.methods.includes(field) ? UNKNOWN : STRING;
    case 'struct': {
      const t = type.fields[field];
      if (!t) {
        const guess = closest(field, Object.keys(type.fields));
        throw new Found(`field ${path} (can't evaluate field ${field} in type ${type.name})`, guess ? `.${guess}, one of the fields ${Object.keys(type.fields).map((f) => `.${f}`).join(', ')}` : `one of the fields ${Object.keys(type.fields).map((f) => `.${f}`).join(', ')}`);
      }
      return t;
    }
    case 'slice': {
      const t = type.methods[field];
      if (!t) throw new Found(`field ${path} (can't evaluate field ${field} in type ${type.name})`, `${Object.keys(type.methods).map((f) => `.${f}`).join(' or ') || 'no field'} on a list, or {{range}} over it`);
      return t;
    }
    case 'scalar':
      throw new Found(`field ${path} (can't evaluate field ${field} in type ${type.name})`, 'no field access on a value');
  }
}

function fields(type: GoType, names: readonly string[], base: string): GoType {
  let t = type;
  let path = base;
  for (const n of names) {
    path += `.${n}`;
    t = fieldOf(t, n, path);
  }
  return t;
}

const COMPARISONS = new Set(['eq', 'ne', 'lt', 'le', 'gt', 'ge']);

/** Go's basic kind of an operand, where known: comparing two different kinds fails when rendering. */
function basicKind(arg: GoArg, type: GoType): 'int' | 'float' | 'string' | 'bool' | undefined {
  if (arg.kind === 'number') return /^[+-]?(?:0[xX][0-9a-fA-F_]+|0[bBoO]?[0-7_]*|[1-9][0-9_]*)$/.test(arg.text) ? 'int' : /i$/.test(arg.text) ? undefined : 'float';
  if (arg.kind === 'string') return 'string';
  if (arg.kind === 'bool') return 'bool';
  if (type.kind === 'scalar') return type.name === 'float64' ? 'float' : type.name === 'string' ? 'string' : undefined;
  return undefined;
}

function compareKinds(name: string, args: readonly GoArg[], types: readonly GoType[]): void {
  const kinds = args.map((a, i) => basicKind(a, types[i] ?? UNKNOWN));
  const [first, ...rest] = kinds;
  const other = rest.find((k) => k !== undefined && first !== undefined && k !== first);
  if (first && other) {
    throw new Found(
      `${name} of ${first} and ${other} (incompatible types for comparison)`,
      first === 'float' || other === 'float' ? 'operands of one type, e.g. gt $value 1.0 rather than gt $value 1' : 'operands of one type (quote numbers compared with label values)',
    );
  }
}

class Walker {
  private readonly vars: Array<Map<string, GoType>>;

  constructor(private readonly dialect: Dialect) {
    this.vars = [new Map([['$', dialect.root], ...Object.entries(dialect.variables)])];
  }

  private lookup(name: string): GoType {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      const t = this.vars[i]?.get(name);
      if (t) return t;
    }
    return UNKNOWN;
  }

  list(nodes: readonly GoNode[], dot: GoType): void {
    for (const node of nodes) this.node(node, dot);
  }

  private node(node: GoNode, dot: GoType): void {
    switch (node.kind) {
      case 'text':
      case 'break':
      case 'continue':
        return;
      case 'action':
        this.pipe(node.pipe, dot);
        return;
      case 'define':
      case 'template':
      case 'block':
        throw new Found(`{{${node.kind} ${JSON.stringify(node.name)}}}`, `inline text and actions (monspec ships no template files for ${this.dialect.host})`);
      case 'if':
      case 'with':
      case 'range': {
        this.vars.push(new Map());
        const t = this.pipe(node.pipe, dot, node.kind === 'range');
        const inner = node.kind === 'with' ? t : node.kind === 'range' ? (t.kind === 'slice' ? t.elem : UNKNOWN) : dot;
        this.list(node.list, inner);
        this.vars.pop();
        if (node.elseList) this.list(node.elseList, dot);
        return;
      }
    }
  }

  /** The type of a pipeline's result; declares its variables. */
  private pipe(pipe: GoPipe, dot: GoType, isRange = false): GoType {
    let t: GoType = UNKNOWN;
    pipe.cmds.forEach((cmd, index) => {
      const types = cmd.args.map((a) => this.arg(a, dot));
      const head = cmd.args[0];
      if (head?.kind === 'function' && COMPARISONS.has(head.name)) {
        // A command after | gets the previous result as its last argument.
        const argc = cmd.args.length - 1 + (index > 0 ? 1 : 0);
        if (head.name === 'eq' ? argc < 2 : argc !== 2) {
          throw new Found(`${argc} argument${argc === 1 ? '' : 's'} to ${head.name} (wrong number of args)`, head.name === 'eq' ? 'eq with two or more arguments' : `${head.name} with exactly two arguments`);
        }
        compareKinds(head.name, cmd.args.slice(1), types.slice(1));
      }
      t = head?.kind === 'function' ? (STRING_RESULTS.has(head.name) ? STRING : UNKNOWN) : cmd.args.length === 1 ? (types[0] as GoType) : UNKNOWN;
    });
    const scope = this.vars[this.vars.length - 1] as Map<string, GoType>;
    if (isRange) {
      const elem = t.kind === 'slice' ? t.elem : UNKNOWN;
      if (pipe.decl.length === 1) scope.set(pipe.decl[0] as string, elem);
      if (pipe.decl.length === 2) {
        scope.set(pipe.decl[0] as string, UNKNOWN);
        scope.set(pipe.decl[1] as string, elem);
      }
    } else {
      for (const d of pipe.decl) scope.set(d, pipe.isAssign ? UNKNOWN : t);
    }
    return t;
  }

  private arg(a: GoArg, dot: GoType): GoType {
    switch (a.kind) {
      case 'dot':
        return dot;
      case 'field':
        return fields(dot, a.fields, '');
      case 'variable':
        return fields(this.lookup(a.name), a.fields, a.name);
      case 'pipe':
        return fields(this.pipe(a.pipe, dot), a.fields, '(...)');
      default:
        return UNKNOWN;
    }
  }
}

/** Parses and type-walks `text` as `dialect` renders it. */
export function checkGoTemplate(text: string, dialect: GoTemplateDialect): GoTemplateCheck {
  const d = DIALECTS[dialect];
  const parsed = parseGoTemplate(text, d.env);
  if (!parsed.ok) return parsed;
  try {
    new Walker(d).list(parsed.nodes, d.root);
    return { ok: true };
  } catch (e) {
    if (e instanceof Found) return { ok: false, problem: e.problem, expected: e.expected };
    throw e;
  }
}
