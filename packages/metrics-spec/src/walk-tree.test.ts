import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readsAsFile, walkTree } from './walk-tree.js';

const root = mkdtempSync(join(tmpdir(), 'monspec-walk-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function tree(): string {
  const dir = mkdtempSync(join(root, 't-'));
  mkdirSync(join(dir, 'b/inner'), { recursive: true });
  writeFileSync(join(dir, 'b/inner/deep.txt'), 'x');
  writeFileSync(join(dir, 'a.txt'), 'x');
  writeFileSync(join(dir, 'B.txt'), 'x');
  writeFileSync(join(dir, 'b-c.txt'), 'x');
  mkdirSync(join(root, 'outside'), { recursive: true });
  writeFileSync(join(root, 'outside/secret.txt'), 'x');
  symlinkSync(join(root, 'outside'), join(dir, 'link-to-dir'));
  symlinkSync(join(dir, 'a.txt'), join(dir, 'link-to-file'));
  return dir;
}

describe('walkTree', () => {
  it('lists every entry by relative path, names in code-unit order level by level', () => {
    expect([...walkTree(tree())]).toEqual([
      ['B.txt', 'file'],
      ['a.txt', 'file'],
      ['b', 'dir'],
      ['b/inner', 'dir'],
      ['b/inner/deep.txt', 'file'],
      ['b-c.txt', 'file'],
      ['link-to-dir', 'link'],
      ['link-to-file', 'link'],
    ]);
  });

  it('reports a symbolic link as a link and never enters it', () => {
    const listed = [...walkTree(tree()).keys()];
    expect(listed).toContain('link-to-dir');
    expect(listed.some((p) => p.includes('secret'))).toBe(false);
  });

  it('leaves out what skip names, and does not enter a skipped folder', () => {
    const dir = tree();
    expect([...walkTree(dir, { skip: (p, kind) => kind === 'dir' && p === 'b' }).keys()]).toEqual(['B.txt', 'a.txt', 'b-c.txt', 'link-to-dir', 'link-to-file']);
    expect([...walkTree(dir, { skip: (_p, kind) => kind !== 'file' }).keys()]).toEqual(['B.txt', 'a.txt', 'b-c.txt']);
  });

  it('throws for a folder it cannot read unless onError takes it', () => {
    const missing = join(root, 'missing');
    expect(() => walkTree(missing)).toThrow(/ENOENT/);
    const seen: string[] = [];
    expect(walkTree(missing, { onError: (_err, abs) => void seen.push(abs) }).size).toBe(0);
    expect(seen).toEqual([missing]);
  });
});

describe('readsAsFile', () => {
  it('is true for a file and a link to one, false for a folder, a link to a folder and a dangling link', () => {
    const dir = mkdtempSync(join(tmpdir(), 'monspec-reads-as-file-'));
    writeFileSync(join(dir, 'f.txt'), 'x');
    mkdirSync(join(dir, 'd'));
    symlinkSync('f.txt', join(dir, 'to-file'));
    symlinkSync('d', join(dir, 'to-dir'));
    symlinkSync('missing', join(dir, 'dangling'));
    const kinds = walkTree(dir);
    const reads = Object.fromEntries([...kinds].map(([p, k]) => [p, readsAsFile(join(dir, p), k)]));
    expect(reads).toEqual({ d: false, dangling: false, 'f.txt': true, 'to-dir': false, 'to-file': true });
  });
});
