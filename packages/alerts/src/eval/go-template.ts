/**
 * Renders the subset of Prometheus alert templating monspec texts use: `{{ $value }}`,
 * `{{ $labels.name }}`, pipelines into humanize / humanize1024 / humanizePercentage /
 * humanizeDuration / printf "%.Nf", and the call form `{{ humanize $value }}`. Anything else throws.
 * Parsing is metrics-spec's Go template parser, the one the `go-templates` check uses.
 */
import { goG, goValue, humanize, humanize1024, humanizeDuration, humanizePercentage } from './go-format.js';
import { goTemplateEnv, parseGoTemplate, type GoArg } from '@monspec/metrics-spec';
import type { Labels } from './series.js';

export class UnsupportedTemplate extends Error {}

type TemplateValue = number | string;

const FUNCTIONS: Readonly<Record<string, (v: number) => string>> = {
  humanize,
  humanize1024,
  humanizePercentage,
  humanizeDuration,
};

function asNumber(v: TemplateValue): number {
  const n = typeof v === 'number' ? v : Number(v);
  if (Number.isNaN(n) && v !== 'NaN') throw new UnsupportedTemplate(`not a number: ${v}`);
  return n;
}

function printf(format: string, v: TemplateValue): string {
  const m = /^%\.(\d+)f$/.exec(format);
  if (m) return asNumber(v).toFixed(Number(m[1]));
  const g = /^%\.(\d+)g$/.exec(format);
  if (g) return goG(asNumber(v), Number(g[1]));
  if (format === '%s' || format === '%v') return typeof v === 'number' ? goValue(v) : v;
  throw new UnsupportedTemplate(`printf ${format}`);
}

function operand(arg: GoArg, value: number, labels: Labels): TemplateValue {
  if ((arg.kind === 'variable' && arg.name === '$value' && arg.fields.length === 0) || (arg.kind === 'field' && arg.fields.join('.') === 'Value')) return value;
  const [first, key, ...more] = arg.kind === 'field' ? arg.fields : arg.kind === 'variable' ? [arg.name, ...arg.fields] : [];
  if ((first === '$labels' || first === 'Labels') && key !== undefined && more.length === 0) return labels[key] ?? '';
  if (arg.kind === 'string') return arg.value;
  throw new UnsupportedTemplate(`operand ${arg.kind}`);
}

function applyCommand(args: readonly GoArg[], input: TemplateValue | undefined, value: number, labels: Labels): TemplateValue {
  const [head, ...rest] = args;
  if (head === undefined) throw new UnsupportedTemplate('empty command');
  if (head.kind === 'function' && head.name === 'printf') {
    const format = rest[0];
    if (format?.kind !== 'string') throw new UnsupportedTemplate('printf format');
    const arg = rest[1] !== undefined ? operand(rest[1], value, labels) : input;
    if (arg === undefined || rest.length > 2) throw new UnsupportedTemplate('printf arguments');
    return printf(format.value, arg);
  }
  const fn = head.kind === 'function' ? FUNCTIONS[head.name] : undefined;
  if (fn) {
    const arg = rest[0] !== undefined ? operand(rest[0], value, labels) : input;
    if (arg === undefined || rest.length > 1) throw new UnsupportedTemplate('function arguments');
    return fn(asNumber(arg));
  }
  if (rest.length === 0 && input === undefined) return operand(head, value, labels);
  throw new UnsupportedTemplate(`command ${head.kind}`);
}

function show(v: TemplateValue): string {
  return typeof v === 'number' ? goValue(v) : v;
}

/** Renders `template` as Prometheus would for an alert with this value and these labels. */
export function renderAlertTemplate(template: string, value: number, labels: Labels): string {
  const parsed = parseGoTemplate(template, goTemplateEnv('prometheus'));
  if (!parsed.ok) throw new UnsupportedTemplate(parsed.problem);
  let out = '';
  for (const node of parsed.nodes) {
    if (node.kind === 'text') {
      out += node.text;
      continue;
    }
    if (node.kind !== 'action' || node.pipe.decl.length > 0) throw new UnsupportedTemplate(node.kind);
    let current: TemplateValue | undefined;
    for (const cmd of node.pipe.cmds) current = applyCommand(cmd.args, current, value, labels);
    if (current === undefined) throw new UnsupportedTemplate('empty action');
    out += show(current);
  }
  return out;
}
