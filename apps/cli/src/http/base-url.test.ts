import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors.js';
import { baseUrl } from './base-url.js';

describe('baseUrl', () => {
  it('keeps an http(s) address without its trailing slash', () => {
    expect(baseUrl('--prometheus', 'http://localhost:9090/')).toBe('http://localhost:9090');
    expect(baseUrl('GRAFANA_URL', 'https://grafana.example.com/sub')).toBe('https://grafana.example.com/sub');
  });

  it('refuses another scheme or no URL, naming where it came from', () => {
    expect(() => baseUrl('--prometheus', 'ftp://x')).toThrow('Unexpected --prometheus ftp://x, expected an http or https URL');
    expect(() => baseUrl('PROMETHEUS_URL', 'localhost')).toThrow(UsageError);
  });

  it('refuses credentials without printing them, for every caller', () => {
    for (const what of ['GRAFANA_URL', 'PROMETHEUS_URL', '--alertmanager']) {
      const err = (() => {
        try {
          baseUrl(what, 'http://admin:s3cret@localhost:3000');
        } catch (e) {
          return e as Error;
        }
        return undefined;
      })();
      expect(err?.message).toContain(`Unexpected credentials in ${what}`);
      expect(err?.message).not.toContain('s3cret');
    }
  });
});
