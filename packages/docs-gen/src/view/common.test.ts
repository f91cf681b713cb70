import type { ResolvedThreshold } from '@monspec/metrics-spec';
import { describe, expect, it } from 'vitest';
import { Prose } from '../markdown/prose.js';
import { bands } from './common.js';

/** The bands as Markdown, a missing level as `—`. */
const md = (t: ResolvedThreshold) => {
  const b = bands(t, new Prose(undefined));
  return { ok: b.ok?.md ?? '—', warning: b.warning?.md ?? '—', critical: b.critical?.md ?? '—' };
};

const base: ResolvedThreshold = {
  name: 't',
  description: '',
  unit: 'count',
  direction: 'higher_is_worse',
  warning: 500,
  critical: 1000,
  window: undefined,
  states: { ok: 'normal', warning: 'elevated', critical: 'concerning' },
};

describe('bands', () => {
  it('higher is worse: the seed’s active-connection bands', () => {
    expect(md(base)).toEqual({ ok: '< 500 (normal)', warning: '500 – 1000 (elevated)', critical: '≥ 1000 (concerning)' });
  });

  it('lower is worse: the seed’s success-rate bands, in the unit', () => {
    const t: ResolvedThreshold = { ...base, unit: 'ratio', direction: 'lower_is_worse', warning: 0.99, critical: 0.95, states: { ok: 'excellent', warning: 'acceptable', critical: 'poor' } };
    expect(md(t)).toEqual({ ok: '≥ 99 % (excellent)', warning: '95 % – 99 % (acceptable)', critical: '< 95 % (poor)' });
  });

  it('one level only', () => {
    expect(md({ ...base, critical: undefined })).toEqual({ ok: '< 500 (normal)', warning: '≥ 500 (elevated)', critical: '—' });
    expect(md({ ...base, warning: undefined, unit: 'bytes', critical: 512 * 1024 ** 2 })).toEqual({ ok: '< 512 MiB (normal)', warning: '—', critical: '≥ 512 MiB (concerning)' });
  });
});
