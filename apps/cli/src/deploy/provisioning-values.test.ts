import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors.js';
import { expandSettings, expandValue } from './provisioning-values.js';

describe('expandValue (file-provisioning values as the API must receive them)', () => {
  const files = (path: string) => (path === '/run/secrets/key' ? 'from-a-file\n' : undefined);
  it('$$ is a literal dollar, not a secret', () => {
    expect(expandValue('cost $$5 and $${NOT_A_VAR}', {}, files)).toEqual({ value: 'cost $5 and ${NOT_A_VAR}', secret: false });
  });
  it('${VAR} and $__file{path} are secrets, expanded from the environment and the file (its trailing newline dropped)', () => {
    expect(expandValue('${HOOK}', { HOOK: 'https://x/y' }, files)).toEqual({ value: 'https://x/y', secret: true });
    expect(expandValue('$__file{/run/secrets/key}', {}, files)).toEqual({ value: 'from-a-file', secret: true });
  });
  it('a missing or empty variable or unreadable file is named, with no value', () => {
    expect(expandValue('${HOOK}', { HOOK: '' }, files)).toEqual({ value: undefined, secret: true, missing: 'environment variable HOOK' });
    expect(expandValue('$__file{/nope}', {}, files)).toEqual({ value: undefined, secret: true, missing: 'file /nope' });
  });
  it('expandSettings refuses a settings object with a missing secret (exit 2), naming the setting and the variable', () => {
    expect(() => expandSettings({ url: '${HOOK}', recipient: '#x' }, {}, 'contact point "slack"')).toThrow(UsageError);
    expect(() => expandSettings({ url: '${HOOK}' }, {}, 'contact point "slack"')).toThrow('contact point "slack": settings.url needs the environment variable HOOK');
    expect(expandSettings({ url: '${HOOK}', n: 1 }, { HOOK: 'h' }, 'x')).toEqual({ url: 'h', n: 1 });
  });
});
