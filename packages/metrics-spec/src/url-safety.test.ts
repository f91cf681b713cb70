import { describe, expect, it } from 'vitest';
import { proseUrls } from './prose-urls.js';
import { isSafeUrl, urlScheme } from './url-safety.js';

describe('isSafeUrl', () => {
  it.each([
    'https://grafana.example.com/d/x?a=1&b=2',
    'http://example.com',
    'HTTPS://EXAMPLE.COM',
    'mailto:oncall@example.com',
    'runbooks/HighErrorRate.md',
    '../setup.md#alerts',
    '#anchor',
    '//cdn.example.com/x.png',
    '',
    'git@github.com:org/repo.git',
    './javascript:alert(1)',
    '/path/with:colon',
  ])('allows %j', (url) => {
    expect(isSafeUrl(url)).toBe(true);
  });

  it.each([
    ['javascript:alert(1)', 'javascript'],
    ['JaVaScRiPt:alert(1)', 'javascript'],
    ['  javascript:alert(1)', 'javascript'],
    ['\u0000javascript:alert(1)', 'javascript'],
    ['java\tscript:alert(1)', 'javascript'],
    ['java\nscript:alert(1)', 'javascript'],
    ['java\u200bscript:alert(1)', 'javascript'],
    ['&#106;avascript:alert(1)', 'javascript'],
    ['&#x6A;avascript:alert(1)', 'javascript'],
    ['&#X6a&#x61;vascript:alert(1)', 'javascript'],
    ['&#0000106avascript:alert(1)', 'javascript'],
    ['javascript&colon;alert(1)', 'javascript'],
    ['javascript&#58;alert(1)', 'javascript'],
    ['java&Tab;script:alert(1)', 'javascript'],
    ['&amp;#106;avascript:alert(1)', 'javascript'],
    ['java%73cript:alert(1)', 'javascript'],
    ['%6A%61%76%61%73%63%72%69%70%74%3Aalert(1)', 'javascript'],
    ['data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==', 'data'],
    ['DATA:image/svg+xml,<svg onload=alert(1)>', 'data'],
    ['vbscript:msgbox(1)', 'vbscript'],
    ['file:///etc/passwd', 'file'],
    ['ssh://git@example.com/repo', 'ssh'],
  ])('rejects %j (scheme %s)', (url, scheme) => {
    expect(isSafeUrl(url)).toBe(false);
    expect(urlScheme(url)).toBe(scheme);
  });
});

describe('proseUrls', () => {
  it('finds inline links, images, autolinks, definitions and raw HTML attributes', () => {
    const prose = [
      'See [a](https://a.example) and ![b]( <javascript:b> ).',
      'Auto <JAVASCRIPT:c> and <span>text</span>.',
      '[ref]: data:text/html,d',
      '<a href="javascript:e">x</a> <img src=javascript:f onerror=alert(1)>',
      "<a href='vbscript:g'>y</a>",
      'Inside code `[h](javascript:h)` is found too.',
    ].join('\n');
    const urls = proseUrls(prose);
    expect(urls.filter((u) => !isSafeUrl(u)).sort()).toEqual(['JAVASCRIPT:c', 'data:text/html,d', 'javascript:b', 'javascript:e', 'javascript:f', 'javascript:h', 'vbscript:g']);
    expect(urls).toContain('https://a.example');
  });

  it('reads a destination with balanced parentheses whole', () => {
    expect(proseUrls('[x](javascript:alert(1)) and [y](https://e.example/a_(b)_c "title")')).toEqual(['javascript:alert(1)', 'https://e.example/a_(b)_c']);
  });

  it('finds nothing in plain prose', () => {
    expect(proseUrls('Error ratio above 5 % for 5 minutes; see the dashboard.').filter((u) => !isSafeUrl(u))).toEqual([]);
  });
});
