/**
 * Renders the subset of Prometheus alert templating monspec texts use: `{{ $value }}`,
 * `{{ $labels.name }}`, pipelines into humanize / humanize1024 / humanizePercentage /
 * humanizeDuration / humanizeTimestamp / printf "%.Nf" / toUpper / toLower, the call form `{{ humanize $value }}`, and
 * `{{ if }}` / `{{ with }}` / `{{ else }}` over eq, ne, lt, le, gt, ge, and, or, not. Anything else
 * throws. Parsing is metrics-spec's Go template parser, the one the `go-templates` check uses.
 */
import { goF, goG, goValue, humanize, humanize1024, humanizeDuration, humanizePercentage, humanizeTimestamp } from './go-format.js';
import { goTemplateEnv, parseGoTemplate, type GoArg, type GoCommand, type GoNode, type GoPipe } from '@monspec/metrics-spec';
import type { Labels } from './series.js';

export class UnsupportedTemplate extends Error {}

type TemplateValue = number | string | boolean;

const FUNCTIONS: Readonly<Record<string, (v: number) => string>> = {
  humanize,
  humanize1024,
  humanizePercentage,
  humanizeDuration,
  humanizeTimestamp,
};

const STRING_FUNCTIONS: Readonly<Record<string, (v: string) => string>> = {
  toUpper: (v) => v.toUpperCase(),
  toLower: (v) => v.toLowerCase(),
};

function asNumber(v: TemplateValue): number {
  if (typeof v === 'number') return v; // NaN and ±Inf are values Prometheus renders too
  const n = typeof v === 'string' ? Number(v) : Number.NaN;
  if (Number.isNaN(n) && v !== 'NaN') throw new UnsupportedTemplate(`not a number: ${String(v)}`);
  return n;
}

function printf(format: string, v: TemplateValue): string {
  const m = /^%\.(\d+)f$/.exec(format);
  if (m) return goF(asNumber(v), Number(m[1]));
  const g = /^%\.(\d+)g$/.exec(format);
  if (g) return goG(asNumber(v), Number(g[1]));
  if (format === '%v') return show(v);
  // Go's fmt flags a float under %s as a bad verb rather than formatting it.
  if (format === '%s') return typeof v === 'number' ? `%!s(float64=${goValue(v)})` : show(v);
  throw new UnsupportedTemplate(`printf ${format}`);
}

/** Go's truth: false, 0 and "" are false. */
function truthy(v: TemplateValue): boolean {
  return v !== false && v !== 0 && v !== '';
}

/** Go's comparison functions, for operands of one type (the go-templates check refuses mixed kinds). */
function compare(name: string, values: readonly TemplateValue[]): boolean {
  const [a, ...rest] = values;
  if (a === undefined || rest.length === 0 || rest.some((b) => typeof b !== typeof a)) throw new UnsupportedTemplate(`${name} operands`);
  const b = rest[0] as TemplateValue;
  switch (name) {
    case 'eq':
      return rest.some((r) => r === a);
    case 'ne':
      return a !== b;
    case 'lt':
      return a < b;
    case 'le':
      return a <= b;
    case 'gt':
      return a > b;
    case 'ge':
      return a >= b;
  }
  throw new UnsupportedTemplate(name);
}

interface Scope {
  readonly value: number;
  readonly labels: Labels;
  /** The value of `.` inside {{with}}; undefined at the top, where `.` is the alert data. */
  readonly dot: TemplateValue | undefined;
}

