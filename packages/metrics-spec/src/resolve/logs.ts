/** Log sources and error patterns (Loki). */
import type { MonspecDocument } from '../generated/spec-types.js';
import type { ResolvedModel } from '../model.js';
import { byName } from './common.js';

export function resolveLogs(spec: MonspecDocument): ResolvedModel['logs'] {
  return {
      sources: Object.entries(spec.logs?.sources ?? {})
        .map(([name, s]) => ({ name, selector: s.selector, description: s.description, errorFilter: s.errorFilter }))
        .sort(byName),
      patterns: Object.entries(spec.logs?.patterns ?? {})
        .map(([name, s]) => ({ name, source: s.source, description: s.description, match: s.match }))
        .sort(byName),
    };
}
