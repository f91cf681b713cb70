import type { Check } from './types.js';
import { proseUrls } from '../prose-urls.js';
import { specStrings } from './spec-strings.js';
import { pointerToPath } from '../source-map.js';
import { urlScheme, isSafeUrl } from '../url-safety.js';

/** Fields whose whole value is a URL that the docs turn into links. */
const URL_FIELDS: readonly RegExp[] = [/^\/service\/repository$/, /^\/service\/grafana\/url$/, /^\/service\/runbookBaseUrl$/, /^\/service\/datasources\/[^/]+\/url$/, /^\/notifications\/contactPoints\/[^/]+\/url$/];

function shown(url: string): string {
  return JSON.stringify(url.length > 60 ? `${url.slice(0, 57)}...` : url);
}

export const unsafeUrl: Check = {
  id: 'unsafe-url',
  severity: 'error',
  description:
    'Every URL that reaches the docs (Markdown links, images and autolinks and raw HTML attributes in any prose, the repository, Grafana, datasource, webhook and runbook base URLs) is http, https, mailto or relative; javascript:, data: and the like, however spelled (case, character references, percent-encoding, control characters), are reported.',
  examples: {
    valid: [{ title: 'https, mailto and relative links in prose', yaml: 'thresholds:\n  other:\n    description: See [the guide](https://example.com/guide), [mail](mailto:a@example.com) and [a runbook](runbooks/x.md).\n    unit: ratio\n    warning: 1%\n' }],
    invalid: [
      {
        title: 'a javascript: link in a description',
        yaml: 'thresholds:\n  other:\n    description: Click [here](javascript:alert(1)).\n    unit: ratio\n    warning: 1%\n',
        message: 'Unexpected URL "javascript:alert(1)" with the scheme "javascript:" in thresholds.other.description, expected an http, https, mailto or relative URL',
      },
      {
        title: 'an encoded, mixed-case scheme in an image',
        yaml: 'thresholds:\n  other:\n    description: "![x](DaTa&colon;text/html,x)"\n    unit: ratio\n    warning: 1%\n',
        message: 'with the scheme "data:"',
      },
      // A URL in raw HTML is reported too, beside raw-html's own error (hostile-browser.test.ts); an
      // example here must give exactly one error, so raw HTML has its examples in raw-html.ts.
      {
        title: 'a repository URL with a script scheme, set by an overlay',
        yaml: 'environments:\n  prod:\n    description: Production.\n    default: true\n    overlay:\n      service:\n        repository: "JavaScript:alert(document.domain)"\n',
        message: 'in service.repository',
      },
    ],
  },
  run({ spec }, report) {
    for (const { pointer, text } of specStrings(spec)) {
      const urls = URL_FIELDS.some((f) => f.test(pointer)) ? [text] : proseUrls(text);
      for (const url of urls) {
        if (isSafeUrl(url)) continue;
        report({
          pointer,
          message: `Unexpected URL ${shown(url)} with the scheme "${urlScheme(url) ?? ''}:" in ${pointerToPath(pointer)}, expected an http, https, mailto or relative URL`,
        });
      }
    }
  },
};
