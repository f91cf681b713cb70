/**
 * `monspec preview --prometheus` run against the e2e stack (the compiled CLI, as a user runs it), and
 * what its pictures show, read back from the SVG's elements (`data-*` attributes the renderer writes
 * on every drawn value), never from the queries' input.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CLI, type Stack } from './stack.js';

const run = promisify(execFile);

/** Renders every dashboard of the stack's spec from its Prometheus into `out`; the CLI's exit code and output. */
export async function previewFromStack(stack: Stack, out: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const args = [CLI, 'preview', '--spec', join(stack.dir, 'spec'), '--env', 'e2e', '--prometheus', stack.prometheusUrl, '--from', '-15m', '--out', out];
  return run(process.execPath, args, { env: { ...process.env, NO_COLOR: '1' } }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code?: number; stdout?: string; stderr?: string }) => ({ code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' }),
  );
}

/** The attributes of each element with `data-role="role"` inside panel `panel` of the picture. */
export function drawn(svgFile: string, panel: string, role: string): Array<Record<string, string>> {
  const svg = readFileSync(svgFile, 'utf8');
  const start = svg.indexOf(`<g data-panel="${panel}"`);
  if (start < 0) return [];
  const end = svg.indexOf('<g data-panel="', start + 1);
  const part = svg.slice(start, end < 0 ? undefined : end);
  return [...part.matchAll(new RegExp(`<[a-z]+ [^>]*data-role="${role}"[^>]*>`, 'g'))].map((m) => Object.fromEntries([...m[0].matchAll(/([\w-]+)="([^"]*)"/g)].map((a) => [a[1] ?? '', a[2] ?? ''])));
}
