/**
 * Every crash the fuzz test or the issues (#13, #14) found, as a committed regression case: each
 * fixture is added to a copy of the embedded spec and `monspec validate` (in-process, the CLI's own
 * entry) must exit 1 with the finding its first line names, at file:line, and no internal error or
 * stack trace. Special files go through the real binary for the exit-2 contract.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Io } from '../command.js';
import { main } from '../main.js';
import { createStyle } from '../output/style.js';
import { copyEmbeddedSpec, runCli, runCliAsync } from '../test-support/run-cli.js';

const FIXTURES = fileURLToPath(new URL('./fixtures', import.meta.url));

async function validate(dir: string): Promise<{ code: number; text: string }> {
  let text = '';
  const style = createStyle({ isTTY: false });
  const io: Io = { cwd: dir, env: { NO_COLOR: '1' }, out: (t) => (text += t + '\n'), err: (t) => (text += t + '\n'), style, errStyle: style };
  const code = await main(['validate', '--spec', dir], io);
  return { code, text };
}

/** `# expect: RULE line N (was: …)` on the first line (UTF-16 fixtures decoded for reading it). */
function expectation(file: string): { rule: string; line: number } {
  const bytes = readFileSync(file);
  const text = bytes[0] === 0xff && bytes[1] === 0xfe ? bytes.subarray(2).toString('utf16le') : bytes.toString('latin1');
  const m = /^# expect: ([a-z0-9-]+) line (\d+)/.exec(text);
  if (!m) throw new Error(`${file}: first line must be "# expect: RULE line N"`);
  return { rule: m[1] as string, line: Number(m[2]) };
}

describe('fuzz regression fixtures', () => {
  const names = readdirSync(FIXTURES).filter((n) => n.endsWith('.yaml')).sort();
  it('there are fixtures', () => expect(names.length).toBeGreaterThan(10));

  it.each(names)('%s is a located finding, exit 1', async (name) => {
    const { rule, line } = expectation(join(FIXTURES, name));
    const dir = copyEmbeddedSpec();
    cpSync(join(FIXTURES, name), join(dir, `zz-${name}`));
    const { code, text } = await validate(dir);
    expect(text).not.toMatch(/internal error|^\s+at .+:\d+:\d+/m);
    expect(code).toBe(1);
    expect(text).toMatch(new RegExp(`zz-${name.replace(/\./g, '\\.')}:${line}:\\d+: error .*\\[${rule}\\]`));
    // Long values are quoted shortened, once.
    expect(text.length).toBeLessThan(4000);
  }, 60_000);
});

describe('findings through the real binary: exit 1 with file:line, no stack trace', () => {
  it.each(['self-alias.yaml', 'placeholder-nesting.yaml', 'utf16-bom.yaml'])('%s', (name) => {
    const { rule, line } = expectation(join(FIXTURES, name));
    const dir = copyEmbeddedSpec();
    cpSync(join(FIXTURES, name), join(dir, `zz-${name}`));
    const r = runCli(['validate', '--spec', dir], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`zz-${name.replace(/\./g, '\\.')}:${line}:\\d+: error .*\\[${rule}\\]`));
    expect(r.stdout + r.stderr).not.toMatch(/internal error|^\s+at /m);
  });
});

describe('special files through the real binary: exit 2, no stack trace', () => {
  it('a FIFO named x.yaml', () => {
    const dir = copyEmbeddedSpec();
    execFileSync('mkfifo', [join(dir, 'x.yaml')]);
    const r = runCli(['validate', '--spec', dir], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Unexpected FIFO (named pipe) x.yaml, expected a regular *.yaml file');
    expect(r.stderr).not.toMatch(/internal error|^\s+at /m);
  });

  it('a symlink to /dev/zero', () => {
    const dir = copyEmbeddedSpec();
    symlinkSync('/dev/zero', join(dir, 'zero.yaml'));
    const r = runCli(['validate', '--spec', dir], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Unexpected character device zero.yaml');
  });

  it('an output folder inside the spec folder is not read', async () => {
    const dir = copyEmbeddedSpec();
    const out = join(dir, 'generated');
    // Async: a build takes seconds on a loaded machine; a blocked test worker misses vitest's RPC deadline.
    const build = await runCliAsync(['build', '--spec', dir, '--out', out, '--quiet'], dir);
    expect(build.code).toBe(0);
    const r = runCli(['validate', '--spec', dir, '--quiet'], dir);
    expect(r.stdout + r.stderr).toBe('');
    expect(r.code).toBe(0);
  }, 120_000);
});
