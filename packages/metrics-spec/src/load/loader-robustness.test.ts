/** Hostile or broken spec files (issues #13, #14): each fails fast with a located finding, never a crash. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_BASE_SPEC } from '@monspec/test-kit';
import { compileSpec } from '../pipeline.js';
import { readSpecDir } from '../node.js';
import type { SpecFile } from './parse-yaml.js';

const base = (): SpecFile[] => Object.entries(EXAMPLE_BASE_SPEC).map(([path, text]) => ({ path, text }));

/** Compiles the base spec plus one more file; diagnostics as `file:line:col rule message`. */
function compileWith(path: string, text: string) {
  const result = compileSpec([...base(), { path, text }]);
  return { result, lines: result.diagnostics.map((d) => `${d.location?.file}:${d.location?.line}:${d.location?.column} ${d.ruleId} ${d.message}`) };
}

function specDir(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'monspec-loader-'));
  for (const [name, text] of Object.entries({ ...EXAMPLE_BASE_SPEC, ...files })) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const BOMB = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]', ...'bcdefghi'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`)].join('\n') + '\n';

describe('YAML aliases and nesting are bounded', () => {
  it('an alias bomb fails with a clear error at the alias, without expanding it', () => {
    const { result, lines } = compileWith('bomb.yaml', BOMB);
    expect(result.model).toBeUndefined();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^bomb\.yaml:9:\d+ yaml-limits Unexpected aliases expanding the document to \d+ values \(an alias bomb\?\), expected aliases to add at most 100000 values$/);
  }, 20_000);

  it('a self-referencing alias is reported, not a stack overflow', () => {
    const { lines } = compileWith('self.yaml', 'service: &a\n  name: [*a]\n');
    expect(lines).toEqual(['self.yaml:2:10 yaml-limits Unexpected alias inside the node it refers to (a self-referencing alias), expected an alias to a finished node']);
  });

  it('an alias to a finished node still works', () => {
    const { result } = compileWith('ok.yaml', 'thresholds:\n  a: &t { description: d, unit: ratio, warning: 1%, critical: 5% }\n  b: *t\n');
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('deep nesting is refused with the limit named', () => {
    const text = 'service:\n' + Array.from({ length: 80 }, (_, i) => `${'  '.repeat(i + 1)}k${i}:`).join('\n') + ' 1\n';
    const { lines } = compileWith('deep.yaml', text);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^deep\.yaml:\d+:\d+ yaml-limits Unexpected nesting \d+ levels deep, expected at most 64$/);
  });

  it('nesting deep enough to overflow a recursive parser is still a finding', () => {
    const { result, lines } = compileWith('deep.yaml', `a: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n`);
    expect(result.model).toBeUndefined();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toBe('deep.yaml:1:68 yaml-limits Unexpected nesting deeper than 64 levels, expected at most 64');
  }, 30_000);
});

describe('YAML tags, duplicate keys, empty files', () => {
  it.each([
    ['!!js/function "function(){}"', '!!js/function'],
    ['!!binary aGVsbG8=', '!!binary'],
    ['!custom x', '!custom'],
    ['!!timestamp 2001-12-14', '!!timestamp'],
  ])('tag %s is refused by name', (value, tag) => {
    const { lines } = compileWith('tag.yaml', `service:\n  name: ${value}\n`);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^tag\\.yaml:2:\\d+ yaml-syntax Unexpected YAML tag ${tag.replace(/[!/]/g, '\\$&')}, expected plain values without tags`));
  });

  it('a duplicate key names the key and both lines', () => {
    const { lines } = compileWith('dup.yaml', 'thresholds:\n  a: { description: d, unit: ratio, warning: 1% }\n  b: { description: d, unit: ratio, warning: 1% }\n  a: { description: e, unit: ratio, warning: 2% }\n');
    expect(lines).toEqual(['dup.yaml:4:3 yaml-syntax Unexpected duplicate key "a" at line 4, expected each key once in a mapping (first at line 2)']);
  });

  it('an empty file warns and the rest of the spec still compiles', () => {
    const { result, lines } = compileWith('empty.yaml', '# nothing yet\n');
    expect(lines).toEqual(['empty.yaml:1:1 empty-file Unexpected empty file empty.yaml, expected at least one section (service, metrics, alerts, …)']);
    expect(result.diagnostics[0]?.severity).toBe('warning');
    expect(result.model).toBeDefined();
  });

  it('NaN and Infinity in numeric fields are schema errors', () => {
    for (const v of ['.nan', '.inf', '-.inf', '1e400']) {
      const { result, lines } = compileWith('n.yaml', `thresholds:\n  x: { description: d, unit: ratio, warning: ${v} }\n`);
      expect(result.model, v).toBeUndefined();
      expect(lines.some((l) => l.startsWith('n.yaml:2:') && /schema|threshold/.test(l)), `${v}: ${lines.join('\n')}`).toBe(true);
    }
  });
});

describe('readSpecDir reads only the spec directory\'s own regular *.yaml files', () => {
  it('does not parse subfolders (an output folder inside the spec folder)', () => {
    const dir = specDir({ 'out/copy.yaml': EXAMPLE_BASE_SPEC['base.yaml'] as string, 'generated/x.yml': 'not: [valid' });
    expect(readSpecDir(dir).map((f) => f.path)).toEqual(['base.yaml']);
    expect(compileSpec(readSpecDir(dir)).model).toBeDefined();
  });

  it('refuses a FIFO named x.yaml instead of blocking on it', () => {
    const dir = specDir({});
    execFileSync('mkfifo', [join(dir, 'x.yaml')]);
    expect(() => readSpecDir(dir)).toThrow('Unexpected FIFO (named pipe) x.yaml, expected a regular *.yaml file');
  });

  it('refuses a symlink to a device', () => {
    const dir = specDir({});
    symlinkSync('/dev/zero', join(dir, 'zero.yaml'));
    expect(() => readSpecDir(dir)).toThrow('Unexpected character device zero.yaml, expected a regular *.yaml file');
  });

  it.each([
    ['UTF-16 LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('service: {}\n', 'utf16le')]), 'x.yaml:1:1 encoding Unexpected UTF-16 LE text (byte order mark FF FE), expected UTF-8'],
    ['UTF-16 BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('service: {}\n', 'utf16le').swap16()]), 'x.yaml:1:1 encoding Unexpected UTF-16 BE text (byte order mark FE FF), expected UTF-8'],
    ['UTF-16 LE without BOM', Buffer.from('service: {}\n', 'utf16le'), 'x.yaml:1:1 encoding Unexpected UTF-16 LE text (no byte order mark), expected UTF-8'],
    ['Latin-1', Buffer.from('# notes\nthresholds:\n  x: { description: "caf\xe9", unit: ratio, warning: 1% }\n', 'latin1'), 'x.yaml:3:25 encoding Unexpected byte E9, which is not UTF-8 (the file looks like Latin-1 / Windows-1252), expected UTF-8 text'],
  ])('rejects %s naming the encoding', (_name, bytes, line) => {
    const result = compileSpec(readSpecDir(specDir({ 'x.yaml': bytes })));
    expect(result.model).toBeUndefined();
    expect(result.diagnostics.map((d) => `${d.location?.file}:${d.location?.line}:${d.location?.column} ${d.ruleId} ${d.message}`)).toEqual([line]);
  });

  it('accepts UTF-8 with a byte order mark', () => {
    const dir = specDir({ 'x.yaml': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('thresholds:\n  x: { description: "café", unit: ratio, warning: 1% }\n')]) });
    const result = compileSpec(readSpecDir(dir));
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});
