/**
 * `generate` keeps no module-level state (issue #15): calls that overlap give the bytes of calls made
 * one after the other, and each document is rendered once per call, whether or not the spec's prose
 * needs remark.
 */
import type { Artifact, ResolvedModel } from '@monspec/metrics-spec';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { demoModel } from './test-support/specs.js';
import { hostileModel } from './__fixtures__/hostile.js';
import { generate } from './index.js';
import { needsRemark } from './markdown/prose.js';
import { docStrings } from './view/doc-strings.js';
import { embeddedModel } from './test-support/embedded.js';
import * as document from './page/document.js';

// Every document goes through renderDocument once per build: count the calls.
vi.mock('./page/document.js', async (original) => {
  const actual = await original<typeof document>();
  return { ...actual, renderDocument: vi.fn(actual.renderDocument) };
});
const renders = vi.mocked(document.renderDocument);

/** The documents of a model: index, guide, catalogue and one runbook per alert name. */
const documentCount = (model: ResolvedModel) => 3 + new Set(model.alerts.map((a) => a.name)).size + model.dashboards.length;
/** A fresh copy, so nothing any call may remember about a model object is reused. */
const copy = (model: ResolvedModel) => structuredClone(model) as ResolvedModel;
const rich = hostileModel(); // prose with links, HTML and images: needs remark
const plain = embeddedModel('production'); // plain prose: renders without remark

describe('generate is reentrant', () => {
  // A block body: a function returned from beforeEach would run as a cleanup hook.
  beforeEach(() => {
    renders.mockClear();
  });

  // First in this file: no call before it has loaded remark or rendered anything.
  it('overlapping calls on different models give the bytes of sequential calls, each document rendered once', async () => {
    // The remark call starts first and is still loading remark while the plain call renders.
    const together = await Promise.all([generate(copy(rich)), generate(copy(plain)), generate(copy(rich))]);
    expect(renders.mock.calls.length).toBe(2 * documentCount(rich) + documentCount(plain));
    const sequential: Artifact[][] = [await generate(copy(rich)), await generate(copy(plain))];
    expect(together[0]).toEqual(sequential[0]);
    expect(together[1]).toEqual(sequential[1]);
    expect(together[2]).toEqual(sequential[0]);
  });

  it('renders each document once, with or without remark', async () => {
    for (const model of [plain, rich, demoModel()]) {
      renders.mockClear();
      await generate(copy(model));
      expect(renders.mock.calls.length).toBe(documentCount(model));
      expect(new Set(renders.mock.calls.map((c) => c[2])).size).toBe(documentCount(model));
    }
  });

  it('the test models cover both cases: one needs remark, one does not', () => {
    expect(needsRemark(docStrings(rich))).toBe(true);
    expect(needsRemark(docStrings(plain))).toBe(false);
  });
});
