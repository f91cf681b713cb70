/**
 * Renders the subset of Prometheus alert templating monspec texts use: `{{ $value }}`,
 * `{{ $labels.name }}`, pipelines into humanize / humanize1024 / humanizePercentage /
 * humanizeDuration / humanizeTimestamp / printf "%.Nf", and the call form `{{ humanize $value }}`. Anything else throws.
 */
import { goF, goG, goValue, humanize, humanize1024, humanizeDuration, humanizePercentage, humanizeTimestamp } from './go-format.js';
import type { Labels } from './series.js';

export class UnsupportedTemplate extends Error {}

type TemplateValue = number | string;

const FUNCTIONS: Readonly<Record<string, (v: number) => string>> = {
  humanize,
  humanize1024,
  humanizePercentage,
  humanizeDuration,
  humanizeTimestamp,
};

function asNumber(v: TemplateValue): number {
  if (typeof v === 'number') return v; // NaN and ±Inf are values Prometheus renders too
  const n = Number(v);
  if (Number.isNaN(n) && v !== 'NaN') throw new UnsupportedTemplate(`not a number: ${v}`);
  return n;
}

function printf(format: string, v: TemplateValue): string {
  const m = /^%\.(\d+)f$/.exec(format);
  if (m) return goF(asNumber(v), Number(m[1]));
  const g = /^%\.(\d+)g$/.exec(format);
  if (g) return goG(asNumber(v), Number(g[1]));
  if (format === '%v') return typeof v === 'number' ? goValue(v) : v;
  // Go's fmt flags a float under %s as a bad verb rather than formatting it.
  if (format === '%s') return typeof v === 'number' ? `%!s(float64=${goValue(v)})` : v;
  throw new UnsupportedTemplate(`printf ${format}`);
}

function operand(token: string, value: number, labels: Labels): TemplateValue {
  if (token === '$value' || token === '.Value') return value;
  const label = /^(?:\$labels|\.Labels)\.([a-zA-Z_][a-zA-Z0-9_]*)$/.exec(token);
  if (label) return labels[label[1] as string] ?? '';
  throw new UnsupportedTemplate(`operand ${token}`);
}

function applyCommand(words: readonly string[], input: TemplateValue | undefined, value: number, labels: Labels): TemplateValue {
  const [head, ...rest] = words;
  if (head === undefined) throw new UnsupportedTemplate('empty command');
  if (head === 'printf') {
    const format = rest[0];
    if (!format || !/^".*"$/.test(format)) throw new UnsupportedTemplate('printf format');
    const arg = rest[1] !== undefined ? operand(rest[1], value, labels) : input;
    if (arg === undefined) throw new UnsupportedTemplate('printf without argument');
    return printf(JSON.parse(format) as string, arg);
  }
  const fn = FUNCTIONS[head];
  if (fn) {
    const arg = rest[0] !== undefined ? operand(rest[0], value, labels) : input;
    if (arg === undefined || rest.length > 1) throw new UnsupportedTemplate(`${head} arguments`);
    return fn(asNumber(arg));
  }
  if (rest.length === 0 && input === undefined) return operand(head, value, labels);
  throw new UnsupportedTemplate(`command ${words.join(' ')}`);
}

function show(v: TemplateValue): string {
  return typeof v === 'number' ? goValue(v) : v;
}

/** Renders `template` as Prometheus would for an alert with this value and these labels. */
export function renderAlertTemplate(template: string, value: number, labels: Labels): string {
  let out = '';
  let rest = template;
  for (;;) {
    const open = rest.indexOf('{{');
    if (open < 0) return out + rest;
    let before = rest.slice(0, open);
    let inner = rest.slice(open + 2);
    const close = inner.indexOf('}}');
    if (close < 0) throw new UnsupportedTemplate('unclosed action');
    let after = inner.slice(close + 2);
    inner = inner.slice(0, close);
    if (inner.startsWith('-')) {
      before = before.replace(/\s+$/, '');
      inner = inner.slice(1);
    }
    if (inner.endsWith('-')) {
      after = after.replace(/^\s+/, '');
      inner = inner.slice(0, -1);
    }
    const words = (cmd: string) => cmd.trim().match(/"(?:[^"\\]|\\.)*"|\S+/g) ?? [];
    let current: TemplateValue | undefined;
    for (const cmd of inner.split('|')) current = applyCommand(words(cmd), current, value, labels);
    if (current === undefined) throw new UnsupportedTemplate('empty action');
    out += before + show(current);
    rest = after;
  }
}
