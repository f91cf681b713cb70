import type { Check } from './types.js';
import { proseHtml } from '../prose-html.js';
import { pointerToPath } from '../source-map.js';
import { specStrings } from './spec-strings.js';

export const rawHtml: Check = {
  id: 'raw-html',
  severity: 'error',
  description:
    'Spec prose is Markdown without raw HTML: the docs and the site never render raw HTML (a <script>, an <img onerror> or a harmless <br> alike), so it would be lost. Code spans may show tags.',
  examples: {
    valid: [{ title: 'tags inside code spans, comparisons and autolinks', yaml: 'thresholds:\n  other:\n    description: "Set `<namespace>` when p99 < 5 s; see <https://example.com>."\n    unit: ratio\n    warning: 1%\n' }],
    invalid: [
      {
        title: 'a script in a description',
        yaml: 'thresholds:\n  other:\n    description: "Share <script>alert(1)</script> of requests."\n    unit: ratio\n    warning: 1%\n',
        message: 'Unexpected raw HTML "<script>" (and 1 more tag) in thresholds.other.description, expected Markdown without HTML (the docs drop it)',
      },
      {
        title: 'an image with a handler in a metric meaning',
        yaml: 'metrics:\n  demo_queue_depth:\n    type: gauge\n    unit: count\n    help: Queued requests.\n    meaning: "Queued <img src=x onerror=alert(1)> requests."\n    group: request\n',
        message: 'Unexpected raw HTML "<img src=x onerror=alert(1)>" in metrics.demo_queue_depth.meaning',
      },
    ],
  },
  run({ spec }, report) {
    for (const { pointer, text } of specStrings(spec)) {
      const tags = proseHtml(text);
      const first = tags[0];
      if (first === undefined) continue;
      const more = tags.length > 1 ? ` (and ${tags.length - 1} more tag${tags.length > 2 ? 's' : ''})` : '';
      report({ pointer, message: `Unexpected raw HTML ${JSON.stringify(first.length > 60 ? `${first.slice(0, 57)}...` : first)}${more} in ${pointerToPath(pointer)}, expected Markdown without HTML (the docs drop it)` });
    }
  },
};