function operand(arg: GoArg, scope: Scope): TemplateValue {
  switch (arg.kind) {
    case 'string':
      return arg.value;
    case 'number':
      return Number(arg.text.replace(/_/g, ''));
    case 'bool':
      return arg.value;
    case 'dot':
      if (scope.dot === undefined) throw new UnsupportedTemplate('.');
      return scope.dot;
    case 'pipe':
      if (arg.fields.length > 0) throw new UnsupportedTemplate('field of a pipeline');
      return pipeline(arg.pipe, scope);
    default:
      break;
  }
  if ((arg.kind === 'variable' && arg.name === '$value' && arg.fields.length === 0) || (arg.kind === 'field' && arg.fields.join('.') === 'Value' && scope.dot === undefined)) return scope.value;
  const [first, key, ...more] = arg.kind === 'field' && scope.dot === undefined ? arg.fields : arg.kind === 'variable' ? [arg.name, ...arg.fields] : [];
  // Own properties only: `$labels.constructor` is an absent label, not Object.prototype's member.
  if ((first === '$labels' || first === 'Labels') && key !== undefined && more.length === 0) return Object.hasOwn(scope.labels, key) ? (scope.labels[key] ?? '') : '';
  throw new UnsupportedTemplate(`operand ${arg.kind}`);
}

function applyCommand(cmd: GoCommand, input: TemplateValue | undefined, scope: Scope): TemplateValue {
  const [head, ...rest] = cmd.args;
  if (head === undefined) throw new UnsupportedTemplate('empty command');
  if (head.kind !== 'function') {
    if (rest.length === 0 && input === undefined) return operand(head, scope);
    throw new UnsupportedTemplate(`command ${head.kind}`);
  }
  // A command after | gets the previous result as its last argument.
  const args = [...rest.map((a) => operand(a, scope)), ...(input === undefined ? [] : [input])];
  const name = head.name;
  if (name === 'printf') {
    const [format, arg, ...more] = args;
    if (typeof format !== 'string' || arg === undefined || more.length > 0) throw new UnsupportedTemplate('printf arguments');
    return printf(format, arg);
  }
  if (['eq', 'ne', 'lt', 'le', 'gt', 'ge'].includes(name)) return compare(name, args);
  if (name === 'not' && args.length === 1) return !truthy(args[0] as TemplateValue);
  // Go's and/or return the deciding operand.
  if (name === 'and' && args.length >= 2) return args.find((a) => !truthy(a)) ?? (args[args.length - 1] as TemplateValue);
  if (name === 'or' && args.length >= 2) return args.find((a) => truthy(a)) ?? (args[args.length - 1] as TemplateValue);
  const fn = Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
  if (fn && args.length === 1) return fn(asNumber(args[0] as TemplateValue));
  const sfn = Object.hasOwn(STRING_FUNCTIONS, name) ? STRING_FUNCTIONS[name] : undefined;
  if (sfn && args.length === 1 && typeof args[0] === 'string') return sfn(args[0]);
  throw new UnsupportedTemplate(`function ${name}`);
}

function pipeline(pipe: GoPipe, scope: Scope): TemplateValue {
  if (pipe.decl.length > 0) throw new UnsupportedTemplate('variable declaration');
  let current: TemplateValue | undefined;
  for (const cmd of pipe.cmds) current = applyCommand(cmd, current, scope);
  if (current === undefined) throw new UnsupportedTemplate('empty pipeline');
  return current;
}

function show(v: TemplateValue): string {
  return typeof v === 'number' ? goValue(v) : String(v);
}

function renderNodes(nodes: readonly GoNode[], scope: Scope): string {
  let out = '';
  for (const node of nodes) {
    switch (node.kind) {
      case 'text':
        out += node.text;
        break;
      case 'action':
        out += show(pipeline(node.pipe, scope));
        break;
      case 'if':
      case 'with': {
        const v = pipeline(node.pipe, scope);
        if (truthy(v)) out += renderNodes(node.list, node.kind === 'with' ? { ...scope, dot: v } : scope);
        else if (node.elseList) out += renderNodes(node.elseList, scope);
        break;
      }
      default:
        throw new UnsupportedTemplate(node.kind);
    }
  }
  return out;
}

/** Renders `template` as Prometheus would for an alert with this value and these labels. */
export function renderAlertTemplate(template: string, value: number, labels: Labels): string {
  const parsed = parseGoTemplate(template, goTemplateEnv('prometheus'));
  if (!parsed.ok) throw new UnsupportedTemplate(parsed.problem);
  return renderNodes(parsed.nodes, { value, labels, dot: undefined });
}
