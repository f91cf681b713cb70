/**
 * A hostile spec (issue #13): prose, repository and base URLs trying every way to get a script into
 * the docs site. `HOSTILE_SPEC` is the demo spec with them written in, for `validate`;
 * `hostileModel` is the demo model with the same texts put in after validation, for what docs-gen
 * does with anything that gets past it.
 */
import type { ResolvedModel, SpecFile } from '@monspec/metrics-spec';
import { DEMO_SPEC } from '@monspec/test-kit';
import { demoModel } from '../test-support/specs.js';

/** Every unsafe URL of `HOSTILE_PROSE`, as `validate` reads it. */
export const HOSTILE_PROSE_URLS: readonly string[] = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(2)',
  'java&#x09;script&colon;alert(3)',
  'java%73cript:alert(4)',
  'data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIG9ubG9hZD0iYWxlcnQoNSkiLz4=',
  'javascript:alert(6)',
  'javascript:alert(7)',
  'vbscript:alert(10)',
];

const HOSTILE_PROSE = [
  'Hostile prose: [inline](javascript:alert(1)), [mixed](JaVaScRiPt:alert(2)), [encoded](java&#x09;script&colon;alert(3)), [percent](java%73cript:alert(4)).',
  'An image ![svg picture](data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIG9ubG9hZD0iYWxlcnQoNSkiLz4=) and an autolink <javascript:alert(6)>.',
  'A [reference][evil], a raw <a href="javascript:alert(7)">raw link</a> and <img src=x onerror=alert(8)>.',
  '',
  '<script>alert(9)</script>',
  '',
  'A safe [guide](https://example.com/guide).',
  '',
  '[evil]: vbscript:alert(10)',
].join('\n');

export const HOSTILE_REPOSITORY = 'JaVaScRiPt:alert(document.domain)';

const block = (indent: string) => `|\n${HOSTILE_PROSE.split('\n').map((l) => (l === '' ? '' : indent + l)).join('\n')}\n`;

function replaced(file: SpecFile, from: string, to: string): SpecFile {
  if (!file.text.includes(from)) throw new Error(`hostile fixture: ${file.path} has no ${JSON.stringify(from)}`);
  return { path: file.path, text: file.text.replace(from, to) };
}

/** The demo spec with hostile prose in the service description, a metric meaning and a runbook meaning, and a hostile repository. */
export const HOSTILE_SPEC: readonly SpecFile[] = DEMO_SPEC.map((f) => {
  if (f.path === 'service.yaml') {
    return replaced(f, "  description: The demo service's checkout API.\n", `  description: ${block('    ')}  repository: "${HOSTILE_REPOSITORY}"\n`);
  }
  if (f.path === 'metrics.yaml') return replaced(f, '    meaning: Requests that failed, by tier.\n', `    meaning: ${block('      ')}`);
  if (f.path === 'alerts.yaml') return replaced(f, '    meaning: More than ${threshold} of requests fail.\n', `    meaning: ${block('      ')}`);
  return f;
});

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends object ? Mutable<T[K]> : T[K] };

/** The demo model with the hostile texts, and Grafana and runbook base URLs no schema would let through. */
export function hostileModel(): ResolvedModel {
  const model = structuredClone(demoModel()) as Mutable<ResolvedModel>;
  model.service.description = HOSTILE_PROSE;
  model.service.repository = HOSTILE_REPOSITORY;
  model.service.grafana.url = 'javascript:alert(11)//';
  model.service.runbookBaseUrl = 'data:text/html,<script>alert(12)</script>';
  for (const m of model.metrics) m.meaning = HOSTILE_PROSE;
  for (const a of model.alerts) a.runbook.meaning = HOSTILE_PROSE;
  for (const d of model.dashboards) d.description = HOSTILE_PROSE;
  return model as ResolvedModel;
}
