import { describe, expect, it } from 'vitest';
import { isExternal, relativePath, resolvePath, sitePage } from './paths.js';

describe('paths', () => {
  it('maps documents to site pages', () => {
    expect(sitePage('TUNNEL_MONITORING_SETUP.md')).toBe('TUNNEL_MONITORING_SETUP.html');
    expect(sitePage('metrics.md')).toBe('metrics.html');
    expect(sitePage('runbooks/HighErrorRate.md')).toBe('runbooks/HighErrorRate.html');
    expect(sitePage('index.md')).toBe('index.html');
  });

  it('resolves and relativises POSIX paths', () => {
    expect(resolvePath('runbooks/A.md', '../TUNNEL_MONITORING_SETUP.md')).toBe('TUNNEL_MONITORING_SETUP.md');
    expect(resolvePath('docs/x.md', './runbooks/A.md')).toBe('docs/runbooks/A.md');
    expect(relativePath('runbooks/A.html', 'index.html')).toBe('../index.html');
    expect(relativePath('runbooks/A.html', 'runbooks/B.html')).toBe('B.html');
    expect(relativePath('index.html', 'runbooks/B.html')).toBe('runbooks/B.html');
    expect(relativePath('setup.html', 'setup.html')).toBe('setup.html');
  });

  it('tells external links apart', () => {
    expect(isExternal('https://grafana.example/d/x')).toBe(true);
    expect(isExternal('mailto:a@b')).toBe(true);
    expect(isExternal('//cdn.example/x.js')).toBe(true);
    expect(isExternal('runbooks/A.md#meaning')).toBe(false);
  });
});
