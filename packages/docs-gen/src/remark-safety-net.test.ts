/**
 * The up-front remark decision has a safety net: a spec string that docStrings does not list (a
 * field added to a view and forgotten there) is rendered by a second pass with remark, never an
 * internal error for the user. doc-strings.test.ts keeps the list complete; this proves the net.
 */
import { describe, expect, it, vi } from 'vitest';
import { hostileModel } from './__fixtures__/hostile.js';
import { generate } from './index.js';

const listNothing = vi.hoisted(() => ({ on: false }));
vi.mock('./view/doc-strings.js', async (original) => {
  const actual = await original<typeof import('./view/doc-strings.js')>();
  return { ...actual, docStrings: (...args: Parameters<typeof actual.docStrings>) => (listNothing.on ? { blocks: [], inlines: [], texts: [] } : actual.docStrings(...args)) };
});

describe('a spec string docStrings misses', () => {
  it('still renders, with remark, the same bytes as when the list is complete', async () => {
    const model = hostileModel(); // prose with links, HTML and images: needs remark
    const expected = await generate(model);
    listNothing.on = true;
    try {
      expect(await generate(structuredClone(model))).toEqual(expected);
    } finally {
      listNothing.on = false;
    }
  });
});
